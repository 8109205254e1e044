package io.footfall.count;

import io.footfall.track.TrackId;
import java.time.Instant;

/**
 * A crossing withdrawn because the same track crossed back within {@code cancelWindow} (a u-turn at the
 * door). Informational: the withdrawn crossing was never emitted as a {@link LineCrossing}, so nothing
 * must be subtracted downstream.
 *
 * @param direction         direction of the withdrawn crossing
 * @param crossedFrame      frame of the withdrawn crossing
 * @param crossedPtsMillis  its presentation time
 * @param frame             frame where the return crossing was settled
 * @param ptsMillis         its presentation time
 * @param at                its wall-clock time
 */
public record CrossingCancelled(String id, String deviceId, String cameraId, String line, Direction direction,
                                TrackId trackId, long crossedFrame, long crossedPtsMillis, long frame,
                                long ptsMillis, Instant at) implements CountEvent {
}

package io.footfall.count;

import io.footfall.track.TrackId;
import java.time.Instant;

/**
 * A track crossed a line. Final: emitted only after {@code cancelWindow} passed without a return crossing,
 * so these can simply be summed.
 *
 * @param frame     frame where the anchor first reached the far side
 * @param ptsMillis that frame's presentation time
 * @param at        that frame's wall-clock time
 */
public record LineCrossing(String id, String deviceId, String cameraId, String line, Direction direction,
                           TrackId trackId, long frame, long ptsMillis, Instant at, Boolean staff) implements CountEvent {
    /** Without a staff gallery: whether the person was staff is not known ({@code staff} null). */
    public LineCrossing(String id, String deviceId, String cameraId, String line, Direction direction, TrackId trackId,
                        long frame, long ptsMillis, Instant at) {
        this(id, deviceId, cameraId, line, direction, trackId, frame, ptsMillis, at, null);
    }
}

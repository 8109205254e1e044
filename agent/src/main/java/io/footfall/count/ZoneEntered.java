package io.footfall.count;

import io.footfall.track.TrackId;
import java.time.Instant;

/**
 * A track entered a zone (and stayed in for {@code zoneMinFrames} frames). Times are of the first frame
 * inside, not of the frame where the entry was confirmed.
 */
public record ZoneEntered(String id, String deviceId, String cameraId, String zone, TrackId trackId,
                          long frame, long ptsMillis, Instant at) implements CountEvent {
}

package io.footfall.count;

import io.footfall.track.TrackId;
import java.time.Instant;

/**
 * A visit to a zone ended. Times are of the first frame outside, or of the last frame the track was seen
 * when it ended inside.
 *
 * @param dwellMillis time from the visit's entry to this exit
 * @param reason      why the visit ended
 */
public record ZoneExited(String id, String deviceId, String cameraId, String zone, TrackId trackId,
                         long frame, long ptsMillis, Instant at, long dwellMillis, Reason reason)
        implements CountEvent {

    /** Why a visit ended. */
    public enum Reason {
        /** The track walked out. */
        LEFT,
        /** The tracker lost the track for good while it was inside. */
        TRACK_ENDED,
        /** The stream ended while the track was inside. */
        STREAM_ENDED
    }
}

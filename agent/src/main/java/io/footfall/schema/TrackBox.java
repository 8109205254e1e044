package io.footfall.schema;

import io.footfall.geometry.Box;
import java.util.Objects;

/**
 * One tracker hypothesis: where track {@code trackId} says an object is in one frame.
 *
 * Immutable.
 *
 * @param frame   0-based decode index of the video frame
 * @param trackId the tracker's identity for the object, stable across frames
 * @param box     tlwh, source pixels
 */
public record TrackBox(long frame, long trackId, Box box) {
    public TrackBox {
        if (frame < 0) {
            throw new IllegalArgumentException("frame must be >= 0, got " + frame);
        }
        Objects.requireNonNull(box, "box");
    }
}

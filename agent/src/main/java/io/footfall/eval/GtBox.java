package io.footfall.eval;

import io.footfall.geometry.Box;
import java.util.Objects;

/**
 * One ground-truth box: where annotated object {@code objectId} is in one frame.
 *
 * Immutable.
 *
 * @param frame    0-based decode index of the video frame (MOTChallenge frame N is index N-1)
 * @param objectId the annotation's identity, stable across frames
 * @param box      tlwh, source pixels
 */
public record GtBox(long frame, long objectId, Box box) {
    public GtBox {
        if (frame < 0) {
            throw new IllegalArgumentException("frame must be >= 0, got " + frame);
        }
        Objects.requireNonNull(box, "box");
    }
}

package io.footfall.detect;

import io.footfall.geometry.Box;
import java.util.Objects;

/**
 * One object found in one frame.
 *
 * @param box   where, in source pixels
 * @param score detector confidence in 0..1
 * @param label class name from the model manifest (e.g. {@code person})
 */
public record Detection(Box box, float score, String label) {
    public Detection {
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(label, "label");
    }
}

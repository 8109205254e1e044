package io.footfall.config;

import io.footfall.detect.DetectionMask;
import io.footfall.detect.InputSize;
import io.footfall.detect.Tiling;

import java.util.Objects;
import java.util.Optional;

/**
 * A camera's own detection settings: a threshold, picture size and tiling for its view (a wide plaza needs more than
 * a doorway), and the regions it looks at or ignores.
 */
public record DetectorOverrides(Optional<Float> minScore, Optional<InputSize> inputSize, Optional<Tiling> tiling,
                                DetectionMask mask) {

    public static final DetectorOverrides NONE = new DetectorOverrides(Optional.empty(), Optional.empty(), Optional.empty(),
            DetectionMask.NONE);

    public DetectorOverrides {
        Objects.requireNonNull(minScore, "minScore");
        Objects.requireNonNull(inputSize, "inputSize");
        Objects.requireNonNull(tiling, "tiling");
        Objects.requireNonNull(mask, "mask");
    }
}

package io.footfall.config;

import io.footfall.detect.DetectionMask;
import io.footfall.detect.InputSize;
import io.footfall.detect.Tiling;

import java.util.Objects;
import java.util.Optional;

/**
 * A camera's own detection settings: a threshold, picture size and tiling for its view (a wide plaza needs more than
 * a doorway), the regions it looks at or ignores, and how many frames a second it analyses.
 *
 * @param analysisFps frames analysed per second at most, chosen by timestamp; empty for every frame
 */
public record DetectorOverrides(Optional<Float> minScore, Optional<InputSize> inputSize, Optional<Tiling> tiling,
                                DetectionMask mask, Optional<Double> analysisFps) {

    public static final DetectorOverrides NONE = new DetectorOverrides(Optional.empty(), Optional.empty(), Optional.empty(),
            DetectionMask.NONE, Optional.empty());

    public DetectorOverrides(Optional<Float> minScore, Optional<InputSize> inputSize, Optional<Tiling> tiling,
                             DetectionMask mask) {
        this(minScore, inputSize, tiling, mask, Optional.empty());
    }

    public DetectorOverrides {
        Objects.requireNonNull(analysisFps, "analysisFps");
        Objects.requireNonNull(minScore, "minScore");
        Objects.requireNonNull(inputSize, "inputSize");
        Objects.requireNonNull(tiling, "tiling");
        Objects.requireNonNull(mask, "mask");
    }
}

package io.footfall.testing;

import io.footfall.FootfallPaths;
import io.footfall.detect.Detector;
import io.footfall.detect.DetectorSettings;
import io.footfall.job.DetectJob;

/**
 * Real detectors for tests, opened the way {@code footfall detect} opens them (installed model, else fetched from the
 * local mirror). The one place tests reach for {@link FootfallPaths}: test data itself comes from {@link SharedData}.
 */
public final class TestDetectors {
    private TestDetectors() {
    }

    /** The detect job of this checkout, for tests that write detections as {@code footfall detect} does. */
    public static DetectJob job() {
        return new DetectJob(FootfallPaths.detect());
    }

    public static Detector open(DetectorSettings settings) {
        return job().openDetector(settings);
    }
}

package io.footfall.agent;

import io.footfall.config.CameraConfig;
import io.footfall.config.ConfigRules;
import io.footfall.config.FootfallConfig;
import io.footfall.detect.DetectorSettings;
import io.footfall.pipeline.CameraPipeline;

import java.util.Objects;

/** What each camera runs with, derived from a configuration. Stateless. */
final class Plans {
    private Plans() {
    }

    static void check(FootfallConfig config) {
        ConfigRules.check(config);
    }

    static CameraPipeline.Settings pipeline(FootfallConfig c, CameraConfig cam) {
        return CameraPipeline.Settings.of(c, cam);
    }

    /**
     * Inference threads each camera's detector is opened with. OpenVINO cameras share one compiled model (see
     * {@code DetectorFactory}), which then gets every thread; ONNX Runtime opens one session per camera, so the threads
     * are split between them.
     */
    /**
     * How far apart in time a record and the one stored before it may be: an aggregate is stored its interval and its
     * close delay after its own time, and a minute more covers the cameras' clocks and batches.
     */
    static java.time.Duration restoreSlack(FootfallConfig c) {
        java.time.Duration widest = java.time.Duration.ZERO;
        for (io.footfall.config.CameraConfig cam : c.cameras()) {
            io.footfall.count.AnalyticsConfig a = c.analyticsFor(cam);
            java.time.Duration d = a.interval().plus(a.closeDelay());
            widest = d.compareTo(widest) > 0 ? d : widest;
        }
        return widest.plusMinutes(1);
    }

    static int threadsPerCamera(FootfallConfig c) {
        int all = c.detector().threads();
        return c.detector().backend() == io.footfall.detect.BackendKind.OPENVINO ? all : Math.max(1, all / Math.max(1, c.cameras().size()));
    }

    static DetectorSettings detector(FootfallConfig c, CameraConfig cam) {
        return c.detectorFor(cam);
    }

    /**
     * Lines, zones, counting, tracking and clip settings change between two frames of a running pipeline; a new
     * source, start instant or detector needs the camera restarted.
     */
    static boolean canUpdateInPlace(FootfallConfig before, FootfallConfig after, CameraConfig cam, CameraRunner running) {
        CameraConfig old = before.camera(cam.id()).orElse(null);
        if (old == null) {
            return false;
        }
        DetectorSettings next = detector(after, cam).withThreads(running.detectorSettings().threads());
        // The analysis rate is the decoder's, fixed when the camera's run starts.
        boolean sameRate = old.overrides().detector().analysisFps().equals(cam.overrides().detector().analysisFps());
        return old.source().equals(cam.source()) && old.start().equals(cam.start()) && sameRate
                && Objects.equals(next, running.detectorSettings()) && before.deviceId().equals(after.deviceId());
    }
}

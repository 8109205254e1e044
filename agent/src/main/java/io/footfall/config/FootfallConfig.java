package io.footfall.config;

import io.footfall.count.AnalyticsConfig;
import io.footfall.detect.DetectorSettings;
import io.footfall.track.TrackerConfig;

import java.util.List;

/**
 * Everything {@code footfall run} needs: the same schema comes from a YAML/JSON file and, later, the
 * device twin. Immutable.
 *
 * @param privacy the global privacy policy; a camera may override it ({@link #privacyOf})
 */
public record FootfallConfig(String deviceId, DetectorSettings detector, TrackerConfig tracker,
                             AnalyticsConfig analytics, ClipPolicy clips, StoreSettings store, List<CameraConfig> cameras,
                             PrivacyPolicy privacy) {
    public FootfallConfig {
        cameras = List.copyOf(cameras);
        java.util.Objects.requireNonNull(privacy, "privacy");
    }

    /** With the default privacy policy (heads pixelated). */
    public FootfallConfig(String deviceId, DetectorSettings detector, TrackerConfig tracker,
                          AnalyticsConfig analytics, ClipPolicy clips, StoreSettings store, List<CameraConfig> cameras) {
        this(deviceId, detector, tracker, analytics, clips, store, cameras, PrivacyPolicy.defaults());
    }

    /** The policy that applies to one camera's frames. */
    public PrivacyPolicy privacyOf(CameraConfig camera) {
        return camera.privacy().orElse(privacy);
    }
}

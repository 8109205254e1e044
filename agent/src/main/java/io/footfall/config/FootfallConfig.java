package io.footfall.config;

import io.footfall.count.AnalyticsConfig;
import io.footfall.detect.DetectorSettings;
import io.footfall.track.TrackerConfig;

import java.util.List;

/**
 * Everything {@code footfall run} needs: the same schema comes from a YAML/JSON file and, later, the
 * device twin. Immutable.
 */
public record FootfallConfig(String deviceId, DetectorSettings detector, TrackerConfig tracker,
                             AnalyticsConfig analytics, ClipPolicy clips, StoreSettings store, List<CameraConfig> cameras) {
    public FootfallConfig {
        cameras = List.copyOf(cameras);
    }
}

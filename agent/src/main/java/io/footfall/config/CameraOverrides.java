package io.footfall.config;

import io.footfall.count.AnalyticsConfig;
import io.footfall.track.TrackerConfig;

import java.util.Optional;

/**
 * A camera's own settings where they differ from the global sections (a wide entrance may need another detection
 * threshold, tracker or interval than an aisle). Each present section is complete: the loader merged the camera's
 * keys over the global section. Privacy masks are per camera only (they depend on the view).
 */
public record CameraOverrides(DetectorOverrides detector, Optional<TrackerConfig> tracker, Optional<AnalyticsConfig> counting,
                              Optional<ClipPolicy> clips, Optional<PrivacyPolicy> privacy) {

    public static final CameraOverrides NONE = new CameraOverrides(DetectorOverrides.NONE, Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    public boolean isEmpty() {
        return this.equals(NONE);
    }
}

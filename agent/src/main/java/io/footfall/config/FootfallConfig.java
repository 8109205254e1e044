package io.footfall.config;

import io.footfall.count.AnalyticsConfig;
import io.footfall.detect.DetectorSettings;
import io.footfall.track.TrackerConfig;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the agent runs with: the same schema comes from a YAML/JSON file and from the device twin's desired
 * properties ({@link ConfigLoader}). Immutable; build variations with {@link #toBuilder()}.
 *
 * @param deviceId the device (edge box) id, in every record id
 * @param storeId  the store (site) the device belongs to; the cloud side groups and partitions by it
 * @param sync     what cloud sync sends (where to comes from the environment only)
 * @param privacy  the global privacy policy of annotated frames; a camera may override it ({@link #privacyFor})
 * @param ops      the operations endpoint: metrics, health, status page
 */
public record FootfallConfig(String deviceId, String storeId, DetectorSettings detector, TrackerConfig tracker,
                             AnalyticsConfig analytics, ClipPolicy clips, StoreSettings store, PrivacyPolicy privacy,
                             SyncSettings sync, OpsSettings ops, List<CameraConfig> cameras) {
    public FootfallConfig {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(privacy, "privacy");
        Objects.requireNonNull(sync, "sync");
        Objects.requireNonNull(ops, "ops");
        Objects.requireNonNull(storeId, "storeId");
        cameras = List.copyOf(cameras);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().deviceId(deviceId).storeId(storeId).detector(detector).tracker(tracker).analytics(analytics)
                .clips(clips).store(store).privacy(privacy).sync(sync).ops(ops).cameras(cameras);
    }

    /**
     * The detector settings a camera runs with. An unset {@code minScore} is the tracker's {@code lowThresh}: the
     * second association needs the low-score boxes ({@link ConfigRules#minScoreDoesNotStarveTheSecondAssociation}).
     */
    public DetectorSettings detectorFor(CameraConfig camera) {
        DetectorOverrides own = camera.overrides().detector();
        Optional<Float> min = own.minScore().or(detector::minScore);
        return detector.withView(own.inputSize(), own.tiling()).withMinScore(min.orElse(trackerFor(camera).lowThresh()));
    }

    public TrackerConfig trackerFor(CameraConfig camera) {
        return camera.overrides().tracker().orElse(tracker);
    }

    public AnalyticsConfig analyticsFor(CameraConfig camera) {
        return camera.overrides().counting().orElse(analytics);
    }

    public ClipPolicy clipsFor(CameraConfig camera) {
        return camera.overrides().clips().orElse(clips);
    }

    /** The policy that applies to one camera's annotated frames (clips, snapshots, the status page). */
    public PrivacyPolicy privacyFor(CameraConfig camera) {
        return camera.overrides().privacy().orElse(privacy);
    }

    /**
     * This configuration reduced to one camera that runs with the given detection threshold and tracker (as that
     * camera's own overrides, so its other overrides still apply) and keeps no clips: one setting of a tuning sweep.
     *
     * @param minScore the camera's detector threshold; empty for the configuration's own rule (global
     *                 {@code detector.minScore}, else the tracker's {@code lowThresh})
     */
    public FootfallConfig tunedCamera(CameraConfig camera, Optional<Float> minScore, TrackerConfig tracker) {
        CameraOverrides o = camera.overrides();
        CameraConfig tuned = new CameraConfig(camera.id(), camera.source(), camera.start(), camera.lines(), camera.zones(),
                new CameraOverrides(new DetectorOverrides(minScore, o.detector().inputSize(), o.detector().tiling(),
                        o.detector().mask(), o.detector().analysisFps()), Optional.of(tracker), o.counting(), Optional.empty(), o.privacy()));
        return toBuilder().clips(new ClipPolicy(ClipPolicy.Mode.OFF, clips.pre(), clips.post())).cameras(List.of(tuned)).build();
    }

    /** The camera with this id. */
    public java.util.Optional<CameraConfig> camera(String id) {
        return cameras.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Fluent builder; unset sections take their defaults, an unset store id is the device id. */
    public static final class Builder {
        private String deviceId = "local";
        private String storeId;
        private DetectorSettings detector = DetectorSettings.defaults("person-detection-retail-0013", io.footfall.detect.BackendKind.OPENVINO);
        private TrackerConfig tracker = TrackerConfig.defaults();
        private AnalyticsConfig analytics = AnalyticsConfig.defaults();
        private ClipPolicy clips = ClipPolicy.defaults();
        private StoreSettings store = StoreSettings.defaults();
        private PrivacyPolicy privacy = PrivacyPolicy.defaults();
        private SyncSettings sync = SyncSettings.defaults();
        private OpsSettings ops = OpsSettings.defaults();
        private List<CameraConfig> cameras = List.of();

        private Builder() {
        }

        public Builder deviceId(String v) {
            deviceId = Objects.requireNonNull(v);
            return this;
        }

        public Builder storeId(String v) {
            storeId = v;
            return this;
        }

        public Builder detector(DetectorSettings v) {
            detector = Objects.requireNonNull(v);
            return this;
        }

        public Builder tracker(TrackerConfig v) {
            tracker = Objects.requireNonNull(v);
            return this;
        }

        public Builder analytics(AnalyticsConfig v) {
            analytics = Objects.requireNonNull(v);
            return this;
        }

        public Builder clips(ClipPolicy v) {
            clips = Objects.requireNonNull(v);
            return this;
        }

        public Builder store(StoreSettings v) {
            store = Objects.requireNonNull(v);
            return this;
        }

        public Builder privacy(PrivacyPolicy v) {
            privacy = Objects.requireNonNull(v);
            return this;
        }

        public Builder sync(SyncSettings v) {
            sync = Objects.requireNonNull(v);
            return this;
        }

        public Builder ops(OpsSettings v) {
            ops = Objects.requireNonNull(v);
            return this;
        }

        public Builder cameras(List<CameraConfig> v) {
            cameras = List.copyOf(v);
            return this;
        }

        public FootfallConfig build() {
            return new FootfallConfig(deviceId, storeId == null ? deviceId : storeId, detector, tracker, analytics, clips, store,
                    privacy, sync, ops, cameras);
        }
    }
}

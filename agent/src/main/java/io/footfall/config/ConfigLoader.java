package io.footfall.config;

import io.footfall.FileErrors;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.footfall.BadInputException;
import io.footfall.count.AnalyticsConfig;
import io.footfall.count.Anchor;
import io.footfall.count.CountLine;
import io.footfall.count.Zone;
import io.footfall.detect.BackendKind;
import io.footfall.detect.DetectionMask;
import io.footfall.detect.DetectorSettings;
import io.footfall.detect.InputSize;
import io.footfall.detect.Tiling;
import io.footfall.track.AppearanceConfig;
import io.footfall.track.TrackerConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a {@link FootfallConfig} from YAML or JSON, strictly: unknown keys, wrong types and numbers out
 * of bounds are errors naming the field ({@code cameras[0].lines[1].points}) and the expected form.
 * Defaults fill what is left out. Pure: reading the file is the only I/O.
 *
 * <pre>
 * device: store-042
 * detector: {model: person-detection-retail-0013, backend: openvino, threads: 2}
 * tracker: {trackThresh: 0.5, lowThresh: 0.1, newTrackThresh: 0.6, matchThresh: 0.8, lostTimeoutSeconds: 1.5, minHits: 2}
 * counting: {anchor: bottom-center, lineHysteresis: 0.1, cancelWindowSeconds: 2, zoneMinFrames: 3, intervalSeconds: 60}
 * clips: {mode: events, preSeconds: 3, postSeconds: 3}
 * store: {quotaMb: 1024, maxAgeDays: 30, retentionIntervalSeconds: 60}
 * ops: {port: 9600, healthDownAfterSeconds: 120}
 * cameras:
 *   - id: entrance
 *     source: rtsp://camera-1/stream
 *     lines: [{name: door, points: [[0.8, 0], [0.8, 1]]}]
 *     zones: [{name: room, polygon: [[0, 0], [1, 0], [1, 1], [0, 1]]}]
 * </pre>
 */
public final class ConfigLoader {
    /** Far above any real config (sixteen cameras with zones is a few KB), far below where parsing gets slow. */
    static final long MAX_FILE_BYTES = 1 << 20;

    private ConfigLoader() {
    }

    public static FootfallConfig load(Path file) {
        if (Files.isDirectory(file)) {
            throw new BadInputException("config file " + file + " is a directory (expected a YAML or JSON file)");
        }
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("config file " + file + " does not exist");
        }
        boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        // Duplicate keys are errors: YAML and JSON parsers otherwise keep the last one silently.
        ObjectMapper mapper = json ? io.footfall.json.Json.mapper() : io.footfall.json.Json.yamlMapper();
        try {
            // A config is a few KB; the YAML parser takes quadratic time over some long lines (50 MB: minutes).
            long bytes = Files.size(file);
            if (bytes > MAX_FILE_BYTES) {
                throw new BadInputException("config file " + file + " is " + bytes + " bytes (expected at most "
                        + MAX_FILE_BYTES + ": a config file, not data)");
            }
            if (!json) {
                refuseAliases(mapper, file);
            }
            return parse(mapper.readTree(file.toFile()), file.toString());
        } catch (JsonProcessingException e) {
            // Limits such as the nesting depth are reported without a location.
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new ConfigException("config file " + file + " is not valid " + (json ? "JSON" : "YAML")
                    + where + ": " + e.getOriginalMessage(), e);
        } catch (java.io.CharConversionException e) {
            throw new BadInputException("config file " + file + " is not UTF-8 text (expected YAML or JSON in UTF-8)", e);
        } catch (IOException e) {
            throw new BadInputException("cannot read config file " + file + ": " + FileErrors.reason(e), e);
        }
    }

    /**
     * YAML anchors and aliases ({@code &p} ... {@code *p}) would reach the schema as the alias's name ("expected a
     * list, found "p""): the YAML reader does not resolve them. Said plainly instead, with the line.
     */
    private static void refuseAliases(ObjectMapper mapper, Path file) throws IOException {
        try (com.fasterxml.jackson.core.JsonParser p = mapper.getFactory().createParser(file.toFile())) {
            while (p.nextToken() != null) {
                if (p instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser y && y.isCurrentAlias()) {
                    throw new ConfigException("config file " + file + " uses a YAML alias (*" + p.getText() + ") at line "
                            + p.currentLocation().getLineNr() + ": aliases are not supported; write the value out in full");
                }
            }
        }
    }

    /**
     * Parses an already-read tree (a file, or a twin's desired properties): validated against {@link ConfigSchema},
     * bound to records with defaults, then checked by {@link ConfigRules}.
     */
    public static FootfallConfig parse(JsonNode tree, String origin) {
        Node.root(tree, origin);
        JsonNode doc = YamlScalars.offAsString(tree);
        ConfigSchema.validate(doc, origin);
        try {
            return ConfigRules.check(bind(doc, origin));
        } catch (ConfigException e) {
            // Binding and the cross-field rules name the field; like the schema's errors, name the file too.
            throw new ConfigException(origin + ": " + e.getMessage(), e);
        }
    }

    private static FootfallConfig bind(JsonNode tree, String origin) {
        Node root = Node.root(tree, origin);
        root.allowOnly(Set.of("device", "storeId", "detector", "tracker", "counting", "clips", "store", "privacy", "sync", "ops", "cameras"));
        String device = root.name("device", "local");
        String storeId = root.name("storeId", device);
        DetectorSettings detector = detector(root.object("detector"));
        TrackerConfig tracker = tracker(root.object("tracker"));
        AnalyticsConfig analytics = counting(root.object("counting"));
        ClipPolicy clips = clips(root.object("clips"));
        StoreSettings store = store(root.object("store"));
        PrivacyPolicy privacy = privacy(root.object("privacy"), PrivacyPolicy.defaults(), false);
        SyncSettings sync = sync(root.object("sync"));
        OpsSettings ops = ops(root.object("ops"));
        List<Node> cams = root.objects("cameras", true);
        if (cams.isEmpty()) {
            throw new ConfigException("config field cameras: expected at least one camera");
        }
        List<CameraConfig> cameras = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Node c : cams) {
            CameraConfig cam = camera(c, root, tracker, analytics, clips, privacy);
            if (!ids.add(cam.id())) {
                throw new ConfigException("config field " + c.path("id") + ": camera id '" + cam.id() + "' is used twice");
            }
            cameras.add(cam);
        }
        return new FootfallConfig(device, storeId, detector, tracker, analytics, clips, store, privacy, sync, ops, cameras);
    }

    static DetectorSettings detector(Node n) {
        n.allowOnly(Set.of("model", "variant", "backend", "threads", "throughput", "minScore", "openvinoLib", "inputSize", "tiling",
                "inFlight"));
        BackendKind backend = n.oneOf("backend", BackendKind.class, BackendKind.OPENVINO, BackendKind::id);
        int threads = n.integer("threads", 1, DetectorSettings.MAX_THREADS, Math.max(1, Runtime.getRuntime().availableProcessors()));
        Optional<Float> minScore = n.has("minScore") ? Optional.of((float) n.number("minScore", 0, 1, 0)) : Optional.empty();
        return new DetectorSettings(n.string("model", "person-detection-retail-0013"),
                Optional.ofNullable(n.has("variant") ? n.string("variant") : null), Optional.empty(), backend, threads,
                n.bool("throughput", false), Optional.ofNullable(n.has("openvinoLib") ? Path.of(n.string("openvinoLib")) : null),
                minScore, inputSize(n), tiling(n),
                n.integer("inFlight", 1, DetectorSettings.MAX_IN_FLIGHT, DetectorSettings.DEFAULT_IN_FLIGHT));
    }

    private static Optional<InputSize> inputSize(Node n) {
        if (!n.has("inputSize")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InputSize.parse(n.string("inputSize")));
        } catch (BadInputException e) {
            throw new ConfigException("config field " + n.path("inputSize") + ": " + e.getMessage());
        }
    }

    private static Optional<Tiling> tiling(Node n) {
        if (!n.has("tiling")) {
            return Optional.empty();
        }
        Node t = n.object("tiling");
        t.allowOnly(Set.of("columns", "rows", "overlap", "wholeFrame"));
        try {
            return Optional.of(new Tiling(t.integer("columns", 1, 8, 2), t.integer("rows", 1, 8, 2),
                    t.number("overlap", 0, 0.5, 0.2), t.bool("wholeFrame", true)));
        } catch (BadInputException e) {
            throw new ConfigException("config field " + n.path("tiling") + ": " + e.getMessage());
        }
    }

    /** A camera's own detection section: threshold, picture size, tiling, regions of interest and to ignore. */
    static DetectorOverrides cameraDetector(Node n) {
        n.allowOnly(Set.of("minScore", "inputSize", "tiling", "include", "exclude", "analysisFps"));
        Optional<Float> minScore = n.has("minScore") ? Optional.of((float) n.number("minScore", 0, 1, 0)) : Optional.empty();
        Optional<Double> analysisFps = n.has("analysisFps") ? Optional.of(n.number("analysisFps", 0.1, 120, 0)) : Optional.empty();
        return new DetectorOverrides(minScore, inputSize(n), tiling(n),
                new DetectionMask(regions(n, "include"), regions(n, "exclude")), analysisFps);
    }

    private static List<DetectionMask.Region> regions(Node n, String key) {
        List<DetectionMask.Region> out = new ArrayList<>();
        List<Node> list = n.objects(key, false);
        for (int i = 0; i < list.size(); i++) {
            Node r = list.get(i);
            r.allowOnly(Set.of("name", "polygon"));
            try {
                out.add(new DetectionMask.Region(r.name("name", key + (i + 1)), r.points("polygon", 3, 64)));
            } catch (BadInputException e) {
                throw new ConfigException("config field " + r.path("polygon") + ": " + e.getMessage());
            }
        }
        return out;
    }

    static TrackerConfig tracker(Node n) {
        n.allowOnly(Set.of("trackThresh", "lowThresh", "newTrackThresh", "matchThresh", "lostTimeoutSeconds", "minHits",
                "tentativeMaxAgeSeconds", "appearance"));
        TrackerConfig d = TrackerConfig.defaults();
        return new TrackerConfig(
                (float) n.number("trackThresh", 0, 1, d.trackThresh()),
                (float) n.number("lowThresh", 0, 1, d.lowThresh()),
                (float) n.number("newTrackThresh", 0, 1, d.newTrackThresh()),
                (float) n.number("matchThresh", 0.01, 1, d.matchThresh()),
                n.seconds("lostTimeoutSeconds", 0.05, 600, d.lostTimeout()),
                n.integer("minHits", 1, 100, d.minHits()),
                n.seconds("tentativeMaxAgeSeconds", 0, 600, d.tentativeMaxAge()),
                n.has("appearance") ? appearance(n.object("appearance")) : AppearanceConfig.off());
    }

    /** {@code tracker.appearance}: present means on (unless {@code enabled: false}), the default model unless named. */
    static AppearanceConfig appearance(Node n) {
        n.allowOnly(Set.of("enabled", "model", "matchDistance", "recoverDistance", "recoverWithinSeconds", "refreshSeconds",
                "emaAlpha", "visitWindowMinutes", "minAbsenceSeconds", "visitDistance", "staffGallery", "staffDistance"));
        if (!n.bool("enabled", true)) {
            return AppearanceConfig.off();
        }
        return new AppearanceConfig(Optional.of(n.string("model", AppearanceConfig.DEFAULT_MODEL)),
                n.number("matchDistance", 0.01, 1, AppearanceConfig.DEFAULT_MATCH_DISTANCE),
                n.number("recoverDistance", 0.01, 1, AppearanceConfig.DEFAULT_RECOVER_DISTANCE),
                n.seconds("recoverWithinSeconds", 0, 600, AppearanceConfig.DEFAULT_RECOVER_WITHIN),
                n.seconds("refreshSeconds", 0, 600, AppearanceConfig.DEFAULT_REFRESH_EVERY),
                n.number("emaAlpha", 0, 0.999, AppearanceConfig.DEFAULT_EMA_ALPHA),
                Duration.ofSeconds(Math.round(60 * n.number("visitWindowMinutes", 0, 1440,
                        AppearanceConfig.DEFAULT_VISIT_WINDOW.toSeconds() / 60.0))),
                n.seconds("minAbsenceSeconds", 0, 86400, AppearanceConfig.DEFAULT_MIN_ABSENCE),
                n.number("visitDistance", 0.01, 1, AppearanceConfig.DEFAULT_VISIT_DISTANCE),
                Optional.ofNullable(n.has("staffGallery") ? Path.of(n.string("staffGallery")) : null),
                n.number("staffDistance", 0.01, 1, AppearanceConfig.DEFAULT_STAFF_DISTANCE));
    }

    static AnalyticsConfig counting(Node n) {
        n.allowOnly(Set.of("anchor", "lineHysteresis", "cancelWindowSeconds", "zoneMinFrames", "intervalSeconds",
                "closeDelaySeconds", "maxFrameGapSeconds"));
        AnalyticsConfig d = AnalyticsConfig.defaults();
        Duration cancel = n.seconds("cancelWindowSeconds", 0, 600, d.cancelWindow());
        Duration closeDelay = n.seconds("closeDelaySeconds", 0, 3600, cancel.compareTo(d.closeDelay()) > 0 ? cancel : d.closeDelay());
        return new AnalyticsConfig(
                n.oneOf("anchor", Anchor.class, d.anchor(), a -> a.name().toLowerCase(Locale.ROOT).replace('_', '-')),
                n.number("lineHysteresis", 0.001, 1, d.lineHysteresis()),
                cancel,
                n.integer("zoneMinFrames", 1, 1000, d.zoneMinFrames()),
                // The schema allows only lengths that tile the hour (or a day in whole hours): hourly totals summed
                // from aggregates then hold whole intervals.
                Duration.ofSeconds(n.integer("intervalSeconds", 1, 86_400, (int) d.interval().getSeconds())),
                closeDelay,
                n.seconds("maxFrameGapSeconds", 0.01, 3600, d.maxFrameGap()));
    }

    static ClipPolicy clips(Node n) {
        n.allowOnly(Set.of("mode", "preSeconds", "postSeconds"));
        ClipPolicy d = ClipPolicy.defaults();
        return new ClipPolicy(n.oneOf("mode", ClipPolicy.Mode.class, d.mode(), ClipPolicy.Mode::id),
                n.seconds("preSeconds", 0, 60, d.pre()), n.seconds("postSeconds", 0, 600, d.post()));
    }

    static StoreSettings store(Node n) {
        n.allowOnly(Set.of("quotaMb", "maxAgeDays", "retentionIntervalSeconds"));
        StoreSettings d = StoreSettings.defaults();
        return new StoreSettings(n.integer("quotaMb", 1, 1_048_576, (int) d.quotaMb()),
                Duration.ofMillis(Math.round(n.number("maxAgeDays", 0.01, 3650, d.maxAge().toMillis() / 86_400_000.0) * 86_400_000)),
                n.seconds("retentionIntervalSeconds", 1, 86_400, d.retentionInterval()));
    }

    static SyncSettings sync(Node n) {
        n.allowOnly(Set.of("iothub", "blob"));
        Node h = n.object("iothub");
        h.allowOnly(Set.of("enabled", "kinds", "maxMessageKb", "flushIntervalSeconds", "countsOutput", "eventsOutput"));
        SyncSettings.IotHub hd = SyncSettings.IotHub.defaults();
        SyncSettings.IotHub hub = new SyncSettings.IotHub(h.bool("enabled", hd.enabled()),
                h.strings("kinds", Set.of("crossing", "crossing-cancelled", "zone-enter", "zone-exit", "aggregate",
                        "camera-state", "clip"), hd.kinds()),
                h.integer("maxMessageKb", 1, 255, hd.maxMessageKb()),
                h.seconds("flushIntervalSeconds", 0, 3600, hd.flushInterval()),
                h.name("countsOutput", hd.countsOutput()), h.name("eventsOutput", hd.eventsOutput()));
        Node b = n.object("blob");
        b.allowOnly(Set.of("enabled", "countsContainer", "clipsContainer", "snapshotsContainer", "uploadCounts",
                "uploadClips", "bandwidthKbps", "blockKb", "hourCloseDelaySeconds"));
        SyncSettings.Blob bd = SyncSettings.Blob.defaults();
        SyncSettings.Blob blob = new SyncSettings.Blob(b.bool("enabled", bd.enabled()),
                container(b, "countsContainer", bd.countsContainer()), container(b, "clipsContainer", bd.clipsContainer()),
                container(b, "snapshotsContainer", bd.snapshotsContainer()), b.bool("uploadCounts", bd.uploadCounts()),
                b.bool("uploadClips", bd.uploadClips()), b.integer("bandwidthKbps", 0, 1_048_576, bd.bandwidthKbps()),
                b.integer("blockKb", 64, 102_400, bd.blockKb()),
                b.seconds("hourCloseDelaySeconds", 0, 86_400, bd.hourCloseDelay()));
        return new SyncSettings(hub, blob);
    }

    /** {@code ops:}: what is left out stays the agent's own choice ({@link OpsSettings}). */
    static OpsSettings ops(Node n) {
        n.allowOnly(Set.of("enabled", "port", "bind", "healthDownAfterSeconds"));
        OpsSettings d = OpsSettings.defaults();
        Optional<Boolean> enabled = n.has("enabled") ? Optional.of(n.bool("enabled", true)) : Optional.empty();
        Optional<String> bind = n.has("bind") ? Optional.of(bindAddress(n)) : Optional.empty();
        return new OpsSettings(enabled, n.integer("port", 0, 65_535, d.port()), bind,
                n.seconds("healthDownAfterSeconds", 1, 86_400, d.healthDownAfter()));
    }

    /** A literal IPv4 or IPv6 address: a host name would make the agent's start depend on name resolution. */
    private static String bindAddress(Node n) {
        String s = n.string("bind");
        boolean ipv4 = s.matches("(\\d{1,3}\\.){3}\\d{1,3}")
                && java.util.Arrays.stream(s.split("\\.")).allMatch(p -> Integer.parseInt(p) <= 255);
        boolean ipv6 = s.contains(":") && s.matches("[0-9A-Fa-f:.]+");
        if (!ipv4 && !ipv6) {
            throw new ConfigException("config field " + n.path("bind") + ": expected an IP address such as 127.0.0.1 "
                    + "(this host only) or 0.0.0.0 (every interface), found \"" + s + "\"");
        }
        return s;
    }

    /** Azure's container rule: 3-63 of lowercase letters, digits and single hyphens, starting with a letter or digit. */
    private static String container(Node n, String key, String fallback) {
        String s = n.string(key, fallback);
        if (!s.matches("[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}")) {
            throw new ConfigException("config field " + n.path(key) + ": expected a Blob container name (3-63 lowercase "
                    + "letters, digits and single hyphens), found \"" + s + "\"");
        }
        return s;
    }

    /**
     * The global section ({@code perCamera} false: no masks, as they depend on the view) or a camera's
     * override, whose settings go on top of {@code base}. An unquoted YAML off arrives here as "off" (YamlScalars).
     */
    static PrivacyPolicy privacy(Node n, PrivacyPolicy base, boolean perCamera) {
        if (!perCamera && n.has("masks")) {
            throw new ConfigException("config field " + n.path("masks") + ": masks depend on the camera's view; put them under "
                    + "cameras[i].privacy.masks");
        }
        n.allowOnly(perCamera ? Set.of("mode", "strength", "headFraction", "masks") : Set.of("mode", "strength", "headFraction"));
        PrivacyPolicy.Mode mode = n.oneOf("mode", PrivacyPolicy.Mode.class, base.mode(), PrivacyPolicy.Mode::id);
        List<PrivacyPolicy.Mask> masks = new ArrayList<>(base.masks());
        if (n.has("masks")) {
            masks.clear();
            List<Node> list = n.objects("masks", false);
            for (int i = 0; i < list.size(); i++) {
                Node m = list.get(i);
                m.allowOnly(Set.of("name", "polygon"));
                masks.add(new PrivacyPolicy.Mask(m.name("name", "mask" + (i + 1)), m.points("polygon", 3, 64)));
            }
        }
        return new PrivacyPolicy(mode, n.number("strength", 0.05, 1, base.strength()),
                n.number("headFraction", 0.1, 1, base.headFraction()), masks);
    }

    static CameraConfig camera(Node n, Node root, TrackerConfig tracker, AnalyticsConfig analytics, ClipPolicy clips,
                               PrivacyPolicy privacy) {
        n.allowOnly(Set.of("id", "source", "start", "lines", "zones", "detector", "tracker", "counting", "clips", "privacy"));
        List<CountLine> lines = new ArrayList<>();
        for (Node l : n.objects("lines", false)) {
            l.allowOnly(Set.of("name", "points"));
            var pts = l.points("points", 2, 2);
            if (pts.get(0).equals(pts.get(1))) {
                throw new ConfigException("config field " + l.path("points") + ": expected two different end points");
            }
            lines.add(new CountLine(l.name("name"), pts.get(0), pts.get(1)));
        }
        List<Zone> zones = new ArrayList<>();
        for (Node z : n.objects("zones", false)) {
            z.allowOnly(Set.of("name", "polygon"));
            String name = z.name("name");
            var polygon = z.points("polygon", 3, 64);
            try {
                zones.add(new Zone(name, polygon));
            } catch (BadInputException e) {
                // The geometry's own rules (an area, no crossing edges): the field, and the file (see parse).
                throw new ConfigException("config field " + z.path("polygon") + ": " + e.getMessage(), e);
            }
        }
        // A camera's section overrides the global one field by field: merge, then bind with the same rules.
        CameraOverrides overrides = new CameraOverrides(
                cameraDetector(n.object("detector")),
                n.has("tracker") ? Optional.of(tracker(n.merged("tracker", root.object("tracker")))) : Optional.empty(),
                n.has("counting") ? Optional.of(counting(n.merged("counting", root.object("counting")))) : Optional.empty(),
                n.has("clips") ? Optional.of(clips(n.merged("clips", root.object("clips")))) : Optional.empty(),
                n.has("privacy") ? Optional.of(privacy(n.object("privacy"), privacy, true)) : Optional.empty());
        return new CameraConfig(n.name("id"), n.string("source"), n.instant("start"), lines, zones, overrides);
    }
}

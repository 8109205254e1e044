package io.footfall.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.footfall.count.AnalyticsConfig;
import io.footfall.count.CountLine;
import io.footfall.geometry.Point;
import io.footfall.count.Zone;
import io.footfall.detect.DetectionMask;
import io.footfall.detect.DetectorSettings;
import io.footfall.detect.InputSize;
import io.footfall.detect.Tiling;
import io.footfall.track.AppearanceConfig;
import io.footfall.track.TrackerConfig;
import io.footfall.video.Redaction;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Writes a {@link FootfallConfig} in the schema {@link ConfigLoader} reads, so what a run used can be
 * stored beside its results and read back exactly (and, later, reported to the device twin). Sources are
 * written in their {@linkplain Redaction#source redacted} form: credentials never reach a file.
 */
public final class ConfigWriter {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ConfigWriter() {
    }

    /** The configuration as a document, camera sources {@linkplain Redaction#source redacted}: to store or report. */
    public static ObjectNode toTree(FootfallConfig c) {
        return toTree(c, Redaction::source);
    }

    /**
     * The configuration as a document with camera sources as given, credentials included: only to merge a partial
     * document (a twin patch) over in memory and parse again. Merging over the redacted form would replace every
     * camera's password with the mask. Never store, log or report the result.
     */
    public static ObjectNode toMergeBase(FootfallConfig c) {
        return toTree(c, UnaryOperator.identity());
    }

    private static ObjectNode toTree(FootfallConfig c, UnaryOperator<String> source) {
        ObjectNode root = F.objectNode();
        root.put("device", c.deviceId());
        root.put("storeId", c.storeId());
        root.set("detector", detector(c.detector()));
        root.set("tracker", tracker(c.tracker(), false));
        root.set("counting", counting(c.analytics()));
        root.set("clips", clips(c.clips()));
        ObjectNode store = root.putObject("store");
        store.put("quotaMb", c.store().quotaMb());
        store.put("maxAgeDays", c.store().maxAge().toMillis() / 86_400_000.0);
        store.put("retentionIntervalSeconds", seconds(c.store().retentionInterval()));
        root.set("privacy", privacy(c.privacy()));
        root.set("sync", sync(c.sync()));
        root.set("ops", ops(c.ops()));
        ArrayNode cams = root.putArray("cameras");
        for (CameraConfig cam : c.cameras()) {
            ObjectNode n = cams.addObject();
            n.put("id", cam.id());
            n.put("source", source.apply(cam.source()));
            cam.start().ifPresent(s -> n.put("start", s.toString()));
            ArrayNode lines = n.putArray("lines");
            for (CountLine l : cam.lines()) {
                ObjectNode ln = lines.addObject();
                ln.put("name", l.name());
                ln.set("points", points(List.of(l.a(), l.b())));
            }
            ArrayNode zones = n.putArray("zones");
            for (Zone z : cam.zones()) {
                ObjectNode zn = zones.addObject();
                zn.put("name", z.name());
                zn.set("polygon", points(z.polygon()));
            }
            CameraOverrides o = cam.overrides();
            ObjectNode own = cameraDetector(o.detector());
            if (!own.isEmpty()) {
                n.set("detector", own);
            }
            // A camera that turns off appearance the global section turns on must say so: absent would inherit "on".
            o.tracker().ifPresent(t -> n.set("tracker", tracker(t, true)));
            o.counting().ifPresent(a -> n.set("counting", counting(a)));
            o.clips().ifPresent(p -> n.set("clips", clips(p)));
            o.privacy().ifPresent(p -> n.set("privacy", privacy(p)));
        }
        return root;
    }

    private static ObjectNode detector(DetectorSettings d) {
        ObjectNode n = F.objectNode();
        n.put("model", d.model());
        d.variant().ifPresent(v -> n.put("variant", v));
        n.put("backend", d.backend().id());
        n.put("threads", d.threads());
        n.put("throughput", d.throughput());
        n.put("inFlight", d.inFlight());
        d.minScore().ifPresent(s -> n.put("minScore", s));
        d.openVinoLib().ifPresent(p -> n.put("openvinoLib", p.toString()));
        view(n, d.inputSize(), d.tiling());
        return n;
    }

    private static void view(ObjectNode n, Optional<InputSize> size, Optional<Tiling> tiling) {
        size.ifPresent(s -> n.put("inputSize", s.toString()));
        tiling.ifPresent(t -> {
            ObjectNode tn = n.putObject("tiling");
            tn.put("columns", t.columns());
            tn.put("rows", t.rows());
            tn.put("overlap", t.overlap());
            tn.put("wholeFrame", t.wholeFrame());
        });
    }

    private static ObjectNode cameraDetector(DetectorOverrides d) {
        ObjectNode n = F.objectNode();
        d.minScore().ifPresent(m -> n.put("minScore", m));
        view(n, d.inputSize(), d.tiling());
        d.analysisFps().ifPresent(f -> n.put("analysisFps", f));
        regions(n, "include", d.mask().include());
        regions(n, "exclude", d.mask().exclude());
        return n;
    }

    private static void regions(ObjectNode n, String key, List<DetectionMask.Region> regions) {
        if (regions.isEmpty()) {
            return;
        }
        ArrayNode list = n.putArray(key);
        for (DetectionMask.Region r : regions) {
            ObjectNode rn = list.addObject();
            rn.put("name", r.name());
            rn.set("polygon", points(r.polygon()));
        }
    }

    private static ObjectNode privacy(PrivacyPolicy p) {
        ObjectNode n = F.objectNode();
        n.put("mode", p.mode().id());
        n.put("strength", p.strength());
        n.put("headFraction", p.headFraction());
        if (!p.masks().isEmpty()) {
            ArrayNode masks = n.putArray("masks");
            for (PrivacyPolicy.Mask m : p.masks()) {
                ObjectNode mn = masks.addObject();
                mn.put("name", m.name());
                mn.set("polygon", points(m.polygon()));
            }
        }
        return n;
    }

    private static ObjectNode sync(SyncSettings s) {
        ObjectNode n = F.objectNode();
        ObjectNode h = n.putObject("iothub");
        h.put("enabled", s.iothub().enabled());
        s.iothub().kinds().stream().sorted().forEach(h.putArray("kinds")::add);
        h.put("maxMessageKb", s.iothub().maxMessageKb());
        h.put("flushIntervalSeconds", seconds(s.iothub().flushInterval()));
        h.put("countsOutput", s.iothub().countsOutput());
        h.put("eventsOutput", s.iothub().eventsOutput());
        ObjectNode b = n.putObject("blob");
        b.put("enabled", s.blob().enabled());
        b.put("countsContainer", s.blob().countsContainer());
        b.put("clipsContainer", s.blob().clipsContainer());
        b.put("snapshotsContainer", s.blob().snapshotsContainer());
        b.put("uploadCounts", s.blob().uploadCounts());
        b.put("uploadClips", s.blob().uploadClips());
        b.put("bandwidthKbps", s.blob().bandwidthKbps());
        b.put("blockKb", s.blob().blockKb());
        b.put("hourCloseDelaySeconds", seconds(s.blob().hourCloseDelay()));
        return n;
    }

    /** The agent's own choices (on in an IoT Edge module, where to bind) stay unsaid, so they stay its choice. */
    private static ObjectNode ops(OpsSettings o) {
        ObjectNode n = F.objectNode();
        o.enabled().ifPresent(e -> n.put("enabled", e));
        n.put("port", o.port());
        o.bind().ifPresent(b -> n.put("bind", b));
        n.put("healthDownAfterSeconds", seconds(o.healthDownAfter()));
        return n;
    }

    private static ObjectNode clips(ClipPolicy p) {
        ObjectNode clips = F.objectNode();
        clips.put("mode", p.mode().id());
        clips.put("preSeconds", seconds(p.pre()));
        clips.put("postSeconds", seconds(p.post()));
        return clips;
    }

    private static ObjectNode tracker(TrackerConfig t, boolean sayOff) {
        ObjectNode n = F.objectNode();
        n.put("trackThresh", t.trackThresh());
        n.put("lowThresh", t.lowThresh());
        n.put("newTrackThresh", t.newTrackThresh());
        n.put("matchThresh", t.matchThresh());
        n.put("lostTimeoutSeconds", seconds(t.lostTimeout()));
        n.put("minHits", t.minHits());
        n.put("tentativeMaxAgeSeconds", seconds(t.tentativeMaxAge()));
        AppearanceConfig a = t.appearance();
        if (!a.enabled() && sayOff) {
            n.putObject("appearance").put("enabled", false);
        }
        if (a.enabled()) {
            ObjectNode an = n.putObject("appearance");
            an.put("model", a.model().orElseThrow());
            an.put("matchDistance", a.matchDistance());
            an.put("recoverDistance", a.recoverDistance());
            an.put("recoverWithinSeconds", seconds(a.recoverWithin()));
            an.put("refreshSeconds", seconds(a.refreshEvery()));
            an.put("emaAlpha", a.emaAlpha());
            an.put("visitWindowMinutes", a.visitWindow().toSeconds() / 60.0);
            an.put("minAbsenceSeconds", seconds(a.minAbsence()));
            an.put("visitDistance", a.visitDistance());
            a.staffGallery().ifPresent(f -> an.put("staffGallery", f.toString()));
            an.put("staffDistance", a.staffDistance());
        }
        return n;
    }

    private static ObjectNode counting(AnalyticsConfig a) {
        ObjectNode n = F.objectNode();
        n.put("anchor", a.anchor().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        n.put("lineHysteresis", a.lineHysteresis());
        n.put("cancelWindowSeconds", seconds(a.cancelWindow()));
        n.put("zoneMinFrames", a.zoneMinFrames());
        n.put("intervalSeconds", a.interval().getSeconds());
        n.put("closeDelaySeconds", seconds(a.closeDelay()));
        n.put("maxFrameGapSeconds", seconds(a.maxFrameGap()));
        return n;
    }

    private static ArrayNode points(List<Point> pts) {
        ArrayNode a = F.arrayNode();
        for (Point p : pts) {
            a.addArray().add(p.x()).add(p.y());
        }
        return a;
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}

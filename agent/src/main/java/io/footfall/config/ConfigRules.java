package io.footfall.config;

import io.footfall.count.Names;
import io.footfall.detect.DetectorSettings;
import io.footfall.video.Sources;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The cross-field rules of a configuration, each a named function that throws a {@link ConfigException} naming the
 * field. Every configuration the agent runs (file, quick start, twin) passes all of them before anything is written.
 * Rules never change the configuration: what they cannot accept, they reject with the fix.
 */
public final class ConfigRules {
    /** Every rule, in the order they are checked. */
    public static final List<Consumer<FootfallConfig>> ALL = List.of(
            ConfigRules::namesAreSafeInIds,
            ConfigRules::cameraIdsAreUnique,
            ConfigRules::sourcesUseAProtocolFootfallOpens,
            ConfigRules::lineAndZoneNamesAreUniquePerCamera,
            ConfigRules::minScoreDoesNotStarveTheSecondAssociation);

    private ConfigRules() {
    }

    /** @return the configuration, unchanged, when every rule holds */
    public static FootfallConfig check(FootfallConfig config) {
        ALL.forEach(rule -> rule.accept(config));
        return config;
    }

    /** Device, store and camera ids end up in record ids, file and blob names: no separators, no traversal. */
    static void namesAreSafeInIds(FootfallConfig c) {
        named("device", () -> Names.check("device", c.deviceId()));
        named("storeId", () -> Names.check("store", c.storeId()));
        for (int i = 0; i < c.cameras().size(); i++) {
            CameraConfig cam = c.cameras().get(i);
            named("cameras[" + i + "].id", () -> Names.check("camera", cam.id()));
        }
    }

    /** The check 'footfall run' makes when it opens a camera, made before: an ftp:// camera is a config error. */
    static void sourcesUseAProtocolFootfallOpens(FootfallConfig c) {
        for (int i = 0; i < c.cameras().size(); i++) {
            String source = c.cameras().get(i).source();
            named("cameras[" + i + "].source", () -> Sources.checkProtocol(source));
        }
    }

    static void cameraIdsAreUnique(FootfallConfig c) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < c.cameras().size(); i++) {
            if (!seen.add(c.cameras().get(i).id())) {
                throw new ConfigException("config field cameras[" + i + "].id: camera id '" + c.cameras().get(i).id()
                        + "' is used twice; each camera needs its own id");
            }
        }
    }

    static void lineAndZoneNamesAreUniquePerCamera(FootfallConfig c) {
        for (int i = 0; i < c.cameras().size(); i++) {
            CameraConfig cam = c.cameras().get(i);
            // Lines and zones are told apart by kind in ids and aggregates, so a line and a zone may share a name.
            Set<String> lines = new HashSet<>();
            for (int j = 0; j < cam.lines().size(); j++) {
                if (!lines.add(cam.lines().get(j).name())) {
                    throw new ConfigException("config field cameras[" + i + "].lines[" + j + "].name: '" + cam.lines().get(j).name()
                            + "' is used twice in camera " + cam.id() + "; each line of a camera needs its own name");
                }
            }
            Set<String> zones = new HashSet<>();
            for (int j = 0; j < cam.zones().size(); j++) {
                if (!zones.add(cam.zones().get(j).name())) {
                    throw new ConfigException("config field cameras[" + i + "].zones[" + j + "].name: '" + cam.zones().get(j).name()
                            + "' is used twice in camera " + cam.id() + "; each zone of a camera needs its own name");
                }
            }
        }
    }

    /**
     * ByteTrack's second association extends tracks with boxes scored in {@code [lowThresh, trackThresh)}. A detector
     * that drops boxes below a higher {@code minScore} starves it: tracks break in occlusion and crossings are lost.
     * An unset {@code minScore} means "down to {@code lowThresh}" ({@link FootfallConfig#detectorFor}).
     */
    static void minScoreDoesNotStarveTheSecondAssociation(FootfallConfig c) {
        for (int i = 0; i < c.cameras().size(); i++) {
            CameraConfig cam = c.cameras().get(i);
            DetectorSettings d = c.detectorFor(cam);
            float low = c.trackerFor(cam).lowThresh();
            float min = d.minScore().orElse(low);
            if (min > low + 1e-6) {
                String field = cam.overrides().detector().minScore().isPresent() ? "cameras[" + i + "].detector.minScore" : "detector.minScore";
                throw new ConfigException("config field " + field + ": " + min + " is above tracker.lowThresh " + low
                        + " (camera " + cam.id() + "), so the tracker's second association would never see its low-score boxes; "
                        + "set minScore <= tracker.lowThresh, or leave it out (it then defaults to tracker.lowThresh)");
            }
        }
    }

    /**
     * A camera with neither a line nor a zone decodes and detects for nothing. Not in {@link #ALL}: a camera being
     * mounted may run without them (its status page shows the frame to draw them on); the quick start requires one.
     */
    public static void everyCameraCountsSomething(FootfallConfig c) {
        for (int i = 0; i < c.cameras().size(); i++) {
            CameraConfig cam = c.cameras().get(i);
            if (cam.lines().isEmpty() && cam.zones().isEmpty()) {
                throw new ConfigException("config field cameras[" + i + "]: camera " + cam.id()
                        + " has no line and no zone; give it at least one (--line x1,y1,x2,y2 or --zone x1,y1,x2,y2,x3,y3)");
            }
        }
    }

    private static void named(String field, Runnable check) {
        try {
            check.run();
        } catch (RuntimeException e) {
            throw new ConfigException("config field " + field + ": " + e.getMessage(), e);
        }
    }
}

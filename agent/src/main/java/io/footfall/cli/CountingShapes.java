package io.footfall.cli;

import io.footfall.count.CountLine;
import io.footfall.count.Zone;

import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * The quick start's camera: {@code --camera-id}, {@code --line x1,y1,x2,y2[:name]} and {@code --zone x1,y1,...[:name]},
 * a mixin of the commands that take them.
 */
public final class CountingShapes {

    @Option(names = "--line", paramLabel = "x1,y1,x2,y2[:name]", description = "Quick start: a counting line (repeatable).")
    List<String> lines = new ArrayList<>();

    @Option(names = "--zone", paramLabel = "x1,y1,x2,y2,x3,y3...[:name]", description = "Quick start: a zone polygon (repeatable).")
    List<String> zones = new ArrayList<>();

    @Option(names = "--camera-id", paramLabel = "ID", defaultValue = "camera1", description = "Quick start: camera id (default: ${DEFAULT-VALUE}).")
    String cameraId;

    /** Whether neither a line nor a zone was given. */
    boolean isEmpty() {
        return lines.isEmpty() && zones.isEmpty();
    }

    List<CountLine> lines() {
        return lines(lines);
    }

    List<Zone> zones() {
        return zones(zones);
    }

    /** Lines without a name are {@code line1}, {@code line2}... in the order given. */
    static List<CountLine> lines(List<String> specs) {
        List<CountLine> out = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            String[] spec = splitName(specs.get(i), "line" + (i + 1));
            out.add(CountLine.parse(spec[1], spec[0]));
        }
        return out;
    }

    /** Zones without a name are {@code zone1}, {@code zone2}... in the order given. */
    static List<Zone> zones(List<String> specs) {
        List<Zone> out = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            String[] spec = splitName(specs.get(i), "zone" + (i + 1));
            out.add(Zone.parse(spec[1], spec[0]));
        }
        return out;
    }

    /** "spec:name" → {spec, name}; a spec without a name gets the fallback. */
    private static String[] splitName(String s, String fallback) {
        int colon = s.lastIndexOf(':');
        return colon < 0 ? new String[]{s, fallback} : new String[]{s.substring(0, colon), s.substring(colon + 1)};
    }
}

package io.footfall.eval;

import java.util.Map;

/**
 * Formats tracking scores as a plain-text table, one row per sequence, for terminals and reports.
 *
 * <p>Stateless and thread-safe.
 */
public final class MotReport {

    private MotReport() {
    }

    /**
     * A table with a header line and one line per entry, in the map's iteration order.
     *
     * @param bySequence scores by sequence name
     */
    public static String table(Map<String, MotMetrics> bySequence) {
        int width = Math.max("sequence".length(),
                bySequence.keySet().stream().mapToInt(String::length).max().orElse(0));
        StringBuilder out = new StringBuilder();
        out.append(pad("sequence", width)).append(' ').append(MotMetrics.tableHeader()).append('\n');
        bySequence.forEach((name, m) -> out.append(pad(name, width)).append(' ').append(m.tableRow()).append('\n'));
        return out.toString();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }
}

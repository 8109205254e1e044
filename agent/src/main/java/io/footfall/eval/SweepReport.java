package io.footfall.eval;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.footfall.json.Json;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The outcome of {@code footfall eval sweep}: each setting's scores as {@code footfall eval} gives them, best first,
 * and the settings skipped as invalid. Immutable.
 *
 * @param camera   the camera swept
 * @param detector the detector that ran (once, at the lowest threshold)
 * @param rows     the scored settings, best first ({@link #BEST_FIRST})
 * @param skipped  settings not run, with why
 */
public record SweepReport(String camera, String detector, List<Row> rows, List<Skipped> skipped) {

    /**
     * One scored setting.
     *
     * @param setting  the thresholds as swept
     * @param minScore the detector threshold the setting ran at (its own, or the configuration's rule's)
     * @param baseline whether this is the configuration's own setting
     * @param report   its scores, as {@code footfall eval} reports them
     */
    public record Row(SweepSetting setting, float minScore, boolean baseline, EvalReport report) {
        public Row {
            Objects.requireNonNull(setting, "setting");
            Objects.requireNonNull(report, "report");
        }

        int lineError() {
            return report.lines().stream().mapToInt(CountingError::absError).sum();
        }
    }

    /** A setting the sweep did not run, and the rule it breaks. */
    public record Skipped(SweepSetting setting, String reason) {
    }

    /** Highest MOTA first, then IDF1, then the smallest counting error, then the fewest identity switches. */
    public static final Comparator<Row> BEST_FIRST = Comparator
            .comparingDouble((Row r) -> orWorst(r.report().tracking().mota())).reversed()
            .thenComparing(Comparator.comparingDouble((Row r) -> orWorst(r.report().tracking().idf1())).reversed())
            .thenComparingInt(Row::lineError)
            .thenComparingInt(r -> r.report().tracking().idSwitches());

    public SweepReport {
        rows = rows.stream().sorted(BEST_FIRST).toList();
        skipped = List.copyOf(skipped);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a sweep report needs at least one scored setting");
        }
    }

    public Row best() {
        return rows.get(0);
    }

    /** The configuration's own setting. */
    public Row baseline() {
        return rows.stream().filter(Row::baseline).findFirst().orElseThrow();
    }

    /** A table for a terminal: one row per setting, best first, the baseline marked, then the skipped settings. */
    public String table() {
        EvalReport first = best().report();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "camera %s, %d frames; ground truth %s (%s, %d people); detector %s%n", camera,
                first.frames(), first.groundTruth(), first.format().label(), first.gtPeople(), detector));
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%3s %-2s %8s %5s %5s %8s %5s %7s %7s %5s %6s %6s %6s %6s",
                "#", "", "minScore", "high", "low", "newTrack", "match", "MOTA", "IDF1", "IDSW", "prec", "recall", "FP", "FN"));
        for (CountingError e : first.lines()) {
            head.append(String.format(Locale.ROOT, "  %s in/out (GT %d/%d)", e.line(), e.groundTruth().in(), e.groundTruth().out()));
        }
        out.append('\n').append(head).append('\n');
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            MotMetrics m = r.report().tracking();
            SweepSetting s = r.setting();
            out.append(String.format(Locale.ROOT, "%3d %-2s %8s %5s %5s %8s %5s %7.3f %7.3f %5d %6.3f %6.3f %6d %6d", i + 1,
                    (i == 0 ? "+" : "") + (r.baseline() ? "*" : ""), SweepSetting.number(r.minScore()),
                    SweepSetting.number(s.highThresh()), SweepSetting.number(s.lowThresh()), SweepSetting.number(s.newTrackThresh()),
                    SweepSetting.number(s.matchThresh()), m.mota(), m.idf1(), m.idSwitches(), m.precision(), m.recall(),
                    m.falsePositives(), m.misses()));
            for (CountingError e : r.report().lines()) {
                String cell = e.run().in() + "/" + e.run().out();
                out.append(String.format(Locale.ROOT, "  %" + (e.line().length() + " in/out (GT 0/0)".length()) + "s", cell));
            }
            out.append('\n');
        }
        out.append("+ best (highest MOTA, then IDF1, then counting error, then ID switches)   * the configuration's own setting\n");
        for (Skipped s : skipped) {
            // The rule's first clause says what is wrong; its remedy is the same for every row and is in the JSON.
            int cut = s.reason().indexOf("; ");
            out.append("skipped ").append(s.setting().label()).append(": ")
                    .append(cut > 0 ? s.reason().substring(0, cut) : s.reason()).append('\n');
        }
        Row best = best();
        Row base = baseline();
        out.append(String.format(Locale.ROOT, "%nbest: %s: MOTA %.3f, IDF1 %.3f (configuration's own: MOTA %.3f, IDF1 %.3f)%n",
                best.setting().label().replace("(low)", SweepSetting.number(best.minScore())), best.report().tracking().mota(),
                best.report().tracking().idf1(), base.report().tracking().mota(), base.report().tracking().idf1()));
        out.append("\nTo use it, put this under camera ").append(camera).append(" in the configuration's cameras:\n");
        out.append(yaml());
        return out.toString();
    }

    /** The best setting as the camera's own {@code detector} and {@code tracker} sections, ready to paste into its config. */
    public String yaml() {
        Row best = best();
        SweepSetting s = best.setting();
        StringBuilder y = new StringBuilder();
        y.append("  - id: ").append(camera).append('\n');
        // An unset threshold follows lowThresh, which is what ran: leave it unset so it keeps following.
        s.minScore().ifPresent(min -> y.append("    detector:\n      minScore: ").append(SweepSetting.number(min)).append('\n'));
        y.append("    tracker:\n");
        y.append("      trackThresh: ").append(SweepSetting.number(s.highThresh())).append('\n');
        y.append("      lowThresh: ").append(SweepSetting.number(s.lowThresh())).append('\n');
        y.append("      newTrackThresh: ").append(SweepSetting.number(s.newTrackThresh())).append('\n');
        y.append("      matchThresh: ").append(SweepSetting.number(s.matchThresh())).append('\n');
        return y.toString();
    }

    public ObjectNode toJson() {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("camera", camera);
        root.put("detector", detector);
        root.put("yaml", yaml());
        ArrayNode rs = root.putArray("rows");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            ObjectNode row = rs.addObject();
            row.put("rank", i + 1);
            row.put("best", i == 0);
            row.put("baseline", r.baseline());
            setting(row.putObject("setting"), r.setting(), r.minScore());
            row.set("eval", r.report().toJson());
        }
        ArrayNode sk = root.putArray("skipped");
        for (Skipped s : skipped) {
            ObjectNode o = sk.addObject();
            setting(o.putObject("setting"), s.setting(), s.setting().minScore().orElse(Float.NaN));
            o.put("reason", s.reason());
        }
        return root;
    }

    /** Writes {@link #toJson()} to {@code file}, pretty-printed. */
    public void write(Path file) {
        io.footfall.json.Json.writeReport(file, toJson());
    }

    private static void setting(ObjectNode o, SweepSetting s, float minScore) {
        if (Float.isNaN(minScore)) {
            o.putNull("minScore");
        } else {
            o.put("minScore", Double.parseDouble(SweepSetting.number(minScore)));
        }
        o.put("minScoreFollowsLowThresh", s.minScore().isEmpty());
        o.put("highThresh", Double.parseDouble(SweepSetting.number(s.highThresh())));
        o.put("lowThresh", Double.parseDouble(SweepSetting.number(s.lowThresh())));
        o.put("newTrackThresh", Double.parseDouble(SweepSetting.number(s.newTrackThresh())));
        o.put("matchThresh", Double.parseDouble(SweepSetting.number(s.matchThresh())));
    }

    private static double orWorst(double v) {
        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }
}

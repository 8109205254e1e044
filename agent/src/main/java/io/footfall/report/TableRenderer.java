package io.footfall.report;

import io.footfall.report.FootfallReport.DayRow;
import io.footfall.report.FootfallReport.DwellBucket;
import io.footfall.report.FootfallReport.Gap;
import io.footfall.report.FootfallReport.HourRow;
import io.footfall.report.FootfallReport.OccupancyRow;
import io.footfall.report.FootfallReport.PeakHour;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a {@link FootfallReport} as plain-text tables for a terminal. Gaps print as "no data", never 0. Local times
 * show their UTC offset where the clock time alone is ambiguous ({@link LocalTimes}). Stateless.
 */
public final class TableRenderer {
    static final String NO_DATA = "no data";

    private TableRenderer() {
    }

    public static void render(FootfallReport r, PrintWriter out) {
        out.printf("Footfall report for store %s (read from %s; times in %s)%n", r.store(), r.source(), r.zone());
        if (r.hours().isEmpty()) {
            out.println("No interval aggregates in range: nothing to report.");
        }
        section(out, "People in and out per hour");
        String hour = "%-" + hourWidth(r) + "s";
        out.printf("%-10s " + hour + "  %-20s %6s %6s  %s%n", "day", "hour", "camera", "in", "out", "observed");
        for (HourRow h : r.hours()) {
            out.printf("%-10s " + hour + "  %-20s %6s %6s  %s%n", h.day(), LocalTimes.hour(h.start()), h.camera(),
                    num(h.in()), num(h.out()),
                    h.gap() ? NO_DATA : observed(h.observedMillis(), h.coverage()));
        }
        section(out, "People in and out per day");
        out.printf("%-10s %-20s %6s %6s  %-16s %s%n", "day", "camera", "in", "out", "observed", "hours without data");
        for (DayRow d : r.days()) {
            out.printf("%-10s %-20s %6s %6s  %-16s %s%n", d.day(), d.camera(), num(d.in()), num(d.out()),
                    d.gap() ? NO_DATA : duration(d.observedMillis()), num(d.gapHours()));
        }
        section(out, "Peak hour (most people in, whole store)");
        for (PeakHour p : r.peaks()) {
            out.printf("%-10s %s  %d in%n", p.day(), LocalTimes.hourRange(p.start()), p.in());
        }
        section(out, "Occupancy per hour (people present: time-weighted mean / max)");
        if (r.occupancy().isEmpty()) {
            out.println("No zones configured.");
        }
        for (OccupancyRow o : r.occupancy()) {
            out.printf("%-10s " + hour + "  %-20s %-12s %s%n", o.day(), LocalTimes.hour(o.start()), o.camera(),
                    o.zone(),
                    o.mean().isEmpty() ? NO_DATA
                            : String.format(Locale.ROOT, "%.2f / %d", o.mean().get(), o.max().orElse(0)));
        }
        section(out, "Dwell: finished visits by length");
        if (r.dwell().isEmpty()) {
            out.println("No finished zone visits.");
        }
        Map<String, StringBuilder> dwell = new LinkedHashMap<>();
        for (DwellBucket b : r.dwell()) {
            dwell.computeIfAbsent(String.format("%-20s %-12s", b.camera(), b.zone()), k -> new StringBuilder())
                    .append(String.format("  %s: %d", b.label(), b.visits()));
        }
        dwell.forEach((k, v) -> out.println(k + v));
        if (!r.visitors().isEmpty()) {
            section(out, "Visitors (appearance on): distinct people and returns, never identities");
            out.printf("%-10s %-20s %8s %9s%n", "day", "camera", "distinct", "returning");
            for (FootfallReport.VisitorDay v : r.visitors()) {
                out.printf("%-10s %-20s %8d %9d%n", v.day(), v.camera(), v.distinct(), v.returning());
            }
        }
        section(out, "Missing data (not counted: shown as gaps, never as zero)");
        List<Gap> gaps = r.gaps();
        if (gaps.isEmpty() && r.losses().isEmpty()) {
            out.println("Nothing missing between the first and the last interval reported.");
        }
        for (Gap g : gaps) {
            out.printf("%-20s %s .. %s  %s missing: %s%n", g.camera(), LocalTimes.dateTime(g.from().atZone(r.zone())),
                    LocalTimes.dateTime(g.to().atZone(r.zone())), duration(g.missingMillis()), g.reason());
        }
        for (ReportInput.DataLoss l : r.losses()) {
            out.printf("dropped before delivery: %d %s records (%s)%n", l.count(), l.kind(), l.detail());
        }
        out.flush();
    }

    /** The hour column fits its longest label, so the columns stay aligned on a day the clocks go back. */
    private static int hourWidth(FootfallReport r) {
        return r.hours().stream().mapToInt(h -> LocalTimes.hour(h.start()).length()).max().orElse("hour".length());
    }

    private static void section(PrintWriter out, String title) {
        out.println();
        out.println(title);
        out.println("-".repeat(title.length()));
    }

    static String num(java.util.Optional<Integer> v) {
        return v.map(String::valueOf).orElse("-");
    }

    static String observed(long millis, double coverage) {
        return duration(millis) + String.format(Locale.ROOT, " (%.0f%%)", coverage * 100);
    }

    static String duration(long millis) {
        long s = FootfallReport.seconds(millis);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m" + String.format("%02d", s % 60) + "s";
        }
        return s / 3600 + "h" + String.format("%02d", s % 3600 / 60) + "m";
    }

}

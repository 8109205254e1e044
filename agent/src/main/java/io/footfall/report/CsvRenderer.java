package io.footfall.report;

import io.footfall.FileErrors;
import io.footfall.report.FootfallReport.DayRow;
import io.footfall.report.FootfallReport.DwellBucket;
import io.footfall.report.FootfallReport.Gap;
import io.footfall.report.FootfallReport.HourRow;
import io.footfall.report.FootfallReport.OccupancyRow;
import io.footfall.report.FootfallReport.PeakHour;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Writes a {@link FootfallReport} as CSV files (RFC 4180, header row, UTF-8), one per table. A gap is an empty
 * cell, never 0, so a spreadsheet's sum or average skips it. Every hourly row has {@code day}, {@code hour} (the
 * local clock hour, for pivots) and {@code utc_offset} ({@code +01:00}): on the day clocks go back the hour repeats,
 * and the offset tells the two apart; an hour the clocks skip has no row. Times ({@code missing.csv}) are ISO-8601 in
 * the report's zone with their offset. Seconds are rounded as in the table. Text that a spreadsheet would run as a
 * formula is written with a leading {@code '} (see {@link #neutralised}). Stateless.
 */
public final class CsvRenderer {
    private static final String FORMULA_START = "=+-@\t\r";
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?");

    private CsvRenderer() {
    }

    /** Writes the files into {@code dir} (created if needed) and returns them. */
    public static List<Path> write(FootfallReport r, Path dir) {
        List<Path> files = new ArrayList<>();
        files.add(write(dir.resolve("footfall-hourly.csv"),
                "day,hour,utc_offset,camera,in,out,observed_seconds,coverage",
                r.hours().stream().map(CsvRenderer::row).toList()));
        files.add(write(dir.resolve("footfall-daily.csv"), "day,camera,in,out,observed_seconds,hours_without_data",
                r.days().stream().map(CsvRenderer::row).toList()));
        files.add(write(dir.resolve("peak-hours.csv"), "day,hour,utc_offset,in",
                r.peaks().stream().map(CsvRenderer::row).toList()));
        files.add(write(dir.resolve("occupancy-hourly.csv"), "day,hour,utc_offset,camera,zone,mean,max",
                r.occupancy().stream().map(CsvRenderer::row).toList()));
        files.add(write(dir.resolve("dwell.csv"), "camera,zone,bucket,from_seconds,to_seconds,visits",
                r.dwell().stream().map(CsvRenderer::row).toList()));
        if (!r.visitors().isEmpty()) {
            files.add(write(dir.resolve("visitors-daily.csv"), "day,camera,distinct,returning",
                    r.visitors().stream().map(v -> join(v.day(), v.camera(), v.distinct(), v.returning())).toList()));
        }
        List<String> missing = new ArrayList<>(r.gaps().stream().map(g -> row(g, r.zone())).toList());
        r.losses().forEach(l -> missing.add(join("", "", "", "", "dropped " + l.count() + " " + l.kind() + " records: "
                + l.detail())));
        files.add(write(dir.resolve("missing.csv"), "camera,from,to,missing_seconds,reason", missing));
        return files;
    }

    private static Path write(Path file, String header, List<String> rows) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            StringBuilder b = new StringBuilder(header).append("\r\n");
            rows.forEach(row -> b.append(row).append("\r\n"));
            Files.writeString(file, b, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + FileErrors.describe(e), e);
        }
    }

    private static String row(HourRow h) {
        return join(h.day(), h.hour(), h.start().getOffset(), h.camera(), opt(h.in()), opt(h.out()),
                h.gap() ? "" : FootfallReport.seconds(h.observedMillis()), h.gap() ? "" : fmt(h.coverage()));
    }

    private static String row(DayRow d) {
        return join(d.day(), d.camera(), opt(d.in()), opt(d.out()),
                d.gap() ? "" : FootfallReport.seconds(d.observedMillis()), opt(d.gapHours()));
    }

    private static String row(PeakHour p) {
        return join(p.day(), p.hour(), p.start().getOffset(), p.in());
    }

    private static String row(OccupancyRow o) {
        return join(o.day(), o.hour(), o.start().getOffset(), o.camera(), o.zone(),
                o.mean().map(CsvRenderer::fmt).orElse(""), opt(o.max()));
    }

    private static String row(DwellBucket b) {
        return join(b.camera(), b.zone(), b.label(), b.fromSeconds(), b.toSeconds() == Long.MAX_VALUE ? "" : b.toSeconds(),
                b.visits());
    }

    /** From and to in the report's zone with their offset, like the hourly files' day and hour. */
    private static String row(Gap g, ZoneId zone) {
        return join(g.camera(), g.from().atZone(zone), g.to().atZone(zone), FootfallReport.seconds(g.missingMillis()),
                g.reason());
    }

    private static String opt(Optional<Integer> v) {
        return v.map(String::valueOf).orElse("");
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static String join(Object... cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(quote(cell(cells[i])));
        }
        return b.toString();
    }

    private static String cell(Object value) {
        if (value instanceof String text) {
            return neutralised(text);
        }
        if (value instanceof ZoneOffset offset) {
            return LocalTimes.OFFSET.format(offset);
        }
        if (value instanceof ZonedDateTime time) {
            return LocalTimes.iso(time);
        }
        return String.valueOf(value);
    }

    /**
     * A text cell a spreadsheet would evaluate (it starts with {@code = + - @}, a tab or a CR) behind a leading
     * {@code '}, as OWASP advises against CSV injection: camera, zone and store names read back from the cloud were
     * never validated, and Excel runs a formula even inside quotes. Only text is touched: typed cells (numbers, days,
     * offsets) are what the report computed, and text that is a plain number stays a number.
     */
    static String neutralised(String text) {
        if (text.isEmpty() || FORMULA_START.indexOf(text.charAt(0)) < 0 || PLAIN_NUMBER.matcher(text).matches()) {
            return text;
        }
        return "'" + text;
    }

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}

package io.footfall.cli;

import io.footfall.BadInputException;
import io.footfall.report.FootfallReport;
import io.footfall.report.ReportFiles;
import io.footfall.report.ReportOptions;
import io.footfall.report.TableRenderer;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The options every footfall report shares ({@code footfall report} on the edge, {@code footfall cloud report}), and
 * its one way of printing: the table on standard output, CSV and PNG charts into {@code --out}. A mixin; not
 * thread-safe.
 */
public final class ReportOutputOptions {
    @Option(names = "--store", paramLabel = "ID", description = "Store id: report only its records (edge default: the store the records name).")
    public String store;

    @Option(names = "--time-zone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "Time zone of the report's hours and days, e.g. Europe/Oslo (default: ${DEFAULT-VALUE}).")
    String timeZone;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day (inclusive).")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day (inclusive).")
    String to;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write CSV tables and PNG charts into DIR.")
    Path out;

    public ReportOptions options() {
        ZoneId zone;
        try {
            zone = ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new BadInputException("--time-zone '" + timeZone + "': expected a zone id like UTC or Europe/Oslo");
        }
        return new ReportOptions(zone, day("--from", from), day("--to", to));
    }

    public Optional<LocalDate> fromDay() {
        return day("--from", from);
    }

    public Optional<LocalDate> toDay() {
        return day("--to", to);
    }

    private static Optional<LocalDate> day(String option, String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.trim()));
        } catch (DateTimeParseException e) {
            throw new BadInputException(option + " '" + text + "': expected a day like 2026-11-25");
        }
    }

    /** Prints the table and, with {@code --out}, writes the files (listed on {@code err}). */
    public void emit(FootfallReport report, PrintWriter stdout, PrintWriter err) {
        if (out != null) {
            OutputFile.checkFolder("--out", out);
        }
        TableRenderer.render(report, stdout);
        if (out != null) {
            for (Path f : ReportFiles.write(report, out)) {
                err.println("wrote " + f);
            }
            err.flush();
        }
    }
}

package io.footfall.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.footfall.BadInputException;
import io.footfall.report.ReportBuilder;
import io.footfall.report.ReportInput;
import io.footfall.report.ReportOptions;
import io.footfall.schema.AggregateRecord;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report --out} must be a folder: a file there is a usage error, found before the table is printed. */
class ReportOutTest {

    @TempDir
    Path tmp;

    @Test
    void aFileAsTheOutputFolderIsBadInputBeforeTheTable() throws Exception {
        Path file = Files.writeString(tmp.resolve("afile"), "hi");
        StringWriter table = new StringWriter();

        for (Path out : List.of(file, file.resolve("below"))) {
            ReportOutputOptions options = new ReportOutputOptions();
            options.out = out;
            assertThatThrownBy(() -> options.emit(ReportBuilder.build(oneHour(), ReportOptions.utc()),
                    new PrintWriter(table, true), new PrintWriter(new StringWriter(), true)))
                    .isInstanceOf(BadInputException.class)
                    .hasMessage("--out " + out + (out.equals(file) ? "" : ": " + file) + " is a file, not a folder (expected a"
                            + " folder to write the files into)");
        }
        assertThat(table.toString()).isEmpty();
        assertThat(Files.readString(file)).isEqualTo("hi");
    }

    @Test
    void aNewFolderIsCreatedAndFilled() {
        ReportOutputOptions options = new ReportOutputOptions();
        options.out = tmp.resolve("reports/today");
        StringWriter err = new StringWriter();

        options.emit(ReportBuilder.build(oneHour(), ReportOptions.utc()), new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true));

        assertThat(options.out.resolve("footfall-hourly.csv")).exists();
        assertThat(err.toString()).contains("wrote " + options.out.resolve("footfall-hourly.csv"));
    }

    private static ReportInput oneHour() {
        Instant start = Instant.parse("2026-11-25T08:00:00Z");
        return new ReportInput("store-7", "test", List.of(new AggregateRecord(1, "dev/cam/interval-3600s/" + start, "store-7",
                "dev", "cam", start.toString(), start.toString(), start.plusSeconds(3600).toString(), 3_600_000,
                List.of(new AggregateRecord.LineTotals("door", 3, 1)), List.of())), List.of());
    }
}

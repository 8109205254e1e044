package io.footfall.report;

import io.footfall.report.FootfallReport.HourRow;
import io.footfall.schema.WireRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static io.footfall.report.ReportBuilderTest.aggregate;
import static org.assertj.core.api.Assertions.assertThat;

/** The two days a year the clock changes: every row is one real hour, told apart by its offset where needed. */
class ReportDaylightSavingTest {

    /** New York, 2026-11-01: 02:00 EDT becomes 01:00 EST, so the clock shows 01:00-02:00 twice. */
    @Test
    void onTheDayClocksGoBackTheRepeatedHourIsTwoRowsWithTheirOffsets(@TempDir Path dir) throws Exception {
        List<WireRecord> records = List.of(
                aggregate("camera1", Instant.parse("2026-11-01T04:00:00Z"), 3_600_000, 1, 0, 1), // 00:00 EDT
                aggregate("camera1", Instant.parse("2026-11-01T05:00:00Z"), 1_800_000, 2, 0, 1), // 01:00 EDT
                aggregate("camera1", Instant.parse("2026-11-01T06:00:00Z"), 3_600_000, 6, 1, 1), // 01:00 EST
                aggregate("camera1", Instant.parse("2026-11-01T07:00:00Z"), 3_600_000, 3, 2, 1)); // 02:00 EST
        FootfallReport r = build(records, "America/New_York");

        assertThat(r.hours()).filteredOn(h -> h.camera().equals(FootfallReport.STORE))
                .extracting(h -> h.start().toInstant(), HourRow::in).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Instant.parse("2026-11-01T04:00:00Z"), Optional.of(1)),
                        org.assertj.core.groups.Tuple.tuple(Instant.parse("2026-11-01T05:00:00Z"), Optional.of(2)),
                        org.assertj.core.groups.Tuple.tuple(Instant.parse("2026-11-01T06:00:00Z"), Optional.of(6)),
                        org.assertj.core.groups.Tuple.tuple(Instant.parse("2026-11-01T07:00:00Z"), Optional.of(3)));
        assertThat(r.hours()).filteredOn(h -> h.hour() == 1 && h.camera().equals("camera1"))
                .extracting(HourRow::coverage).containsExactly(0.5, 1.0);
        assertThat(r.peaks()).singleElement().satisfies(p -> {
            assertThat(p.in()).isEqualTo(6);
            assertThat(p.start().toInstant()).isEqualTo(Instant.parse("2026-11-01T06:00:00Z"));
        });
        assertThat(r.days()).filteredOn(d -> d.camera().equals(FootfallReport.STORE)).singleElement()
                .satisfies(d -> assertThat(d.in()).contains(12));

        String table = table(r);
        assertThat(table) // the hour column is as wide as its longest label
                .contains(String.format("%-10s %-15s  %-20s %6d %6d", "2026-11-01", "00:00", "camera1", 1, 0))
                .contains(String.format("%-10s %-15s  %-20s %6d %6d", "2026-11-01", "01:00 UTC-04:00", "camera1", 2, 0))
                .contains(String.format("%-10s %-15s  %-20s %6d %6d", "2026-11-01", "01:00 UTC-05:00", "camera1", 6, 1))
                .contains(String.format("%-10s %-15s  %-20s %6d %6d", "2026-11-01", "02:00", "camera1", 3, 2))
                .contains("2026-11-01 01:00-02:00 UTC-05:00  6 in")
                // The half hour 01:00 EDT did not watch: both ends are local times the clock shows twice.
                .contains("2026-11-01 01:00:00 UTC-04:00 .. 2026-11-01 01:00:00 UTC-05:00  30m00s missing");

        CsvRenderer.write(r, dir);
        assertThat(Files.readAllLines(dir.resolve("footfall-hourly.csv"))).containsSubsequence(
                "day,hour,utc_offset,camera,in,out,observed_seconds,coverage",
                "2026-11-01,0,-04:00,camera1,1,0,3600,1.000",
                "2026-11-01,1,-04:00,camera1,2,0,1800,0.500",
                "2026-11-01,1,-05:00,camera1,6,1,3600,1.000",
                "2026-11-01,2,-05:00,camera1,3,2,3600,1.000");
        assertThat(Files.readAllLines(dir.resolve("peak-hours.csv"))).containsExactly("day,hour,utc_offset,in",
                "2026-11-01,1,-05:00,6");
        assertThat(Files.readAllLines(dir.resolve("occupancy-hourly.csv")))
                .contains("2026-11-01,1,-04:00,camera1,till,1.000,3", "2026-11-01,1,-05:00,camera1,till,1.000,3");
        assertThat(ChartRenderer.write(r, dir)).contains(dir.resolve("footfall-2026-11-01.png"));
    }

    /** London, 2026-03-29: 01:00 GMT becomes 02:00 BST, so there is no 01:00-02:00 that day. */
    @Test
    void onTheDayClocksGoForwardTheSkippedHourIsNoRowAndNoGap(@TempDir Path dir) throws Exception {
        List<WireRecord> records = List.of(
                aggregate("camera1", Instant.parse("2026-03-29T00:00:00Z"), 3_600_000, 1, 0, 1), // 00:00 GMT
                aggregate("camera1", Instant.parse("2026-03-29T01:00:00Z"), 3_600_000, 2, 0, 1), // 02:00 BST
                aggregate("camera1", Instant.parse("2026-03-29T02:00:00Z"), 3_600_000, 3, 0, 1)); // 03:00 BST
        FootfallReport r = build(records, "Europe/London");

        assertThat(r.hours()).filteredOn(h -> h.camera().equals(FootfallReport.STORE))
                .extracting(HourRow::hour, HourRow::in).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, Optional.of(1)),
                        org.assertj.core.groups.Tuple.tuple(2, Optional.of(2)),
                        org.assertj.core.groups.Tuple.tuple(3, Optional.of(3)));
        assertThat(r.days()).allSatisfy(d -> assertThat(d.gapHours()).contains(0));
        assertThat(r.gaps()).isEmpty();
        assertThat(table(r)).doesNotContain(TableRenderer.NO_DATA).doesNotContain("UTC+");

        CsvRenderer.write(r, dir);
        assertThat(Files.readAllLines(dir.resolve("footfall-hourly.csv"))).containsExactly(
                "day,hour,utc_offset,camera,in,out,observed_seconds,coverage",
                "2026-03-29,0,+00:00,camera1,1,0,3600,1.000",
                "2026-03-29,0,+00:00,(store),1,0,3600,1.000",
                "2026-03-29,2,+01:00,camera1,2,0,3600,1.000",
                "2026-03-29,2,+01:00,(store),2,0,3600,1.000",
                "2026-03-29,3,+01:00,camera1,3,0,3600,1.000",
                "2026-03-29,3,+01:00,(store),3,0,3600,1.000");
    }

    private static FootfallReport build(List<WireRecord> records, String zone) {
        return ReportBuilder.build(new ReportInput("store-7", "test", records, List.of()),
                new ReportOptions(ZoneId.of(zone), Optional.empty(), Optional.empty()));
    }

    private static String table(FootfallReport r) {
        StringWriter out = new StringWriter();
        TableRenderer.render(r, new PrintWriter(out));
        return out.toString();
    }
}

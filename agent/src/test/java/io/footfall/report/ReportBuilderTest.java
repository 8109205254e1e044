package io.footfall.report;

import io.footfall.report.FootfallReport.HourRow;
import io.footfall.schema.AggregateRecord;
import io.footfall.schema.CameraStateRecord;
import io.footfall.schema.WireRecord;
import io.footfall.schema.ZoneExitRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A store day with two cameras, one of them offline for an hour and one interval only partly watched. */
class ReportBuilderTest {
    static final Instant OPEN = Instant.parse("2026-11-25T08:00:00Z");

    static AggregateRecord aggregate(String camera, Instant start, long observedMillis, int in, int out, double occupancy) {
        Instant end = start.plusSeconds(3600);
        return new AggregateRecord(1, "dev/" + camera + "/interval-3600s/" + start, "store-7", "dev", camera,
                start.toString(), start.toString(), end.toString(), observedMillis,
                List.of(new AggregateRecord.LineTotals("door", in, out)),
                List.of(new AggregateRecord.ZoneTotals("till", 0, 3, occupancy, 4, 4, 20_000, 15_000, 40_000)));
    }

    static ZoneExitRecord exit(String camera, Instant at, long dwellMillis) {
        return new ZoneExitRecord(1, "dev/" + camera + "/zone-exit/" + at, "store-7", "dev", camera, at.toString(),
                "till", 7L, 1L, 0L, dwellMillis, "left");
    }

    static ReportInput storeDay() {
        List<WireRecord> records = new ArrayList<>();
        for (int h = 0; h < 10; h++) {
            Instant start = OPEN.plusSeconds(3600L * h);
            records.add(aggregate("entrance", start, 3_600_000, 10 + 3 * h, 8 + 2 * h, 1.5 + h % 3));
            if (h != 4) { // the aisle camera is offline 12:00-13:00
                long watched = h == 7 ? 1_800_000 : 3_600_000;
                records.add(aggregate("aisle", start, watched, 4 + h, 4 + h, 0.5 + h % 2));
            }
        }
        records.add(records.get(0)); // delivered twice: counted once
        records.add(new CameraStateRecord(1, "dev/aisle/camera-state/offline", "store-7", "dev", "aisle",
                OPEN.plusSeconds(4 * 3600 + 5).toString(), CameraStateRecord.OFFLINE, "no frames for 5 s"));
        records.add(exit("entrance", OPEN.plusSeconds(100), 5_000));
        records.add(exit("entrance", OPEN.plusSeconds(200), 45_000));
        records.add(exit("entrance", OPEN.plusSeconds(300), 400_000));
        return new ReportInput("store-7", "test", records, List.of(new ReportInput.DataLoss("aggregate", 2, "quota")));
    }

    @Test
    void visitorsAreReportedPerDayAndCameraOnlyWhereAppearanceCountedThem(@org.junit.jupiter.api.io.TempDir Path dir) {
        List<WireRecord> records = new ArrayList<>();
        for (int h = 0; h < 3; h++) {
            Instant start = OPEN.plusSeconds(3600L * h);
            AggregateRecord a = aggregate("entrance", start, 3_600_000, 5, 5, 1);
            records.add(new AggregateRecord(a.schema(), a.id(), a.store(), a.device(), a.camera(), a.at(), a.start(),
                    a.end(), a.observedMillis(), a.lines(), a.zones(), 4, h));
            records.add(aggregate("aisle", start, 3_600_000, 2, 2, 1)); // appearance off there: no visitor counts
        }
        FootfallReport r = ReportBuilder.build(new ReportInput("store-7", "test", records, List.of()), ReportOptions.utc());
        assertThat(r.visitors()).containsExactly(
                new FootfallReport.VisitorDay(OPEN.atZone(ZoneId.of("UTC")).toLocalDate(), "entrance", 12, 3),
                new FootfallReport.VisitorDay(OPEN.atZone(ZoneId.of("UTC")).toLocalDate(), FootfallReport.STORE, 12, 3));
        StringWriter table = new StringWriter();
        TableRenderer.render(r, new PrintWriter(table));
        assertThat(table.toString()).contains("Visitors (appearance on)")
                .contains(String.format("%-10s %-20s %8d %9d", "2026-11-25", "entrance", 12, 3));
        assertThat(CsvRenderer.write(r, dir)).contains(dir.resolve("visitors-daily.csv"));

        FootfallReport without = ReportBuilder.build(storeDay(), ReportOptions.utc());
        assertThat(without.visitors()).isEmpty();
        StringWriter plain = new StringWriter();
        TableRenderer.render(without, new PrintWriter(plain));
        assertThat(plain.toString()).doesNotContain("Visitors");
    }

    @Test
    void countsPerHourAndDayWithGapsNeverZero() {
        FootfallReport r = ReportBuilder.build(storeDay(), ReportOptions.utc());
        HourRow entrance8 = row(r, 8, "entrance");
        assertThat(entrance8.in()).contains(10);
        assertThat(entrance8.coverage()).isEqualTo(1.0);
        HourRow aisleNoon = row(r, 12, "aisle");
        assertThat(aisleNoon.gap()).isTrue();
        assertThat(aisleNoon.in()).isEmpty();
        HourRow storeNoon = row(r, 12, FootfallReport.STORE);
        assertThat(storeNoon.in()).contains(10 + 12); // entrance only, flagged as not fully watched
        assertThat(storeNoon.observedMillis()).isZero();
        assertThat(row(r, 15, "aisle").coverage()).isEqualTo(0.5);
        FootfallReport.DayRow aisleDay = r.days().stream().filter(d -> d.camera().equals("aisle")).findFirst().orElseThrow();
        assertThat(aisleDay.gapHours()).contains(1);
        assertThat(r.peaks()).singleElement().satisfies(p -> assertThat(p.hour()).isEqualTo(17));
        assertThat(r.gaps()).extracting(FootfallReport.Gap::camera, FootfallReport.Gap::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("aisle", FootfallReport.Gap.Kind.NOT_REPORTED),
                org.assertj.core.groups.Tuple.tuple("aisle", FootfallReport.Gap.Kind.PARTLY_WATCHED));
        assertThat(r.occupancy()).filteredOn(o -> o.hour() == 12 && o.camera().equals("aisle"))
                .singleElement().satisfies(o -> assertThat(o.mean()).isEmpty());
        assertThat(r.dwell()).filteredOn(b -> b.visits() > 0).extracting(FootfallReport.DwellBucket::label)
                .containsExactly("<10s", "30s-1min", "5min-15min");
    }

    @Test
    void tableCsvAndChartsShowGapsAsGaps() throws Exception {
        FootfallReport r = ReportBuilder.build(storeDay(), new ReportOptions(ZoneId.of("Europe/Oslo"), Optional.empty(),
                Optional.empty()));
        StringWriter table = new StringWriter();
        TableRenderer.render(r, new PrintWriter(table));
        assertThat(table.toString()).contains("2026-11-25 13:00  aisle                     -      -  no data")
                .contains("dropped before delivery: 2 aggregate records (quota)")
                .contains("camera watched 1800 s of 3600 s")
                .contains("camera offline since 2026-11-25T13:00:05+01:00 (no frames for 5 s)");
        Path dir = Path.of("target/report-charts-test");
        List<Path> files = ReportFiles.write(r, dir);
        assertThat(Files.readAllLines(dir.resolve("footfall-hourly.csv"))).contains("2026-11-25,13,+01:00,aisle,,,,");
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("footfall-2026-11-25.png",
                "occupancy-2026-11-25.png", "dwell.png");
        for (Path f : files) {
            if (f.toString().endsWith(".png")) {
                assertThat(ImageIO.read(f.toFile()).getHeight()).isEqualTo(ChartRenderer.HEIGHT);
            }
        }
    }

    /** Data on the 1st and the 3rd only; the aisle camera sent nothing on the 3rd; the entrance missed 16.573 s. */
    @Test
    void aDayNothingArrivedForIsARowOfNoDataAndMissingTimesAreLocalWithTheirOffset(@TempDir Path dir) throws Exception {
        List<WireRecord> records = List.of(
                aggregate("entrance", Instant.parse("2026-12-01T09:00:00Z"), 3_600_000, 5, 0, 1),
                aggregate("aisle", Instant.parse("2026-12-01T09:00:00Z"), 3_600_000, 2, 0, 1),
                aggregate("entrance", Instant.parse("2026-12-03T09:00:00Z"), 3_600_000 - 16_573, 7, 0, 1));
        FootfallReport r = ReportBuilder.build(new ReportInput("store-7", "test", records, List.of()),
                new ReportOptions(ZoneId.of("Europe/Oslo"), Optional.empty(), Optional.empty()));

        StringWriter table = new StringWriter();
        TableRenderer.render(r, new PrintWriter(table));
        assertThat(table.toString())
                .contains(String.format("%-10s %-20s %6s %6s  %-16s %s", "2026-12-02", "entrance", "-", "-", "no data", "-"))
                .contains(String.format("%-10s %-20s %6s %6s  %-16s %s", "2026-12-02", "(store)", "-", "-", "no data", "-"))
                .contains(String.format("%-10s %-20s %6s %6s  %-16s %s", "2026-12-03", "aisle", "-", "-", "no data", "1"))
                .contains("2026-12-03 10:00:00 .. 2026-12-03 11:00:00  17s missing: camera watched 3583 s of 3600 s");

        CsvRenderer.write(r, dir);
        assertThat(Files.readAllLines(dir.resolve("footfall-daily.csv"))).containsExactly(
                "day,camera,in,out,observed_seconds,hours_without_data",
                "2026-12-01,aisle,2,0,3600,0",
                "2026-12-01,entrance,5,0,3600,0",
                "2026-12-01,(store),7,0,7200,0",
                "2026-12-02,aisle,,,,",
                "2026-12-02,entrance,,,,",
                "2026-12-02,(store),,,,",
                "2026-12-03,aisle,,,,1",
                "2026-12-03,entrance,7,0,3583,0",
                "2026-12-03,(store),7,0,3583,1");
        assertThat(Files.readAllLines(dir.resolve("missing.csv"))).containsExactly(
                "camera,from,to,missing_seconds,reason",
                "aisle,2026-12-01T11:00:00+01:00,2026-12-03T11:00:00+01:00,172800,"
                        + "\"no aggregates (camera or agent offline, or records lost)\"",
                "entrance,2026-12-01T11:00:00+01:00,2026-12-03T10:00:00+01:00,169200,"
                        + "\"no aggregates (camera or agent offline, or records lost)\"",
                "entrance,2026-12-03T10:00:00+01:00,2026-12-03T11:00:00+01:00,17,"
                        + "camera watched 3583 s of 3600 s (no frames)");
    }

    private static HourRow row(FootfallReport r, int hour, String camera) {
        return r.hours().stream().filter(h -> h.hour() == hour && h.camera().equals(camera)).findFirst().orElseThrow();
    }
}

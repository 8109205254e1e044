package io.footfall.report;

import io.footfall.report.FootfallReport.DayRow;
import io.footfall.report.FootfallReport.DwellBucket;
import io.footfall.report.FootfallReport.Gap;
import io.footfall.report.FootfallReport.HourRow;
import io.footfall.report.FootfallReport.OccupancyPoint;
import io.footfall.report.FootfallReport.OccupancyRow;
import io.footfall.report.FootfallReport.PeakHour;
import io.footfall.schema.AggregateRecord;
import io.footfall.schema.CameraStateRecord;
import io.footfall.schema.WireRecord;
import io.footfall.schema.ZoneExitRecord;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes a {@link FootfallReport} from wire records.
 *
 * <p>Counts come from the interval aggregates (per line in/out, summed over a camera's lines): they are final
 * (cancelled crossings already taken out) and each says how long the camera really watched
 * ({@code observedMillis}). An hour of a camera with no aggregate is a gap; the hours of a day run from the first to
 * the last hour any camera of the store reported, and are real hours in the report's zone (on the days clocks
 * change, 23 or 25 of them). Dwell comes from zone exits (one per finished visit). Records
 * arriving twice (a re-sent blob, a reload) are counted once, by id. Stateless.
 */
public final class ReportBuilder {
    /** Lower edges of the dwell buckets, seconds; the last bucket is open-ended. */
    static final long[] DWELL_EDGES = {0, 10, 30, 60, 120, 300, 900};
    /** Shorter unobserved stretches inside an interval are start-up/rounding noise, not a gap. */
    static final long GAP_TOLERANCE_MILLIS = 1_000;
    private static final Duration ONE_HOUR = Duration.ofHours(1);

    private ReportBuilder() {
    }

    public static FootfallReport build(ReportInput input, ReportOptions options) {
        ZoneId zone = options.zone();
        Map<String, WireRecord> unique = new LinkedHashMap<>();
        for (WireRecord r : input.records()) {
            unique.putIfAbsent(r.id(), r);
        }
        List<AggregateRecord> aggregates = unique.values().stream()
                .filter(AggregateRecord.class::isInstance).map(AggregateRecord.class::cast)
                .filter(a -> options.includes(day(Instant.parse(a.start()), zone)))
                .sorted(Comparator.comparing(AggregateRecord::camera).thenComparing(a -> Instant.parse(a.start())))
                .toList();
        List<ZoneExitRecord> exits = unique.values().stream()
                .filter(ZoneExitRecord.class::isInstance).map(ZoneExitRecord.class::cast)
                .filter(e -> options.includes(day(e.atInstant(), zone)))
                .toList();
        TreeSet<String> cameras = new TreeSet<>();
        aggregates.forEach(a -> cameras.add(a.camera()));

        Map<HourKey, Tally> hourly = new TreeMap<>();
        for (AggregateRecord a : aggregates) {
            ZonedDateTime hour = hourOf(Instant.parse(a.start()), zone);
            hourly.computeIfAbsent(new HourKey(hour.toInstant(), a.camera()), k -> new Tally()).add(a);
        }
        NavigableMap<LocalDate, Span> spans = new TreeMap<>();
        for (HourKey k : hourly.keySet()) { // in time order
            ZonedDateTime hour = k.start().atZone(zone);
            spans.merge(hour.toLocalDate(), new Span(hour, hour), (was, next) -> new Span(was.first(), next.last()));
        }

        List<HourRow> hours = new ArrayList<>();
        List<DayRow> days = new ArrayList<>();
        List<PeakHour> peaks = new ArrayList<>();
        List<OccupancyRow> occupancy = new ArrayList<>();
        for (LocalDate day : reportDays(spans)) {
            Span span = spans.get(day);
            if (span == null) {
                cameras.forEach(camera -> days.add(DayRow.noData(day, camera)));
                days.add(DayRow.noData(day, FootfallReport.STORE));
                continue;
            }
            Map<String, Tally> dayTotals = new LinkedHashMap<>();
            Map<String, Integer> gapHours = new LinkedHashMap<>();
            PeakHour peak = null;
            for (ZonedDateTime h : span.hours()) {
                Tally store = new Tally();
                long leastObserved = Long.MAX_VALUE;
                boolean anyCamera = false;
                boolean anyMissing = false;
                for (String camera : cameras) {
                    Tally t = hourly.get(new HourKey(h.toInstant(), camera));
                    if (t == null) {
                        hours.add(new HourRow(h, camera, Optional.empty(), Optional.empty(), 0));
                        gapHours.merge(camera, 1, Integer::sum);
                        anyMissing = true;
                        leastObserved = 0;
                        continue;
                    }
                    anyCamera = true;
                    hours.add(new HourRow(h, camera, Optional.of(t.in), Optional.of(t.out), t.observed));
                    dayTotals.computeIfAbsent(camera, c -> new Tally()).merge(t);
                    store.merge(t);
                    leastObserved = Math.min(leastObserved, t.observed);
                    for (Map.Entry<String, ZoneTally> z : t.zones.entrySet()) {
                        occupancy.add(z.getValue().row(h, camera, z.getKey()));
                    }
                }
                if (anyMissing) {
                    gapHours.merge(FootfallReport.STORE, 1, Integer::sum);
                }
                if (!anyCamera) {
                    hours.add(new HourRow(h, FootfallReport.STORE, Optional.empty(), Optional.empty(), 0));
                    continue;
                }
                hours.add(new HourRow(h, FootfallReport.STORE, Optional.of(store.in), Optional.of(store.out),
                        leastObserved));
                if (peak == null || store.in > peak.in()) {
                    peak = new PeakHour(h, store.in);
                }
            }
            Tally storeDay = new Tally();
            for (String camera : cameras) {
                int gaps = gapHours.getOrDefault(camera, 0);
                Tally t = dayTotals.get(camera);
                if (t == null) { // another camera reported that day, this one not once
                    days.add(new DayRow(day, camera, Optional.empty(), Optional.empty(), 0, Optional.of(gaps)));
                    continue;
                }
                days.add(t.dayRow(day, camera, gaps));
                storeDay.merge(t);
            }
            days.add(storeDay.dayRow(day, FootfallReport.STORE, gapHours.getOrDefault(FootfallReport.STORE, 0)));
            if (peak != null) {
                peaks.add(peak);
            }
        }
        return new FootfallReport(input.store(), input.source(), zone, List.copyOf(cameras), hours, days, peaks,
                occupancyWithGaps(occupancy, hours), timeline(aggregates), dwell(exits),
                gaps(aggregates, states(unique), zone), input.losses(), visitors(aggregates, zone));
    }

    /**
     * Every day from the first to the last one any camera reported, also those nothing arrived for: a day missing
     * from a daily table reads as a day that did not happen.
     */
    private static List<LocalDate> reportDays(NavigableMap<LocalDate, Span> spans) {
        return spans.isEmpty() ? List.of() : spans.firstKey().datesUntil(spans.lastKey().plusDays(1)).toList();
    }

    /** Zone rows for the hours a camera watched, plus empty rows for the hours of its day it did not. */
    private static List<OccupancyRow> occupancyWithGaps(List<OccupancyRow> observed, List<HourRow> hours) {
        Map<String, TreeSet<String>> zonesByCamera = new TreeMap<>();
        observed.forEach(o -> zonesByCamera.computeIfAbsent(o.camera(), c -> new TreeSet<>()).add(o.zone()));
        Map<String, OccupancyRow> byKey = new LinkedHashMap<>();
        observed.forEach(o -> byKey.put(o.start().toInstant() + "|" + o.camera() + "|" + o.zone(), o));
        List<OccupancyRow> rows = new ArrayList<>();
        for (HourRow h : hours) {
            for (String zone : zonesByCamera.getOrDefault(h.camera(), new TreeSet<>())) {
                OccupancyRow o = byKey.get(h.start().toInstant() + "|" + h.camera() + "|" + zone);
                rows.add(o != null ? o : new OccupancyRow(h.start(), h.camera(), zone, Optional.empty(),
                        Optional.empty()));
            }
        }
        return rows;
    }

    private static List<OccupancyPoint> timeline(List<AggregateRecord> aggregates) {
        List<OccupancyPoint> points = new ArrayList<>();
        for (AggregateRecord a : aggregates) {
            if (a.observedMillis() <= 0) {
                continue;
            }
            for (AggregateRecord.ZoneTotals z : a.zones()) {
                points.add(new OccupancyPoint(a.camera(), z.zone(), Instant.parse(a.start()), Instant.parse(a.end()),
                        z.occupancyMean(), z.occupancyMax()));
            }
        }
        return points;
    }

    private static List<DwellBucket> dwell(List<ZoneExitRecord> exits) {
        Map<String, int[]> counts = new TreeMap<>(); // camera|zone -> visits per bucket
        for (ZoneExitRecord e : exits) {
            int[] c = counts.computeIfAbsent(e.camera() + "|" + e.zone(), k -> new int[DWELL_EDGES.length]);
            c[bucket(e.dwellMillis() / 1000)]++;
        }
        List<DwellBucket> buckets = new ArrayList<>();
        counts.forEach((key, c) -> {
            String[] cz = key.split("\\|", 2);
            for (int i = 0; i < DWELL_EDGES.length; i++) {
                long to = i + 1 < DWELL_EDGES.length ? DWELL_EDGES[i + 1] : Long.MAX_VALUE;
                buckets.add(new DwellBucket(cz[0], cz[1], dwellLabel(DWELL_EDGES[i], to), DWELL_EDGES[i], to, c[i]));
            }
        });
        return buckets;
    }

    static int bucket(long seconds) {
        int i = DWELL_EDGES.length - 1;
        while (i > 0 && seconds < DWELL_EDGES[i]) {
            i--;
        }
        return i;
    }

    static String dwellLabel(long from, long to) {
        if (from == 0) {
            return "<" + seconds(to);
        }
        return to == Long.MAX_VALUE ? ">=" + seconds(from) : seconds(from) + "-" + seconds(to);
    }

    private static String seconds(long s) {
        return s < 60 ? s + "s" : s / 60 + "min";
    }

    /** Each camera's online/offline records, in time order. */
    private static Map<String, List<CameraStateRecord>> states(Map<String, WireRecord> records) {
        Map<String, List<CameraStateRecord>> states = new TreeMap<>();
        records.values().stream().filter(CameraStateRecord.class::isInstance).map(CameraStateRecord.class::cast)
                .sorted(Comparator.comparing(CameraStateRecord::atInstant))
                .forEach(s -> states.computeIfAbsent(s.camera(), c -> new ArrayList<>()).add(s));
        return states;
    }

    /** Why nothing arrived up to {@code to}: the camera's last state before then, when it says offline. */
    private static String whyMissing(List<CameraStateRecord> states, Instant to, ZoneId zone) {
        CameraStateRecord last = null;
        for (CameraStateRecord s : states) {
            if (s.atInstant().isBefore(to)) {
                last = s;
            }
        }
        if (last != null && CameraStateRecord.OFFLINE.equals(last.state())) {
            return "camera offline since " + LocalTimes.iso(last.atInstant().atZone(zone))
                    + (last.reason() == null ? "" : " (" + last.reason() + ")");
        }
        return "no aggregates (camera or agent offline, or records lost)";
    }

    /** Stretches each camera did not watch, within the time the store as a whole reported. */
    private static List<Gap> gaps(List<AggregateRecord> aggregates, Map<String, List<CameraStateRecord>> states,
                                  ZoneId zone) {
        List<Gap> gaps = new ArrayList<>();
        if (aggregates.isEmpty()) {
            return gaps;
        }
        Instant first = aggregates.stream().map(a -> Instant.parse(a.start())).min(Comparator.naturalOrder()).orElseThrow();
        Instant last = aggregates.stream().map(a -> Instant.parse(a.end())).max(Comparator.naturalOrder()).orElseThrow();
        Map<String, List<AggregateRecord>> byCamera = new TreeMap<>();
        aggregates.forEach(a -> byCamera.computeIfAbsent(a.camera(), c -> new ArrayList<>()).add(a));
        for (Map.Entry<String, List<AggregateRecord>> e : byCamera.entrySet()) {
            String camera = e.getKey();
            Instant covered = first;
            for (AggregateRecord a : e.getValue()) {
                Instant start = Instant.parse(a.start());
                Instant end = Instant.parse(a.end());
                if (start.isAfter(covered)) {
                    gaps.add(gap(camera, covered, start, Duration.between(covered, start).toMillis(), Gap.Kind.NOT_REPORTED,
                            whyMissing(states.getOrDefault(camera, List.of()), start, zone)));
                }
                long length = Duration.between(start, end).toMillis();
                long observed = a.observedMillis();
                if (length - observed > GAP_TOLERANCE_MILLIS) {
                    gaps.add(gap(camera, start, end, length - observed, Gap.Kind.PARTLY_WATCHED, "camera watched "
                            + FootfallReport.seconds(observed) + " s of " + FootfallReport.seconds(length)
                            + " s (no frames)"));
                }
                if (end.isAfter(covered)) {
                    covered = end;
                }
            }
            if (last.isAfter(covered)) {
                gaps.add(gap(camera, covered, last, Duration.between(covered, last).toMillis(), Gap.Kind.NOT_REPORTED,
                        whyMissing(states.getOrDefault(camera, List.of()), last, zone)));
            }
        }
        return gaps;
    }

    private static Gap gap(String camera, Instant from, Instant to, long missing, Gap.Kind kind, String reason) {
        return new Gap(camera, from, to, missing, kind, reason);
    }

    /** Per day and camera, then the store, from the aggregates that count visitors (appearance on). */
    private static List<FootfallReport.VisitorDay> visitors(List<AggregateRecord> aggregates, ZoneId zone) {
        Map<LocalDate, Map<String, int[]>> byDay = new TreeMap<>();
        for (AggregateRecord a : aggregates) {
            if (a.visitors() == null) {
                continue;
            }
            Map<String, int[]> cams = byDay.computeIfAbsent(day(Instant.parse(a.start()), zone), d -> new TreeMap<>());
            for (String camera : List.of(a.camera(), FootfallReport.STORE)) {
                int[] t = cams.computeIfAbsent(camera, c -> new int[2]);
                t[0] += a.visitors();
                t[1] += a.returning() == null ? 0 : a.returning();
            }
        }
        List<FootfallReport.VisitorDay> out = new ArrayList<>();
        byDay.forEach((day, cams) -> {
            cams.forEach((camera, t) -> {
                if (!camera.equals(FootfallReport.STORE)) {
                    out.add(new FootfallReport.VisitorDay(day, camera, t[0], t[1]));
                }
            });
            int[] store = cams.get(FootfallReport.STORE);
            out.add(new FootfallReport.VisitorDay(day, FootfallReport.STORE, store[0], store[1]));
        });
        return out;
    }

    private static LocalDate day(Instant t, ZoneId zone) {
        return t.atZone(zone).toLocalDate();
    }

    /**
     * The local hour {@code t} falls in. Keyed by where that hour starts on the time line, not by its clock hour: the
     * clock shows 01:00-02:00 twice when it goes back, and those are two hours.
     */
    private static ZonedDateTime hourOf(Instant t, ZoneId zone) {
        return t.atZone(zone).truncatedTo(ChronoUnit.HOURS);
    }

    /** One camera's hour, by the instant it started. */
    private record HourKey(Instant start, String camera) implements Comparable<HourKey> {
        @Override
        public int compareTo(HourKey o) {
            return Comparator.comparing(HourKey::start).thenComparing(HourKey::camera).compare(this, o);
        }
    }

    /** The hours of a day from the first to the last one any camera reported. */
    private record Span(ZonedDateTime first, ZonedDateTime last) {
        /**
         * Every real hour from first to last: walking the time line, so an hour the clocks skip is not there and the
         * repeated one is there twice.
         */
        List<ZonedDateTime> hours() {
            List<ZonedDateTime> hours = new ArrayList<>();
            for (ZonedDateTime h = first; !h.isAfter(last); h = hourOf(h.toInstant().plus(ONE_HOUR), h.getZone())) {
                hours.add(h);
            }
            return hours;
        }
    }

    /** Sums of a camera's aggregates over an hour or a day. Not thread-safe (local to one build). */
    private static final class Tally {
        int in;
        int out;
        long observed;
        final Map<String, ZoneTally> zones = new TreeMap<>();

        void add(AggregateRecord a) {
            for (AggregateRecord.LineTotals l : a.lines()) {
                in += l.in();
                out += l.out();
            }
            observed += a.observedMillis();
            for (AggregateRecord.ZoneTotals z : a.zones()) {
                zones.computeIfAbsent(z.zone(), k -> new ZoneTally()).add(z, a.observedMillis());
            }
        }

        void merge(Tally t) {
            in += t.in;
            out += t.out;
            observed += t.observed;
        }

        DayRow dayRow(LocalDate day, String camera, int gapHours) {
            return new DayRow(day, camera, Optional.of(in), Optional.of(out), observed, Optional.of(gapHours));
        }
    }

    /** Time-weighted occupancy of one zone over an hour. */
    private static final class ZoneTally {
        double weightedMean;
        long weight;
        int max;

        void add(AggregateRecord.ZoneTotals z, long observedMillis) {
            weightedMean += z.occupancyMean() * observedMillis;
            weight += observedMillis;
            max = Math.max(max, z.occupancyMax());
        }

        OccupancyRow row(ZonedDateTime hour, String camera, String zone) {
            if (weight == 0) {
                return new OccupancyRow(hour, camera, zone, Optional.empty(), Optional.empty());
            }
            return new OccupancyRow(hour, camera, zone, Optional.of(weightedMean / weight), Optional.of(max));
        }
    }
}

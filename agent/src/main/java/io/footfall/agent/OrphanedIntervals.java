package io.footfall.agent;

import io.footfall.count.RecordIds;
import io.footfall.count.AnalyticsConfig;
import io.footfall.count.DwellStats;
import io.footfall.schema.AggregateRecord;
import io.footfall.schema.CrossingRecord;
import io.footfall.schema.WireCodec;
import io.footfall.schema.WireRecord;
import io.footfall.schema.ZoneEnterRecord;
import io.footfall.schema.ZoneExitRecord;
import io.footfall.store.Outbox;
import io.footfall.store.OutboxRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * After a crash (kill -9, power loss) the events a camera stored since its last closed interval have no aggregate:
 * the interval was open in memory. When the camera starts again later, this writes the aggregates those events
 * belong to, as segments of their intervals ({@code .../from-<first uncovered instant>}), so hourly totals summed
 * from aggregates agree with the crossings stored: nothing lost, nothing counted twice (the new run's own segment
 * starts at its start, another id). When the new run replays a recording from a given start, events at or after it
 * are the new run's (it re-emits them with the same ids) and are left alone. Otherwise every orphaned event is
 * recovered whatever its time: after a power loss the clock may step back past them, and a file replayed from "now"
 * runs ahead of the clock.
 *
 * <p>Occupancy is unknown for such a segment (no frames survive a crash): its zone occupancy is 0 and its
 * {@code observedMillis} covers first to last recovered event only.
 */
final class OrphanedIntervals {
    private static final Logger log = LoggerFactory.getLogger(OrphanedIntervals.class);
    private static final int CHUNK = 4096;
    /** How far back to look: a camera's events since its last aggregate are at most an interval and a crash away. */
    private static final int MAX_SCAN = 200_000;

    private OrphanedIntervals() {
    }

    /**
     * @param replayStart the start a recorded source is replayed from ({@code start} in the configuration), if given
     */
    static List<WireRecord> recover(Outbox outbox, String storeId, String deviceId, String cameraId, AnalyticsConfig analytics,
                                    Optional<Instant> replayStart) {
        long last = outbox.lastSequence();
        long coveredUntil = Long.MIN_VALUE;
        List<WireRecord> orphans = new ArrayList<>();
        long scanned = 0;
        for (long to = last; to >= 1 && scanned < MAX_SCAN && coveredUntil == Long.MIN_VALUE; to -= CHUNK) {
            long from = Math.max(1, to - CHUNK + 1);
            List<OutboxRecord> chunk = outbox.read(from, to, CHUNK);
            for (int i = chunk.size() - 1; i >= 0; i--) {
                OutboxRecord r = chunk.get(i);
                scanned++;
                if (!RecordIds.belongsTo(r.id(), deviceId, cameraId)) {
                    continue;
                }
                WireRecord w;
                try {
                    w = WireCodec.decode(r.payload());
                } catch (RuntimeException e) {
                    continue; // not a wire record (or an older shape): nothing to recover from it
                }
                if (w instanceof AggregateRecord a) {
                    coveredUntil = Math.max(coveredUntil, Instant.parse(a.end()).toEpochMilli());
                    break;
                }
                if (w.isCount()) {
                    orphans.add(w);
                }
            }
        }
        long reEmittedFrom = replayStart.map(Instant::toEpochMilli).orElse(Long.MAX_VALUE);
        long covered = coveredUntil;
        List<WireRecord> open = orphans.stream()
                .filter(w -> w.atInstant().toEpochMilli() >= covered && w.atInstant().toEpochMilli() < reEmittedFrom)
                .toList();
        if (open.isEmpty()) {
            return List.of();
        }
        List<WireRecord> out = aggregates(open, storeId, deviceId, cameraId, analytics.interval().toMillis(), covered);
        log.warn("event=orphaned_events_recovered camera={} events={} aggregates={} reason=previous_run_ended_without_closing_its_interval",
                cameraId, open.size(), out.size());
        return out;
    }

    private static List<WireRecord> aggregates(List<WireRecord> events, String storeId, String deviceId, String cameraId,
                                               long length, long coveredUntil) {
        TreeMap<Long, List<WireRecord>> byInterval = new TreeMap<>();
        for (WireRecord e : events) {
            long t = e.atInstant().toEpochMilli();
            byInterval.computeIfAbsent(Math.floorDiv(t, length) * length, k -> new ArrayList<>()).add(e);
        }
        List<WireRecord> out = new ArrayList<>();
        byInterval.forEach((start, list) -> {
            long from = Math.max(start, coveredUntil == Long.MIN_VALUE ? list.stream().mapToLong(w -> w.atInstant().toEpochMilli()).min().orElse(start) : coveredUntil);
            long lastAt = list.stream().mapToLong(w -> w.atInstant().toEpochMilli()).max().orElse(from);
            Map<String, int[]> lines = new LinkedHashMap<>();
            Map<String, List<Long>> dwells = new LinkedHashMap<>();
            Map<String, Integer> visits = new LinkedHashMap<>();
            for (WireRecord w : list) {
                if (w instanceof CrossingRecord c) {
                    lines.computeIfAbsent(c.line(), k -> new int[2])["in".equals(c.direction()) ? 0 : 1]++;
                } else if (w instanceof ZoneEnterRecord z) {
                    visits.merge(z.zone(), 1, Integer::sum);
                    dwells.computeIfAbsent(z.zone(), k -> new ArrayList<>());
                } else if (w instanceof ZoneExitRecord z) {
                    dwells.computeIfAbsent(z.zone(), k -> new ArrayList<>()).add(z.dwellMillis());
                    visits.putIfAbsent(z.zone(), 0);
                }
            }
            String intervalStart = Instant.ofEpochMilli(start).toString();
            String id = RecordIds.aggregate(deviceId, cameraId, length, start, from);
            List<AggregateRecord.LineTotals> lineTotals = new ArrayList<>();
            lines.forEach((name, c) -> lineTotals.add(new AggregateRecord.LineTotals(name, c[0], c[1])));
            List<AggregateRecord.ZoneTotals> zoneTotals = new ArrayList<>();
            visits.forEach((zone, n) -> {
                DwellStats d = DwellStats.of(dwells.getOrDefault(zone, List.of()));
                zoneTotals.add(new AggregateRecord.ZoneTotals(zone, 0, 0, 0, n, d.visits(), d.meanMillis(), d.p50Millis(), d.p90Millis()));
            });
            out.add(new AggregateRecord(WireRecord.SCHEMA_VERSION, id, storeId, deviceId, cameraId, intervalStart, intervalStart,
                    Instant.ofEpochMilli(start + length).toString(), Math.max(0, lastAt - from), lineTotals, zoneTotals));
        });
        return out;
    }
}

package io.footfall.count;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Sums the events and occupancy of one camera into wall-clock intervals {@code [k·L, (k+1)·L)} of epoch
 * milliseconds. Intervals are contiguous from the first frame's, and close {@code closeDelay} after their
 * end. Not thread-safe.
 */
final class IntervalAggregator {
    private final long length;
    private final long closeDelay;
    private final long maxFrameGap;
    private final List<String> lines;
    private final List<String> zones;
    private final EventFactory events;
    private final TreeMap<Long, Bucket> open = new TreeMap<>();
    private long nextStart = Long.MIN_VALUE;
    /** When this aggregator began observing: its first interval is a segment from here when not aligned. */
    private long firstEpoch = Long.MIN_VALUE;
    private long sampleEpoch = Long.MIN_VALUE;
    private int[] sample;
    /** Whether visits are told apart (appearance on): the aggregates then carry visitors and returning. */
    private boolean countsVisitors;
    /** Whether crossings are told apart as staff or not (a staff gallery is enrolled). */
    private boolean countsStaff;

    IntervalAggregator(AnalyticsConfig config, List<String> lines, List<String> zones, EventFactory events) {
        this.length = config.interval().toMillis();
        this.closeDelay = config.closeDelay().toMillis();
        this.maxFrameGap = config.maxFrameGap().toMillis();
        this.lines = List.copyOf(lines);
        this.zones = List.copyOf(zones);
        this.events = events;
    }

    /**
     * Time reached {@code epochMillis}: opens the intervals up to it, and lets the last occupancy sample
     * stand for the time since (at most {@code maxFrameGap}).
     */
    void advanceTo(long epochMillis) {
        openThrough(epochMillis);
        holdSampleUntil(epochMillis);
    }

    /** Occupancy per zone (configuration order) from {@code epochMillis} on, until the next sample. */
    void sample(long epochMillis, int[] occupancy) {
        sampleEpoch = epochMillis;
        sample = occupancy.clone();
    }

    /** Counts a crossing or a visit in the interval of its time; late ones in the interval of {@code nowEpoch}. */
    void record(CountEvent e, long nowEpochMillis) {
        if (e instanceof LineCrossing c) {
            Bucket b = bucketFor(c.at(), nowEpochMillis);
            int i = lines.indexOf(c.line());
            boolean staff = Boolean.TRUE.equals(c.staff());
            if (c.direction() == Direction.IN) {
                b.in[i]++;
                b.staffIn[i] += staff ? 1 : 0;
            } else {
                b.out[i]++;
                b.staffOut[i] += staff ? 1 : 0;
            }
        } else if (e instanceof ZoneEntered z) {
            bucketFor(z.at(), nowEpochMillis).visits[zones.indexOf(z.zone())]++;
        } else if (e instanceof ZoneExited z) {
            bucketFor(z.at(), nowEpochMillis).dwells.get(zones.indexOf(z.zone())).add(z.dwellMillis());
        }
        // CrossingCancelled: nothing to undo, the withdrawn crossing was never emitted nor counted
    }

    /** From now on the aggregates say how many crossings were staff. */
    void countStaff() {
        countsStaff = true;
    }

    /** From now on the aggregates count visitors and returns (appearance is on). */
    void countVisitors() {
        countsVisitors = true;
    }

    /** A finished track that was a new visitor or a return, counted in the interval of its arrival. */
    void recordVisit(boolean returning, long arrivedEpochMillis, long nowEpochMillis) {
        Bucket b = bucketFor(Instant.ofEpochMilli(arrivedEpochMillis), nowEpochMillis);
        if (b == null) {
            return; // no interval open at all: the stream has not begun
        }
        if (returning) {
            b.returning++;
        } else {
            b.visitors++;
        }
    }

    /** The intervals whose close time has come by {@code epochMillis}, oldest first. */
    List<IntervalAggregate> closeDue(long epochMillis) {
        List<IntervalAggregate> closed = new ArrayList<>();
        while (!open.isEmpty() && open.firstKey() + length + closeDelay <= epochMillis) {
            closed.add(open.pollFirstEntry().getValue().toAggregate());
        }
        return closed;
    }

    /** Stream end at {@code epochMillis}: the last sample stands until then, every interval closes. */
    List<IntervalAggregate> flush(long epochMillis) {
        if (sample != null && epochMillis > sampleEpoch) {
            openThrough(epochMillis - 1);
            holdSampleUntil(epochMillis);
        }
        return closeDue(Long.MAX_VALUE);
    }

    private void openThrough(long epochMillis) {
        long last = Math.floorDiv(epochMillis, length) * length;
        if (nextStart == Long.MIN_VALUE) {
            nextStart = last;
            firstEpoch = epochMillis;
        }
        for (; nextStart <= last; nextStart += length) {
            open.put(nextStart, new Bucket(nextStart));
        }
    }

    private void holdSampleUntil(long epochMillis) {
        if (sample == null) {
            return;
        }
        long until = Math.min(epochMillis, sampleEpoch + maxFrameGap);
        for (long t = sampleEpoch; t < until; ) {
            long start = Math.floorDiv(t, length) * length;
            long end = Math.min(until, start + length);
            Bucket b = open.get(start);
            if (b != null) {
                b.hold(sample, end - t);
            }
            t = end;
        }
        if (until < epochMillis) {
            sample = null; // a gap longer than maxFrameGap: unobserved until the next frame
        } else {
            sampleEpoch = epochMillis;
        }
    }

    private Bucket bucketFor(Instant at, long nowEpoch) {
        Bucket b = open.get(Math.floorDiv(at.toEpochMilli(), length) * length);
        return b != null ? b : open.get(Math.floorDiv(nowEpoch, length) * length);
    }

    private final class Bucket {
        final long start;
        final int[] in = new int[lines.size()];
        final int[] out = new int[lines.size()];
        final int[] staffIn = new int[lines.size()];
        final int[] staffOut = new int[lines.size()];
        final int[] visits = new int[zones.size()];
        final List<List<Long>> dwells = new ArrayList<>();
        final int[] min = new int[zones.size()];
        final int[] max = new int[zones.size()];
        final double[] weighted = new double[zones.size()];
        long observed;
        int visitors;
        int returning;

        Bucket(long start) {
            this.start = start;
            zones.forEach(z -> dwells.add(new ArrayList<>()));
        }

        void hold(int[] occupancy, long millis) {
            for (int z = 0; z < occupancy.length; z++) {
                min[z] = observed == 0 ? occupancy[z] : Math.min(min[z], occupancy[z]);
                max[z] = observed == 0 ? occupancy[z] : Math.max(max[z], occupancy[z]);
                weighted[z] += (double) occupancy[z] * millis;
            }
            observed += millis;
        }

        IntervalAggregate toAggregate() {
            List<IntervalAggregate.LineTotals> lineTotals = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                lineTotals.add(countsStaff
                        ? new IntervalAggregate.LineTotals(lines.get(i), in[i], out[i], staffIn[i], staffOut[i])
                        : new IntervalAggregate.LineTotals(lines.get(i), in[i], out[i]));
            }
            List<IntervalAggregate.ZoneStats> zoneStats = new ArrayList<>();
            for (int z = 0; z < zones.size(); z++) {
                double mean = observed == 0 ? 0 : weighted[z] / observed;
                zoneStats.add(new IntervalAggregate.ZoneStats(zones.get(z), min[z], max[z], mean, visits[z],
                        DwellStats.of(dwells.get(z))));
            }
            return events.aggregate(start, length, Math.max(start, firstEpoch), observed, lineTotals, zoneStats,
                    countsVisitors ? new IntervalAggregate.Visitors(visitors, returning) : null);
        }
    }
}

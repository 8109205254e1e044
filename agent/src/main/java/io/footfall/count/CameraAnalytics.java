package io.footfall.count;

import io.footfall.geometry.Point;
import io.footfall.track.TrackId;
import io.footfall.track.TrackedFrame;
import io.footfall.track.TrackedObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Counting analytics of one camera: line crossings (see {@link CountLine}), zone visits and dwell (see
 * {@link Zone}), and wall-clock interval aggregates. The pipeline calls {@link #accept} once per tracked
 * frame and {@link #finish} at the end of the stream; both return the events to store, in a deterministic
 * order. Only {@link io.footfall.track.TrackState#CONFIRMED} objects are observed; per-track state is
 * dropped when the tracker reports the track ended. No I/O.
 *
 * <p>Wall clock: frame time is {@code start + ptsMillis}. For a file, {@code start} is the configured
 * recording start; for a live camera, the instant pts 0 was captured. Aggregates are over epoch-aligned
 * intervals, so a stream starting at 12:00:30 first fills the partial interval 12:00–12:01.
 *
 * <p>Not thread-safe: one instance per camera, fed from one thread.
 */
public final class CameraAnalytics {
    private final AnalyticsConfig config;
    private final EventFactory events;
    private final List<LineCounter> lineCounters = new ArrayList<>();
    private final List<ZoneCounter> zoneCounters = new ArrayList<>();
    private final List<String> lineNames;
    private final List<String> zoneNames;
    private final IntervalAggregator aggregator;
    private int width = -1;
    private int height = -1;
    private long lastPts = Long.MIN_VALUE;
    private boolean finished;

    /**
     * @param deviceId identifies the edge device in event ids
     * @param cameraId identifies the camera in event ids
     * @param start    wall-clock instant of {@code ptsMillis = 0}
     */
    public CameraAnalytics(String deviceId, String cameraId, List<CountLine> lines, List<Zone> zones,
                           AnalyticsConfig config, Instant start) {
        this.config = Objects.requireNonNull(config, "config");
        this.events = new EventFactory(deviceId, cameraId, Objects.requireNonNull(start, "start"));
        this.lineNames = lines.stream().map(CountLine::name).toList();
        this.zoneNames = zones.stream().map(Zone::name).toList();
        Names.unique("line", lineNames);
        Names.unique("zone", zoneNames);
        lines.forEach(l -> lineCounters.add(new LineCounter(l, config, events)));
        zones.forEach(z -> zoneCounters.add(new ZoneCounter(z, config, events)));
        this.aggregator = new IntervalAggregator(config, lineNames, zoneNames, events);
    }

    /**
     * Takes one tracked frame.
     *
     * @return crossings, cancellations, zone entries and exits, then any intervals that closed
     * @throws IllegalArgumentException when {@code ptsMillis} goes backwards or the frame size is not positive
     * @throws IllegalStateException    after {@link #finish}
     */
    public List<CountEvent> accept(TrackedFrame frame) {
        long now = advance(frame.ptsMillis());
        if (frame.width() <= 0 || frame.height() <= 0) {
            throw new IllegalArgumentException("analytics input: expected a positive frame size, got "
                    + frame.width() + "x" + frame.height() + " at frame " + frame.frame());
        }
        if (frame.width() != width || frame.height() != height) {
            width = frame.width();
            height = frame.height();
            lineCounters.forEach(l -> l.resize(width, height));
            zoneCounters.forEach(z -> z.resize(width, height));
        }
        long epoch = events.epochMillis(now);
        aggregator.advanceTo(epoch);
        List<CountEvent> out = new ArrayList<>();

        // 1. Crossings that outlived their cancel window are final.
        lineCounters.forEach(l -> l.expire(now, out));
        // 2. Where each confirmed track's anchor is now.
        for (TrackedObject o : frame.objects()) {
            if (o.isConfirmed()) {
                Point anchor = config.anchor().of(o.box());
                lineCounters.forEach(l -> l.observe(o.id(), anchor, o.box().h(), frame.frame(), now, out));
                zoneCounters.forEach(z -> z.observe(o.id(), anchor, frame.frame(), now, out));
            }
        }
        // 3. Tracks the tracker gave up: settle and forget them.
        for (TrackId id : frame.ended()) {
            lineCounters.forEach(l -> l.end(id, out));
            zoneCounters.forEach(z -> z.end(id, ZoneExited.Reason.TRACK_ENDED, out));
        }
        // 4. Aggregates.
        out.forEach(e -> aggregator.record(e, epoch));
        aggregator.sample(epoch, occupancies());
        out.addAll(aggregator.closeDue(epoch));
        return out;
    }

    /**
     * From now on each crossing says whether the person was enrolled staff ({@code isStaff} asked at the crossing),
     * and the aggregates count staff crossings beside all crossings.
     */
    public void tellStaff(java.util.function.Predicate<io.footfall.track.TrackId> isStaff) {
        events.tellStaff(isStaff);
        aggregator.countStaff();
    }

    /** From now on this camera's aggregates count visitors and returns (the tracker has appearance on). */
    public void countVisitors() {
        aggregator.countVisitors();
    }

    /**
     * A finished track that was a new visitor ({@code returning} false) or a return, counted in the interval it
     * arrived in ({@code arrivedPts}); a late one, whose interval already closed, in that of {@code nowPts}.
     */
    public void visit(boolean returning, long arrivedPts, long nowPts) {
        aggregator.recordVisit(returning, events.epochMillis(arrivedPts), events.epochMillis(nowPts));
    }

    /**
     * Ends the stream at {@code ptsMillis} (normally the last frame's time plus one frame): pending crossings
     * become final, visits in progress end, and every open interval is emitted.
     */
    public List<CountEvent> finish(long ptsMillis) {
        advance(ptsMillis);
        finished = true;
        long epoch = events.epochMillis(ptsMillis);
        List<CountEvent> out = new ArrayList<>();
        lineCounters.forEach(l -> l.endAll(out));
        zoneCounters.forEach(z -> z.endAll(ZoneExited.Reason.STREAM_ENDED, out));
        out.forEach(e -> aggregator.record(e, epoch));
        out.addAll(aggregator.flush(epoch));
        return out;
    }

    /** Running in/out per line, in configuration order (provisional, see {@link LineTally}). */
    public Map<String, LineTally> lineTallies() {
        Map<String, LineTally> m = new LinkedHashMap<>();
        for (int i = 0; i < lineNames.size(); i++) {
            m.put(lineNames.get(i), lineCounters.get(i).tally());
        }
        return Collections.unmodifiableMap(m);
    }

    /** Tracks inside each zone now, in configuration order. */
    public Map<String, Integer> occupancy() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < zoneNames.size(); i++) {
            m.put(zoneNames.get(i), zoneCounters.get(i).occupancy());
        }
        return Collections.unmodifiableMap(m);
    }

    private int[] occupancies() {
        return zoneCounters.stream().mapToInt(ZoneCounter::occupancy).toArray();
    }

    private long advance(long ptsMillis) {
        if (finished) {
            throw new IllegalStateException("analytics: the stream was already finished");
        }
        if (ptsMillis < lastPts) {
            throw new IllegalArgumentException("analytics input: ptsMillis went backwards from " + lastPts
                    + " to " + ptsMillis);
        }
        lastPts = ptsMillis;
        return ptsMillis;
    }
}

package io.footfall.ops;

import io.footfall.count.CountEvent;
import io.footfall.count.Direction;
import io.footfall.count.LineCrossing;
import io.footfall.count.LineTally;
import io.footfall.pipeline.FrameStats;
import io.footfall.pipeline.PipelineObserver;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each line's crossings today, for the status page: counted as the crossings arrive, on the device's local day (its
 * time zone), reset at midnight. What was counted before the agent started today is not included (the page says
 * since when it counts). Thread-safe.
 */
final class TodayCounts implements PipelineObserver {
    private final Clock clock;
    private final ZoneId zone;
    private LocalDate day;
    /** camera → line → tally. Guarded by {@code this}. */
    private final Map<String, Map<String, LineTally>> tallies = new HashMap<>();

    TodayCounts(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public void frameProcessed(FrameStats stats) {
        count(stats.events());
    }

    @Override
    public void eventsFlushed(String cameraId, List<CountEvent> events) {
        count(events);
    }

    private void count(List<CountEvent> events) {
        for (CountEvent e : events) {
            if (e instanceof LineCrossing c) {
                add(c.cameraId(), c.line(), c.direction());
            }
        }
    }

    private synchronized void add(String camera, String line, Direction direction) {
        rollOver();
        tallies.computeIfAbsent(camera, k -> new HashMap<>()).merge(line,
                direction == Direction.IN ? new LineTally(1, 0) : new LineTally(0, 1),
                (a, b) -> new LineTally(a.in() + b.in(), a.out() + b.out()));
    }

    /** The line's crossings today; zero for a line that has none. */
    synchronized LineTally of(String camera, String line) {
        rollOver();
        return tallies.getOrDefault(camera, Map.of()).getOrDefault(line, new LineTally(0, 0));
    }

    /** The day being counted. */
    synchronized LocalDate day() {
        rollOver();
        return day;
    }

    private void rollOver() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        if (!today.equals(day)) {
            day = today;
            tallies.clear();
        }
    }
}

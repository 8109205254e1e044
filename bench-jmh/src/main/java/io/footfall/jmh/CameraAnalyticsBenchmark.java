package io.footfall.jmh;

import io.footfall.count.AnalyticsConfig;
import io.footfall.count.CameraAnalytics;
import io.footfall.count.CountEvent;
import io.footfall.track.TrackId;
import io.footfall.track.TrackState;
import io.footfall.track.TrackedFrame;
import io.footfall.track.TrackedObject;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code CameraAnalytics.accept} at 30 fps with 50 confirmed tracks of a {@link Crowd} walking over the
 * {@link ShopFloor}'s two lines and two zones, default settings: per track, two line state machines and two
 * point-in-polygon tests, plus the crossings, zone events and minute aggregates the walk produces. The setup runs
 * one loop so every track has settled sides and zone states: one op is one frame.
 */
@State(Scope.Thread)
public class CameraAnalyticsBenchmark {
    static final int PEOPLE = 50;

    private final List<List<TrackedObject>> objects = new ArrayList<>();
    private CameraAnalytics analytics;
    private long frame;

    @Setup
    public void setUp() {
        Crowd crowd = new Crowd(PEOPLE, 31);
        for (int f = 0; f < crowd.period(); f++) {
            List<TrackedObject> list = new ArrayList<>();
            for (int p = 0; p < PEOPLE; p++) {
                list.add(new TrackedObject(new TrackId(p + 1), crowd.box(f, p), 0.9f, TrackState.CONFIRMED));
            }
            objects.add(List.copyOf(list));
        }
        analytics = new CameraAnalytics("bench-device", "camera1", ShopFloor.LINES, ShopFloor.ZONES,
                AnalyticsConfig.defaults(), Instant.parse("2026-01-05T09:00:00Z"));
        for (int f = 0; f < crowd.period(); f++) {
            step();
        }
    }

    @Benchmark
    public void accept(Blackhole bh) {
        bh.consume(step());
    }

    /** Feeds the next frame; the scene repeats every loop while time runs on. */
    List<CountEvent> step() {
        List<TrackedObject> tracked = objects.get((int) (frame % objects.size()));
        TrackedFrame in = new TrackedFrame(frame, Crowd.ptsMillis(frame), Crowd.WIDTH, Crowd.HEIGHT, tracked, List.of());
        frame++;
        return analytics.accept(in);
    }
}

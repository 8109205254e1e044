package io.footfall.jmh;

import io.footfall.count.AnalyticsConfig;
import io.footfall.geometry.Point;
import io.footfall.geometry.Polygons;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.util.ArrayList;
import java.util.List;

/**
 * The raw geometry under zone counting: {@code Polygons.contains} (even-odd rule) for one frame of a {@link Crowd}
 * of 50, each person's anchor point against both {@link ShopFloor} zones in pixels. One op is those 100 tests, the
 * same work {@link CameraAnalyticsBenchmark} does per frame for zones, without the state machines around it.
 */
@State(Scope.Thread)
public class PointInPolygonBenchmark {
    static final int PEOPLE = 50;

    private final List<Point[]> anchors = new ArrayList<>();
    private List<List<Point>> zones;
    private int frame;

    @Setup
    public void setUp() {
        Crowd crowd = new Crowd(PEOPLE, 31);
        for (int f = 0; f < crowd.period(); f++) {
            Point[] points = new Point[PEOPLE];
            for (int p = 0; p < PEOPLE; p++) {
                points[p] = AnalyticsConfig.DEFAULT_ANCHOR.of(crowd.box(f, p));
            }
            anchors.add(points);
        }
        zones = ShopFloor.ZONES.stream()
                .map(z -> z.polygon().stream().map(p -> p.scaled(Crowd.WIDTH, Crowd.HEIGHT)).toList())
                .toList();
    }

    @Benchmark
    public void containsAll(Blackhole bh) {
        for (Point anchor : anchors.get(frame)) {
            for (List<Point> zone : zones) {
                bh.consume(Polygons.contains(zone, anchor));
            }
        }
        frame = (frame + 1) % anchors.size();
    }
}

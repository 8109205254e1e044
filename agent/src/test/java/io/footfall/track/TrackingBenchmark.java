package io.footfall.track;

import io.footfall.count.AnalyticsConfig;
import io.footfall.count.CameraAnalytics;
import io.footfall.count.CountLine;
import io.footfall.count.Zone;
import io.footfall.geometry.Box;
import io.footfall.detect.Detection;
import io.footfall.detect.FrameDetections;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Cost per frame of tracker + analytics with N people walking about (plus clutter detections), after a
 * warm-up. Run: {@code java -cp agent/target/classes:agent/target/test-classes io.footfall.track.TrackingBenchmark}.
 */
public final class TrackingBenchmark {
    public static void main(String[] args) {
        for (int people : new int[] {5, 20, 50}) {
            run(people, 3000); // warm-up
            long t0 = System.nanoTime();
            int frames = 9000;
            run(people, frames);
            double micros = (System.nanoTime() - t0) / 1e3 / frames;
            System.out.printf("people=%d frames=%d micros_per_frame=%.1f%n", people, frames, micros);
        }
    }

    private static void run(int people, int frames) {
        Random r = new Random(1);
        ByteTracker tracker = new ByteTracker();
        CameraAnalytics analytics = new CameraAnalytics("dev", "cam", List.of(CountLine.parse("door", "0.5,0,0.5,1")),
                List.of(Zone.parse("shelf", "0.1,0.1,0.4,0.1,0.4,0.9,0.1,0.9")), AnalyticsConfig.defaults(),
                Instant.EPOCH);
        double[] x = new double[people];
        double[] y = new double[people];
        double[] vx = new double[people];
        for (int p = 0; p < people; p++) {
            x[p] = r.nextDouble() * 1800;
            y[p] = 100 + r.nextDouble() * 800;
            vx[p] = (r.nextBoolean() ? 1 : -1) * (2 + r.nextDouble() * 4);
        }
        for (int i = 0; i < frames; i++) {
            List<Detection> dets = new ArrayList<>();
            for (int p = 0; p < people; p++) {
                x[p] += vx[p];
                if (x[p] < 0 || x[p] > 1860) {
                    vx[p] = -vx[p];
                }
                dets.add(new Detection(new Box(x[p] + r.nextGaussian(), y[p] + r.nextGaussian(), 60, 160),
                        0.3f + r.nextFloat() * 0.7f, "person"));
            }
            for (int c = 0; c < people / 5; c++) {
                dets.add(new Detection(new Box(r.nextDouble() * 1800, r.nextDouble() * 900, 40, 80), 0.2f, "person"));
            }
            analytics.accept(tracker.update(new FrameDetections(i, i * 33L, 1920, 1080, dets)));
        }
        analytics.finish(frames * 33L);
    }
}

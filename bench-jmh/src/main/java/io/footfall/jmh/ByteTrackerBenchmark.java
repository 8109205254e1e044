package io.footfall.jmh;

import io.footfall.detect.Detection;
import io.footfall.detect.FrameDetections;
import io.footfall.geometry.Box;
import io.footfall.track.ByteTracker;
import io.footfall.track.TrackedFrame;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * {@code ByteTracker.update} (motion and overlap only, no appearance samples) at 30 fps on a {@link Crowd} of 50
 * people whose paths cross. Detector output per person: mostly high scores, one in ten low (occluded), which only the
 * second association can use; plus a few low-score clutter boxes. The setup feeds the first second of the scene, so
 * every track is confirmed (two hits) before measuring and the tracker is in steady state: one op is one frame.
 */
@State(Scope.Thread)
public class ByteTrackerBenchmark {
    static final int PEOPLE = 50;
    static final int CLUTTER = 10;
    private static final int WARM_UP_FRAMES = Crowd.FPS;

    private final List<List<Detection>> detections = new ArrayList<>();
    private ByteTracker tracker;
    private long frame;

    @Setup
    public void setUp() {
        Crowd crowd = new Crowd(PEOPLE, 21);
        Random r = new Random(21);
        for (int f = 0; f < crowd.period(); f++) {
            List<Detection> list = new ArrayList<>();
            for (int p = 0; p < PEOPLE; p++) {
                float score = r.nextInt(10) == 0 ? 0.15f + 0.3f * r.nextFloat() : 0.55f + 0.4f * r.nextFloat();
                list.add(new Detection(crowd.box(f, p), score, "person"));
            }
            for (int c = 0; c < CLUTTER; c++) {
                Box box = new Box(r.nextDouble() * (Crowd.WIDTH - 40), r.nextDouble() * (Crowd.HEIGHT - 80), 40, 80);
                list.add(new Detection(box, 0.1f + 0.3f * r.nextFloat(), "person"));
            }
            detections.add(List.copyOf(list));
        }
        tracker = new ByteTracker();
        for (int f = 0; f < WARM_UP_FRAMES; f++) {
            step();
        }
    }

    @Benchmark
    public void update(Blackhole bh) {
        bh.consume(step());
    }

    /** Feeds the next frame; the scene repeats every loop while time runs on. */
    TrackedFrame step() {
        List<Detection> found = detections.get((int) (frame % detections.size()));
        FrameDetections in = new FrameDetections(frame, Crowd.ptsMillis(frame), Crowd.WIDTH, Crowd.HEIGHT, found);
        frame++;
        return tracker.update(in, List.of());
    }
}

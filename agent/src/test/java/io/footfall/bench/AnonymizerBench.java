package io.footfall.bench;

import io.footfall.annotate.Anonymizer;
import io.footfall.annotate.FrameAnnotator;
import io.footfall.annotate.Overlay;
import io.footfall.config.PrivacyPolicy;
import io.footfall.geometry.Box;
import io.footfall.video.Frame;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Cost of anonymisation per frame: the pixelation alone ({@link Anonymizer#apply} on a frame-sized buffer)
 * and the whole annotation ({@link FrameAnnotator#annotate}: copy, pixelation, overlay) with privacy off,
 * heads and people, at 768x432 and 1920x1080 with 1, 5 and 20 person boxes. Boxes are 12 % of the frame
 * wide and 50 % high (a person in the middle distance), at fixed pseudo-random places. Prints markdown rows
 * for docs/benchmarks.md: ms of CPU per frame (this thread's CPU time, so other load on
 * the machine does not count), best of several passes after a warm-up. Not a test: run by hand.
 *
 * <pre>java -cp agent/target/classes:agent/target/test-classes:$(cat cp.txt) io.footfall.bench.AnonymizerBench</pre>
 */
public final class AnonymizerBench {
    private static final int PASSES = 5;
    private static final long WARM_UP_NANOS = 1_000_000_000L;
    private static final long PASS_NANOS = 300_000_000L;
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private AnonymizerBench() {
    }

    public static void main(String[] args) {
        System.out.println("| frame | boxes | pixelation only, heads ms | pixelation only, people ms | annotate, off ms | annotate, heads ms | annotate, people ms |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (int[] size : new int[][]{{768, 432}, {1920, 1080}}) {
            Frame frame = noise(size[0], size[1]);
            for (int n : new int[]{1, 5, 20}) {
                List<Box> people = boxes(n, size[0], size[1]);
                Overlay overlay = overlay(people, size[0], size[1]);
                PrivacyPolicy heads = PrivacyPolicy.defaults();
                PrivacyPolicy people0 = heads.withMode(PrivacyPolicy.Mode.PEOPLE);
                PrivacyPolicy off = heads.withMode(PrivacyPolicy.Mode.OFF);
                System.out.printf("| %dx%d | %d | %.3f | %.3f | %.3f | %.3f | %.3f |%n", size[0], size[1], n,
                        pixelation(frame, heads, people), pixelation(frame, people0, people),
                        annotation(frame, off, people, overlay), annotation(frame, heads, people, overlay),
                        annotation(frame, people0, people, overlay));
            }
        }
    }

    private static double pixelation(Frame frame, PrivacyPolicy policy, List<Box> people) {
        Anonymizer a = new Anonymizer(policy);
        ByteBuffer work = ByteBuffer.allocateDirect(frame.bgr().capacity());
        return best(() -> {
            // Fresh pixels each time, as in the pipeline (pixelating flat blocks again costs the same anyway).
            work.clear();
            work.put(frame.bgr().duplicate().clear());
            a.apply(work, frame.width(), frame.height(), frame.stride(), people);
        }, () -> {
            work.clear();
            work.put(frame.bgr().duplicate().clear());
        });
    }

    private static double annotation(Frame frame, PrivacyPolicy policy, List<Box> people, Overlay overlay) {
        try (FrameAnnotator a = new FrameAnnotator(policy)) {
            return best(() -> a.annotate(frame, people, overlay), () -> { });
        }
    }

    /** Mean ms per run of {@code task} minus {@code baseline} (the same work without what is measured), best of the passes. */
    private static double best(Runnable task, Runnable baseline) {
        long until = System.nanoTime() + WARM_UP_NANOS;
        while (System.nanoTime() < until) {
            task.run();
            baseline.run();
        }
        double best = Double.MAX_VALUE;
        for (int p = 0; p < PASSES; p++) {
            best = Math.min(best, perRun(task) - perRun(baseline));
        }
        return Math.max(0, best);
    }

    /**
     * CPU time of this thread per run, not wall time: the benchmark machine is shared, and time spent waiting for
     * a core says nothing about the work.
     */
    private static double perRun(Runnable r) {
        long t0 = CPU.getCurrentThreadCpuTime();
        long runs = 0;
        while (CPU.getCurrentThreadCpuTime() - t0 < PASS_NANOS) {
            r.run();
            runs++;
        }
        return (CPU.getCurrentThreadCpuTime() - t0) / 1e6 / runs;
    }

    private static List<Box> boxes(int n, int w, int h) {
        Random r = new Random(42);
        List<Box> out = new ArrayList<>();
        double bw = 0.12 * w;
        double bh = 0.5 * h;
        for (int i = 0; i < n; i++) {
            out.add(new Box(r.nextDouble() * (w - bw), r.nextDouble() * (h - bh), bw, bh));
        }
        return out;
    }

    private static Overlay overlay(List<Box> people, int w, int h) {
        List<Overlay.TrackBox> tracks = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            tracks.add(new Overlay.TrackBox(people.get(i), i + 1));
        }
        return new Overlay(tracks, List.of(new Overlay.LineMark(0.8 * w, 0, 0.8 * w, h, "door in 3 out 0")), List.of(),
                "cam  frame 1  people " + people.size());
    }

    private static Frame noise(int w, int h) {
        byte[] px = new byte[w * h * 3];
        new Random(1).nextBytes(px);
        ByteBuffer b = ByteBuffer.allocateDirect(px.length);
        b.put(px).flip();
        return new Frame(0, 0, w, h, w * 3, b);
    }
}

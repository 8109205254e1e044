package io.footfall.job;

import io.footfall.FootfallPaths;
import io.footfall.detect.DetectionQueue;
import io.footfall.detect.Detector;
import io.footfall.detect.FrameDetections;
import io.footfall.detect.DetectorSettings;
import io.footfall.detect.StageTimes;
import io.footfall.stats.Percentiles;
import io.footfall.video.Frame;
import io.footfall.video.FrameSource;
import io.footfall.video.SampleClips;
import io.footfall.video.Sources;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Times a detector, stage by stage, on real frames decoded ahead of time (so decoding is not
 * measured): preprocess, inference and decode per frame, one frame at a time, after a warm-up.
 * The one per-frame latency loop of the project: {@code footfall bench detect} and the OpenVINO
 * backend bench (test classes, which times the bare backend) both measure through {@link #time}.
 */
public final class DetectBench {

    /** Milliseconds per frame for one stage (nearest-rank percentiles). */
    public record Stage(double mean, double p50, double p90, double p95) {
        static final Stage NONE = new Stage(0, 0, 0, 0);

        static Stage of(long[] nanos) {
            Percentiles p = Percentiles.of(nanos);
            if (p.isEmpty()) {
                return NONE;
            }
            return new Stage(p.mean() / 1e6, p.at(0.5) / 1e6, p.at(0.9) / 1e6, p.at(0.95) / 1e6);
        }
    }

    /** One run's result: {@code frames} timed calls, {@code fps} over their wall time. */
    public record Result(String detector, int frames, Stage preprocess, Stage infer, Stage decode, Stage total, double fps) {
    }

    /** What is timed: one frame through a detector or a bare backend, answering that call's stage times. */
    @FunctionalInterface
    public interface Step {
        StageTimes run(Frame frame);
    }

    private final FootfallPaths paths;

    public DetectBench(FootfallPaths paths) {
        this.paths = paths;
    }

    /** Decodes up to {@code count} frames of a source into memory. */
    public List<Frame> loadFrames(String source, int count) throws IOException {
        List<Frame> frames = new ArrayList<>();
        try (FrameSource s = Sources.open(new SampleClips(paths).resolve(source))) {
            Frame f;
            while (frames.size() < count && (f = s.next()) != null) {
                frames.add(f.copy());
            }
        }
        return frames;
    }

    /** Times the detector the settings describe on each of {@code frames} once, after {@code warmup} untimed frames. */
    public Result run(DetectorSettings settings, List<Frame> frames, int warmup) {
        try (Detector d = new DetectJob(paths).openDetector(settings)) {
            if (settings.inFlight() > 1) {
                return timeInFlight(d, settings.inFlight(), frames, warmup);
            }
            return time(d.describe(), f -> {
                d.detect(f);
                return d.lastTimes();
            }, frames, warmup, frames.size());
        }
    }

    /**
     * Throughput with frames in flight ({@link Detector#queue}): every frame submitted as soon as the queue takes it,
     * so the runtime is never idle waiting for Java; the ceiling of the pipeline's detection stage. {@code total} is
     * the wall time between two results, the other stages as each result reports them.
     */
    private static Result timeInFlight(Detector d, int inFlight, List<Frame> frames, int warmup) {
        try (DetectionQueue q = d.queue(inFlight)) {
            for (int i = 0; i < warmup; i++) {
                q.submit(frames.get(i % frames.size()));
            }
            q.drain();
            int count = frames.size();
            long[] pre = new long[count];
            long[] inf = new long[count];
            long[] dec = new long[count];
            long[] tot = new long[count];
            int done = 0;
            long start = System.nanoTime();
            long last = start;
            for (int i = 0; i <= count; i++) {
                List<FrameDetections> out = i < count ? q.submit(frames.get(i)) : q.drain();
                for (int k = 0; k < out.size(); k++) {
                    long now = System.nanoTime();
                    StageTimes t = q.lastTimes();
                    pre[done] = t.preprocessNanos();
                    inf[done] = t.inferNanos();
                    dec[done] = t.decodeNanos();
                    tot[done] = now - last;
                    last = now;
                    done++;
                }
            }
            double secs = (System.nanoTime() - start) / 1e9;
            return new Result(d.describe() + " in flight " + q.capacity(), count, Stage.of(pre), Stage.of(inf),
                    Stage.of(dec), Stage.of(tot), count / secs);
        }
    }

    /**
     * Runs {@code warmup} untimed then {@code count} timed calls of {@code step}, one at a time, cycling through
     * {@code frames}; {@code total} is each call's wall time, the other stages what the step reports.
     */
    public static Result time(String label, Step step, List<Frame> frames, int warmup, int count) {
        for (int i = 0; i < warmup; i++) {
            step.run(frames.get(i % frames.size()));
        }
        long[] pre = new long[count];
        long[] inf = new long[count];
        long[] dec = new long[count];
        long[] tot = new long[count];
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            StageTimes t = step.run(frames.get(i % frames.size()));
            tot[i] = System.nanoTime() - t0;
            pre[i] = t.preprocessNanos();
            inf[i] = t.inferNanos();
            dec[i] = t.decodeNanos();
        }
        double secs = (System.nanoTime() - start) / 1e9;
        return new Result(label, count, Stage.of(pre), Stage.of(inf), Stage.of(dec), Stage.of(tot), count / secs);
    }
}

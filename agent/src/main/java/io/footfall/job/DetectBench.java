package io.footfall.job;

import io.footfall.FootfallPaths;
import io.footfall.detect.Detector;
import io.footfall.detect.DetectorSettings;
import io.footfall.detect.StageTimes;
import io.footfall.video.Frame;
import io.footfall.video.FrameSource;
import io.footfall.video.SampleClips;
import io.footfall.video.Sources;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times a detector, stage by stage, on real frames decoded ahead of time (so decoding is not
 * measured): preprocess, inference and decode per frame, one frame at a time, after a warm-up.
 */
public final class DetectBench {

    /** Milliseconds per frame for one stage. */
    public record Stage(double mean, double p50, double p90) {
        static Stage of(long[] nanos) {
            long[] s = nanos.clone();
            Arrays.sort(s);
            double mean = Arrays.stream(s).average().orElse(0) / 1e6;
            return new Stage(mean, pct(s, 0.5), pct(s, 0.9));
        }

        private static double pct(long[] sorted, double q) {
            if (sorted.length == 0) {
                return 0;
            }
            int i = (int) Math.ceil(q * sorted.length) - 1;
            return sorted[Math.max(0, i)] / 1e6;
        }
    }

    /** One detector's result. */
    public record Result(String detector, int frames, Stage preprocess, Stage infer, Stage decode, Stage total, double fps) {
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

    public Result run(DetectorSettings settings, List<Frame> frames, int warmup) {
        try (Detector d = new DetectJob(paths).openDetector(settings)) {
            for (int i = 0; i < warmup; i++) {
                d.detect(frames.get(i % frames.size()));
            }
            int n = frames.size();
            long[] pre = new long[n];
            long[] inf = new long[n];
            long[] dec = new long[n];
            long[] tot = new long[n];
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                d.detect(frames.get(i));
                tot[i] = System.nanoTime() - t0;
                StageTimes t = d.lastTimes();
                pre[i] = t.preprocessNanos();
                inf[i] = t.inferNanos();
                dec[i] = t.decodeNanos();
            }
            double secs = (System.nanoTime() - start) / 1e9;
            return new Result(d.describe(), n, Stage.of(pre), Stage.of(inf), Stage.of(dec), Stage.of(tot), n / secs);
        }
    }
}

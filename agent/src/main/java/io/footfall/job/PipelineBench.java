package io.footfall.job;

import io.footfall.FootfallPaths;
import io.footfall.appearance.AppearanceOpener;
import io.footfall.config.CameraConfig;
import io.footfall.config.CameraOverrides;
import io.footfall.config.ClipPolicy;
import io.footfall.config.DetectorOverrides;
import io.footfall.config.FootfallConfig;
import io.footfall.count.CountLine;
import io.footfall.detect.DetectionQueue;
import io.footfall.detect.Detector;
import io.footfall.detect.DetectorFactory;
import io.footfall.detect.DetectorSettings;
import io.footfall.pipeline.CameraPipeline;
import io.footfall.pipeline.EventSink;
import io.footfall.pipeline.FrameStats;
import io.footfall.pipeline.JobProgress;
import io.footfall.pipeline.JsonLinesSink;
import io.footfall.pipeline.OutboxSink;
import io.footfall.pipeline.PipelineObserver;
import io.footfall.pipeline.Sinks;
import io.footfall.stats.Percentiles;
import io.footfall.store.CommitPolicy;
import io.footfall.store.Outbox;
import io.footfall.store.OutboxConfig;
import io.footfall.video.Frame;
import io.footfall.video.FrameSource;
import io.footfall.video.SampleClips;
import io.footfall.video.SourceInfo;
import io.footfall.video.Sources;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The whole pipeline under load: N cameras on one process, each a stream of the same clip, decode → detect → track →
 * count → annotate → encode → store (a real outbox and events files), as {@code footfall run} runs them, on one shared
 * compiled model. Measures end-to-end frames/s, the slowest and fastest camera, CPU seconds per frame, peak resident
 * memory and each stage's latency (median and p90). The bench behind {@code footfall bench run} and
 * docs/benchmarks.md; never a timed unit test.
 */
public final class PipelineBench {
    private static final Instant START = Instant.parse("2026-11-25T09:00:00Z");
    /** Stage names in pipeline order, as reported. */
    public static final List<String> STAGES = List.of("decode", "preprocess", "infer", "postprocess", "track", "count",
            "annotate", "encode", "store");

    /**
     * What to run.
     *
     * @param frames      frames each camera analyses at most (0 = the whole clip)
     * @param analysisFps each camera's analysis rate, empty for every frame
     */
    public record Plan(String source, int streams, int frames, ClipPolicy.Mode clips, DetectorSettings detector,
                       Optional<Double> analysisFps) {
    }

    /** Median and p90 of one stage, milliseconds per frame. */
    public record Stage(double p50, double p90) {
    }

    /**
     * One measured run.
     *
     * @param fps             frames of every camera together per second of wall time
     * @param slowestCameraFps the camera that got the fewest frames per second (a starved camera shows here)
     * @param peakRssMb       the process's peak resident memory during the run (reset before it where Linux allows)
     */
    public record Result(String source, int streams, int inFlight, String clips, long frames, double seconds, double fps,
                         double slowestCameraFps, double fastestCameraFps, double cpuSecondsPerFrame, double peakRssMb,
                         boolean peakRssReset, Map<String, Stage> stages, String loadBefore, String loadAfter) {
    }

    private final FootfallPaths paths;

    public PipelineBench(FootfallPaths paths) {
        this.paths = paths;
    }

    /**
     * Runs {@code plan} once untimed on one camera (JIT and compile warm-up), then {@code repeats} times as planned, in
     * a temporary folder of its own that is removed after.
     *
     * @param log told of each step, for a progress line
     */
    public List<Result> run(Plan plan, int repeats, int warmupFrames, Consumer<String> log) throws Exception {
        Path workDir = Files.createTempDirectory("footfall-bench-");
        try {
            return run(plan, repeats, warmupFrames, workDir, log);
        } finally {
            Folders.deleteTree(workDir);
        }
    }

    private List<Result> run(Plan plan, int repeats, int warmupFrames, Path workDir, Consumer<String> log) throws Exception {
        String file = new SampleClips(paths).resolve(plan.source());
        DetectorFactory factory = DetectorFactory.standard(paths);
        // Keeps the model compiled for the clip's frame size across runs: compiling is set-up, not frame time.
        try (Detector anchor = factory.open(plan.detector())) {
            try (FrameSource s = Sources.open(file); DetectionQueue q = anchor.queue(plan.detector().inFlight())) {
                Frame first = s.next();
                if (first == null) {
                    throw new IOException(plan.source() + ": no frames");
                }
                q.submit(first);
                q.drain();
            }
            log.accept("warm-up: 1 camera, " + warmupFrames + " frames");
            once(new Plan(plan.source(), 1, warmupFrames, plan.clips(), plan.detector(), plan.analysisFps()), file, factory,
                    workDir.resolve("warmup"));
            List<Result> results = new ArrayList<>();
            for (int r = 0; r < repeats; r++) {
                log.accept(String.format("%s: %d camera(s), repeat %d of %d", plan.source(), plan.streams(), r + 1, repeats));
                Result result = once(plan, file, factory, workDir.resolve("run-" + plan.streams() + "-" + r));
                results.add(result);
                log.accept(String.format("  %.1f frames/s, slowest camera %.1f, %.1f ms CPU per frame, peak RSS %.0f MB",
                        result.fps(), result.slowestCameraFps(), result.cpuSecondsPerFrame() * 1000, result.peakRssMb()));
            }
            return results;
        }
    }

    private Result once(Plan plan, String file, DetectorFactory factory, Path dir) throws Exception {
        PeakMemory.settle();
        Files.createDirectories(dir);
        List<CameraConfig> cams = new ArrayList<>();
        for (int i = 1; i <= plan.streams(); i++) {
            CameraOverrides own = new CameraOverrides(new DetectorOverrides(Optional.empty(), Optional.empty(), Optional.empty(),
                    io.footfall.detect.DetectionMask.NONE, plan.analysisFps()), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty());
            cams.add(new CameraConfig("camera" + i, file, Optional.of(START), List.of(CountLine.parse("middle", "0.5,0,0.5,1")),
                    List.of(), own));
        }
        FootfallConfig cfg = FootfallConfig.builder().deviceId("bench").detector(plan.detector())
                .clips(new ClipPolicy(plan.clips(), Duration.ofSeconds(3), Duration.ofSeconds(3))).cameras(cams).build();
        Map<String, Samples> samples = new ConcurrentHashMap<>();
        PipelineObserver observer = new PipelineObserver() {
            @Override
            public void frameProcessed(FrameStats f) {
                samples.get(f.cameraId()).add(f);
            }
        };
        OutboxConfig store = OutboxConfig.builder(dir, "bench").commitPolicy(CommitPolicy.batch(1000, Duration.ofSeconds(1)))
                .build();
        List<Detector> detectors = new ArrayList<>();
        List<FrameSource> sources = new ArrayList<>();
        // Named as the agent names them (CameraRunner), so a profile of the bench reads like one of the agent.
        AtomicInteger n = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(plan.streams(),
                r -> new Thread(r, "camera-camera" + n.incrementAndGet()));
        try (Outbox outbox = Outbox.open(store);
             EventSink sink = new Sinks(List.of(new OutboxSink(outbox), new JsonLinesSink(dir)))) {
            CyclicBarrier go = new CyclicBarrier(plan.streams() + 1);
            List<Future<CameraPipeline.Summary>> runs = new ArrayList<>();
            for (CameraConfig cam : cams) {
                Samples own = new Samples();
                samples.put(cam.id(), own);
                Detector detector = factory.open(cfg.detectorFor(cam));
                detectors.add(detector);
                TimedSource source = new TimedSource(Sources.open(file), plan.frames(), own);
                sources.add(source);
                CameraPipeline pipeline = new CameraPipeline(CameraPipeline.Settings.of(cfg, cam), dir.resolve("clips"),
                        Optional.empty(), AppearanceOpener.unavailable(), null, observer);
                runs.add(threads.submit(() -> {
                    go.await();
                    own.started = System.nanoTime();
                    CameraPipeline.Summary s = pipeline.run(source, detector, plan.detector().inFlight(), sink, START,
                            JobProgress.NONE);
                    own.ended = System.nanoTime();
                    return s;
                }));
            }
            boolean reset = PeakMemory.reset();
            String loadBefore = loadAverage();
            long cpu0 = processCpuNanos();
            go.await();
            long t0 = System.nanoTime();
            long frames = 0;
            for (Future<CameraPipeline.Summary> run : runs) {
                frames += run.get().frames();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpu = (processCpuNanos() - cpu0) / 1e9;
            double peak = PeakMemory.peakMb();
            List<Double> cameraFps = samples.values().stream().map(Samples::fps).sorted().toList();
            return new Result(plan.source(), plan.streams(), plan.detector().inFlight(), plan.clips().id(), frames, seconds,
                    frames / seconds, cameraFps.get(0), cameraFps.get(cameraFps.size() - 1), cpu / Math.max(1, frames),
                    peak, reset, stages(samples.values()), loadBefore, loadAverage());
        } finally {
            threads.shutdownNow();
            sources.forEach(FrameSource::close);
            detectors.forEach(Detector::close);
        }
    }

    private static Map<String, Stage> stages(java.util.Collection<Samples> all) {
        Map<String, Stage> out = new LinkedHashMap<>();
        for (int i = 0; i < STAGES.size(); i++) {
            List<Long> merged = new ArrayList<>();
            for (Samples s : all) {
                merged.addAll(s.stages.get(i));
            }
            Percentiles p = Percentiles.of(merged);
            out.put(STAGES.get(i), p.isEmpty() ? new Stage(0, 0) : new Stage(p.at(0.5) / 1e6, p.at(0.9) / 1e6));
        }
        return out;
    }

    /** One camera's per-frame stage times, in {@link #STAGES} order. Its own camera thread and decoder add to it. */
    private static final class Samples {
        final List<List<Long>> stages = new ArrayList<>();
        volatile long started;
        volatile long ended;
        volatile long frames;

        Samples() {
            for (int i = 0; i < STAGES.size(); i++) {
                stages.add(java.util.Collections.synchronizedList(new ArrayList<>()));
            }
        }

        void decoded(long nanos) {
            stages.get(0).add(nanos);
        }

        void add(FrameStats f) {
            frames++;
            long[] values = {f.detector().preprocessNanos(), f.detector().inferNanos(), f.detector().decodeNanos(),
                    f.steps().trackNanos(), f.steps().countNanos(), f.steps().annotateNanos(), f.steps().encodeNanos(),
                    f.steps().storeNanos()};
            for (int i = 0; i < values.length; i++) {
                stages.get(i + 1).add(values[i]);
            }
        }

        double fps() {
            return frames / Math.max(1e-9, (ended - started) / 1e9);
        }
    }

    /** A source cut to {@code limit} frames whose every {@code next()} is timed as the decode stage. */
    private static final class TimedSource implements FrameSource {
        private final FrameSource source;
        private final int limit;
        private final Samples samples;
        private int read;

        TimedSource(FrameSource source, int limit, Samples samples) {
            this.source = source;
            this.limit = limit;
            this.samples = samples;
        }

        @Override
        public SourceInfo info() {
            return source.info();
        }

        @Override
        public Frame next() throws IOException {
            if (limit > 0 && read >= limit) {
                return null;
            }
            long t0 = System.nanoTime();
            Frame f = source.next();
            samples.decoded(System.nanoTime() - t0);
            read++;
            return f;
        }

        @Override
        public void close() {
            source.close();
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** The process's peak resident memory, from Linux's {@code VmHWM}, which writing 5 to clear_refs resets. */
    static final class PeakMemory {
        private PeakMemory() {
        }

        /**
         * Lets go of what earlier runs in this process left to the garbage collector (their frame buffers are direct, and
         * freed by a cleaner only after a collection), so that a run's peak is its own cameras', not theirs as well: a
         * row of 8 cameras measured after rows of 1, 2 and 4 cameras otherwise read 70-90 MB above the same 8 cameras
         * in a fresh process.
         */
        static void settle() throws InterruptedException {
            System.gc();
            Thread.sleep(250);
        }

        static boolean reset() {
            try {
                Files.writeString(Path.of("/proc/self/clear_refs"), "5");
                return true;
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }

        static double peakMb() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("VmHWM:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not Linux: reported as 0
            }
            return 0;
        }
    }

    /** The run of a set of repeats with the median frames/s. */
    public static Result median(List<Result> runs) {
        List<Result> sorted = runs.stream().sorted(Comparator.comparingDouble(Result::fps)).toList();
        return sorted.get((sorted.size() - 1) / 2);
    }
}

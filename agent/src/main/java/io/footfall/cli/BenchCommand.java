package io.footfall.cli;

import io.footfall.BadInputException;
import io.footfall.FootfallPaths;
import io.footfall.config.ClipPolicy;
import io.footfall.detect.BackendKind;
import io.footfall.detect.DetectorSettings;
import io.footfall.job.DetectBench;
import io.footfall.job.PipelineBench;
import io.footfall.json.Json;
import io.footfall.model.ModelCatalog;
import io.footfall.model.ModelManifest;
import io.footfall.video.Frame;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code footfall bench}: measured speed, printed as markdown rows for docs/benchmarks.md. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks; results as markdown table rows.",
        subcommands = {BenchCommand.Detect.class, BenchCommand.Run.class})
public final class BenchCommand {

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"The whole pipeline (decode, detect, track, count, annotate, encode, store) on 1 or more cameras at",
                    "once, each a stream of the same clip, on one shared compiled model: end-to-end frames/s, the slowest",
                    "camera, CPU seconds per frame, peak RSS, and each stage's median/p90 latency; a markdown table on",
                    "standard output, every run in --json."})
    static final class Run implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Mixin
        DetectorOptions detector;

        @Option(names = "--source", paramLabel = "SOURCE", defaultValue = "sample:one-by-one-person-detection.mp4",
                description = "Clip every camera plays (default: ${DEFAULT-VALUE}).")
        String source;

        @Option(names = "--streams", paramLabel = "N[,N...]", split = ",", defaultValue = "1,2,4,8,16",
                description = "Cameras at once, one run each (default: ${DEFAULT-VALUE}).")
        List<Integer> streams;

        @Option(names = "--frames", paramLabel = "N", defaultValue = "300",
                description = "Frames each camera analyses (0: the whole clip; default: ${DEFAULT-VALUE}).")
        int frames;

        @Option(names = "--repeats", paramLabel = "N", defaultValue = "2",
                description = "Timed runs per camera count; the table shows the median (default: ${DEFAULT-VALUE}).")
        int repeats;

        // 100 frames left the JIT compilers 4-5 % of the timed run's CPU with 8 cameras (bench/profile-cpu.sh); an agent
        // runs for days, so the bench measures after they are done.
        @Option(names = "--warmup", paramLabel = "N", defaultValue = "300",
                description = "Frames of one untimed camera first (default: ${DEFAULT-VALUE}).")
        int warmup;

        @Option(names = "--clips", paramLabel = "off|events|continuous", defaultValue = "off",
                description = "Annotated video (default: ${DEFAULT-VALUE}).")
        String clips;

        @Option(names = "--analysis-fps", paramLabel = "FPS",
                description = "Each camera's analysis rate (default: every frame).")
        Double analysisFps;

        @Option(names = "--json", paramLabel = "FILE", description = "Write every run (not only the medians) here.")
        Path json;

        @Override
        public Integer call() throws Exception {
            if (frames < 0 || repeats < 1 || warmup < 1 || streams.stream().anyMatch(n -> n < 1 || n > 64)) {
                throw new BadInputException("bench run: --frames must be >= 0, --repeats and --warmup >= 1, and "
                        + "--streams each within 1..64; got --frames " + frames + " --repeats " + repeats + " --warmup "
                        + warmup + " --streams " + streams);
            }
            if (analysisFps != null && !(analysisFps >= 0 && analysisFps <= 1000)) {
                throw new BadInputException("bench run: --analysis-fps must be 0 (every frame) up to 1000, got " + analysisFps);
            }
            ClipPolicy.Mode mode = ClipPolicy.Mode.parse("--clips", clips);
            if (json != null) {
                // Before minutes of benchmarking, and never over the clip it plays.
                OutputFile.check("--json", json, new OutputFile.Input("--source", Path.of(source)));
            }
            DetectorSettings settings = detector.settings();
            PipelineBench bench = new PipelineBench(FootfallPaths.detect());
            List<PipelineBench.Result> all = new ArrayList<>();
            String clip = Path.of(source.replace("sample:", "")).getFileName().toString();
            for (int n : streams) {
                var plan = new PipelineBench.Plan(source, n, frames, mode, settings, Optional.ofNullable(analysisFps));
                List<PipelineBench.Result> runs = bench.run(plan, repeats, warmup,
                        line -> System.err.println("bench run: " + line));
                all.addAll(runs);
                var r = PipelineBench.median(runs);
                if (all.size() == runs.size()) { // the first camera count's runs
                    // After the first run: a source or model that cannot be opened fails before any of the table.
                    System.out.println("| clip | cameras | in flight | clips | frames/s (median) | slowest camera fps | CPU ms/frame "
                            + "| peak RSS MB | " + String.join(" | ", PipelineBench.STAGES.stream().map(st -> st + " ms p50/p90")
                            .toList()) + " | load before/after |");
                    System.out.println("|---|---:|---:|---|---:|---:|---:|---:|" + "---|".repeat(PipelineBench.STAGES.size())
                            + "---|");
                }
                StringBuilder row = new StringBuilder(String.format("| %s | %d | %d | %s | %.1f | %.1f | %.1f | %.0f |", clip, n,
                        r.inFlight(), r.clips(), r.fps(), r.slowestCameraFps(), r.cpuSecondsPerFrame() * 1000, r.peakRssMb()));
                r.stages().values().forEach(st -> row.append(String.format(" %.2f / %.2f |", st.p50(), st.p90())));
                row.append(' ').append(r.loadBefore()).append(" / ").append(r.loadAfter()).append(" |");
                System.out.println(row);
                System.out.flush();
                if (json != null) {
                    Json.writeReport(json, all);
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "detect", mixinStandardHelpOptions = true,
            description = {"Per-frame latency of every model on every runtime it supports (or one, with --model/--backend):",
                    "preprocess, inference, decode and total (mean, p50, p90 in ms), one frame at a time, frames decoded beforehand."})
    static final class Detect implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Option(names = "--source", defaultValue = "sample:one-by-one-person-detection.mp4", paramLabel = "SOURCE",
                description = "Frames to use (default: ${DEFAULT-VALUE}).")
        String source;

        @Option(names = "--frames", defaultValue = "300", paramLabel = "N", description = "Frames timed (default: ${DEFAULT-VALUE}).")
        int frames;

        @Option(names = "--warmup", defaultValue = "20", paramLabel = "N", description = "Untimed frames first (default: ${DEFAULT-VALUE}).")
        int warmup;

        @Option(names = "--threads", paramLabel = "N", description = "Inference threads (default: all cores).")
        Integer threads;

        @Option(names = "--in-flight", paramLabel = "N", defaultValue = "1",
                description = {"Frames in flight at once (default: ${DEFAULT-VALUE}, one at a time, with the LATENCY hint);",
                        "more measure throughput with the THROUGHPUT hint, where the runtime supports it."})
        int inFlight;

        @Option(names = "--model", paramLabel = "NAME", description = "Only this model.")
        String model;

        @Option(names = "--backend", paramLabel = "openvino|onnxruntime", description = "Only this runtime.")
        String backend;

        @Override
        public Integer call() throws Exception {
            if (frames < 1 || warmup < 0 || (threads != null && threads < 1)) {
                throw new BadInputException("bench detect: --frames must be >= 1, --warmup >= 0 and --threads >= 1; got --frames "
                        + frames + " --warmup " + warmup + (threads == null ? "" : " --threads " + threads));
            }
            int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
            BackendKind only = backend == null ? null : BackendKind.parse(backend);
            // Every setting is made (and so checked) before a frame is read or a line of the table printed.
            List<DetectorSettings> settings = new ArrayList<>();
            for (ModelManifest m : ModelCatalog.bundled().all()) {
                if (model != null && !model.equals(m.name())) {
                    continue;
                }
                for (BackendKind k : BackendKind.values()) {
                    if (m.supports(k.id()) && (only == null || only == k)) {
                        settings.add(DetectorSettings.defaults(m.name(), k).withThreads(n).withInFlight(inFlight));
                    }
                }
            }
            if (settings.isEmpty()) {
                throw new BadInputException("bench detect: no detector matches --model " + model + " --backend " + backend
                        + "; detectors: " + ModelCatalog.bundled().all().stream().map(ModelManifest::name).toList());
            }
            DetectBench bench = new DetectBench(FootfallPaths.detect());
            List<Frame> loaded = bench.loadFrames(source, frames);
            System.out.println("| model on runtime | frames | preprocess ms (mean/p50/p90) | infer ms | decode ms | total ms | fps |");
            System.out.println("|---|---:|---|---|---|---|---:|");
            for (DetectorSettings s : settings) {
                DetectBench.Result r = bench.run(s, loaded, warmup);
                System.out.printf("| %s | %d | %s | %s | %s | %s | %.1f |%n", r.detector(), r.frames(), fmt(r.preprocess()),
                        fmt(r.infer()), fmt(r.decode()), fmt(r.total()), r.fps());
                System.out.flush();
            }
            return ExitCodes.OK;
        }

        private static String fmt(DetectBench.Stage s) {
            return String.format("%.2f / %.2f / %.2f", s.mean(), s.p50(), s.p90());
        }
    }
}

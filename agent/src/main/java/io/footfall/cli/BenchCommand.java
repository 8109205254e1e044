package io.footfall.cli;

import io.footfall.FootfallPaths;
import io.footfall.detect.BackendKind;
import io.footfall.detect.DetectorSettings;
import io.footfall.job.DetectBench;
import io.footfall.model.ModelCatalog;
import io.footfall.model.ModelManifest;
import io.footfall.video.Frame;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code footfall bench}: measured speed, printed as markdown rows for docs/benchmarks.md. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks; results as markdown table rows.",
        subcommands = BenchCommand.Detect.class)
public final class BenchCommand {

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

        @Option(names = "--model", paramLabel = "NAME", description = "Only this model.")
        String model;

        @Option(names = "--backend", paramLabel = "openvino|onnxruntime", description = "Only this runtime.")
        String backend;

        @Override
        public Integer call() throws Exception {
            DetectBench bench = new DetectBench(FootfallPaths.detect());
            List<Frame> loaded = bench.loadFrames(source, frames);
            int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
            System.out.println("| model on runtime | frames | preprocess ms (mean/p50/p90) | infer ms | decode ms | total ms | fps |");
            System.out.println("|---|---:|---|---|---|---|---:|");
            for (ModelManifest m : ModelCatalog.bundled().all()) {
                if (model != null && !model.equals(m.name())) {
                    continue;
                }
                for (BackendKind k : BackendKind.values()) {
                    if (!m.supports(k.id()) || (backend != null && BackendKind.parse(backend) != k)) {
                        continue;
                    }
                    DetectorSettings s = DetectorSettings.defaults(m.name(), k).withThreads(n);
                    DetectBench.Result r = bench.run(s, loaded, warmup);
                    System.out.printf("| %s | %d | %s | %s | %s | %s | %.1f |%n", r.detector(), r.frames(), fmt(r.preprocess()),
                            fmt(r.infer()), fmt(r.decode()), fmt(r.total()), r.fps());
                    System.out.flush();
                }
            }
            return ExitCodes.OK;
        }

        private static String fmt(DetectBench.Stage s) {
            return String.format("%.2f / %.2f / %.2f", s.mean(), s.p50(), s.p90());
        }
    }
}

package io.footfall.bench;

import io.footfall.detect.InputSpec;
import io.footfall.detect.InputTransform;
import io.footfall.detect.openvino.OpenVinoBackend;
import io.footfall.detect.openvino.OpenVinoOptions;
import io.footfall.detect.openvino.OpenVinoTestSupport;
import io.footfall.detect.openvino.OvInferQueue;
import io.footfall.detect.openvino.PerformanceHint;
import io.footfall.job.DetectBench;
import io.footfall.model.ModelManifest;
import io.footfall.testing.SharedData;
import io.footfall.video.Frame;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenVINO backend benchmark on real frames of the shared video: per-frame latency (preprocess,
 * infer) with one request, throughput with several requests in flight, and OpenVINO's own
 * {@code benchmark_app} on the same model as the ceiling. With {@code --leak N}: resident memory over
 * N inferences instead. Prints markdown for docs/benchmarks.md. The per-frame latency is timed by
 * {@link DetectBench#time}, the loop {@code footfall bench detect} uses, here on the bare backend.
 *
 * <pre>
 * mvn -B -q -o -pl agent -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp "$(cat agent/target/cp.txt):agent/target/classes:agent/target/test-classes" \
 *      -Dfootfall.root=$PWD io.footfall.bench.OpenVinoBench [--frames 300] [--seconds 15] [--leak 10000]
 * </pre>
 */
public final class OpenVinoBench {

    private static final int THREADS = 2;

    private final Path root;

    private OpenVinoBench(Path root) {
        this.root = root;
    }

    public static void main(String[] args) throws Exception {
        int frames = intArg(args, "--frames", 300);
        int seconds = intArg(args, "--seconds", 15);
        int leak = intArg(args, "--leak", 0);
        OpenVinoBench bench = new OpenVinoBench(SharedData.projectRoot());
        System.out.println("machine: " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, load average at start " + loadAverage());
        if (leak > 0) {
            bench.leak(leak);
        } else {
            bench.speed(frames, seconds);
        }
        System.out.println("load average at end " + loadAverage());
    }

    private record Case(String label, ModelManifest manifest, String variant) {
    }

    private void speed(int frameCount, int seconds) throws Exception {
        List<Frame> frames = OpenVinoTestSupport.decode(video(), 500, 100);
        List<Case> cases = List.of(
                new Case("person-detection-retail-0013 FP16", OpenVinoTestSupport.RETAIL, "FP16"),
                new Case("person-detection-retail-0013 FP32", OpenVinoTestSupport.RETAIL, "FP32"),
                new Case("yolox-nano (ONNX)", OpenVinoTestSupport.YOLOX, "FP32"));
        System.out.println();
        System.out.println("| model | mode | requests | preprocess ms mean | infer ms mean / p50 / p95 | frames/s |");
        System.out.println("|---|---|---|---|---|---|");
        List<String> ceilings = new ArrayList<>();
        for (Case c : cases) {
            sync(c, frames, frameCount, "sync");
            // Frames already at the model's scale: OpenVINO's resize then costs next to nothing.
            InputSpec in = InputSpec.of(c.manifest());
            InputTransform t = in.transformFor(frames.get(0).width(), frames.get(0).height());
            List<Frame> small = frames.stream()
                    .map(f -> OpenVinoTestSupport.resize(f, t.contentWidth(), t.contentHeight())).toList();
            sync(c, small, frameCount, "sync, " + t.contentWidth() + "x" + t.contentHeight() + " frames");
            int optimal = async(c, frames, frameCount, 0);
            async(c, frames, frameCount, optimal * 2);
            Path model = OpenVinoTestSupport.model(c.manifest(), c.variant());
            ceilings.add(benchmarkApp(c.label(), model, PerformanceHint.LATENCY, seconds));
            ceilings.add(benchmarkApp(c.label(), model, PerformanceHint.THROUGHPUT, seconds));
        }
        System.out.println();
        System.out.println("| model | benchmark_app hint | requests | latency ms median / average | frames/s |");
        System.out.println("|---|---|---|---|---|");
        ceilings.forEach(System.out::println);
    }

    private OpenVinoBackend open(Case c, OpenVinoOptions options) {
        return OpenVinoTestSupport.open(c.manifest(), c.variant(), options);
    }

    private void sync(Case c, List<Frame> frames, int count, String mode) {
        OpenVinoOptions options = OpenVinoOptions.defaults().withThreads(THREADS);
        try (OpenVinoBackend backend = open(c, options)) {
            DetectBench.Result r = DetectBench.time(backend.describe(), f -> {
                backend.infer(f);
                return backend.lastTimes();
            }, frames, 20, count);
            System.out.printf(Locale.ROOT, "| %s | %s (%s) | 1 | %.2f | %.2f / %.2f / %.2f | %.1f |%n",
                    c.label(), mode, r.detector(), r.preprocess().mean(), r.infer().mean(), r.infer().p50(),
                    r.infer().p95(), r.fps());
        }
    }

    /** Returns OpenVINO's optimal number of requests; runs with that many when {@code requests} is 0. */
    private int async(Case c, List<Frame> frames, int count, int requests) {
        OpenVinoOptions options = OpenVinoOptions.defaults().withThreads(THREADS).withHint(PerformanceHint.THROUGHPUT);
        try (OpenVinoBackend backend = open(c, options)) {
            backend.infer(frames.get(0));
            int optimal = Integer.parseInt(backend.compiledProperty("OPTIMAL_NUMBER_OF_INFER_REQUESTS"));
            int n = requests == 0 ? optimal : requests;
            try (OvInferQueue queue = backend.newQueue(n)) {
                for (int i = 0; i < 20; i++) {
                    queue.submit(frames.get(i % frames.size()));
                }
                queue.drain();
                int done = 0;
                long t0 = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    done += queue.submit(frames.get(i % frames.size())).size();
                }
                done += queue.drain().size();
                double wall = (System.nanoTime() - t0) / 1e9;
                System.out.printf(Locale.ROOT, "| %s | async (%s) | %d | - | - | %.1f |%n",
                        c.label(), backend.describe(), n, done / wall);
            }
            return optimal;
        }
    }

    private String benchmarkApp(String label, Path model, PerformanceHint hint, int seconds) throws Exception {
        Path app = root.resolve(".footfall/venv/bin/benchmark_app");
        if (!Files.isExecutable(app)) {
            return "| " + label + " | " + hint + " | - | benchmark_app not installed (scripts/setup-python.sh) | - |";
        }
        // benchmark_app refuses -nthreads together with -hint, so both go through a config file.
        Path config = Files.createTempFile("ov-bench", ".json");
        Files.writeString(config, "{\"CPU\": {\"PERFORMANCE_HINT\": \"" + hint + "\", \"INFERENCE_NUM_THREADS\": \""
                + THREADS + "\"}}");
        List<String> cmd = List.of(app.toString(), "-m", model.toString(), "-d", "CPU", "-hint", "none",
                "-load_config", config.toString(), "-t", Integer.toString(seconds));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        Files.delete(config);
        if (p.exitValue() != 0) {
            return "| " + label + " | " + hint + " | - | benchmark_app failed: " + out.lines().filter(l -> l.contains("ERROR"))
                    .findFirst().orElse("exit " + p.exitValue()) + " | - |";
        }
        return String.format(Locale.ROOT, "| %s | %s | %s | %s / %s | %s |", label, hint,
                find(out, "(\\d+) inference requests"), find(out, "Median:\\s+([\\d.]+) ms"),
                find(out, "Average:\\s+([\\d.]+) ms"), find(out, "Throughput:\\s+([\\d.]+) FPS"));
    }

    private void leak(int count) throws IOException {
        Frame big = OpenVinoTestSupport.clipFrame(OpenVinoTestSupport.ONE_PERSON);
        Frame frame = OpenVinoTestSupport.resize(big, big.width() / 4, big.height() / 4);
        try (OpenVinoBackend backend = open(new Case("retail", OpenVinoTestSupport.RETAIL, "FP16"),
                OpenVinoOptions.defaults().withThreads(THREADS))) {
            for (int i = 0; i < 200; i++) {
                backend.infer(frame);
            }
            System.gc();
            long start = OpenVinoTestSupport.rssKb();
            long t0 = System.nanoTime();
            System.out.printf(Locale.ROOT, "%n| inferences after warm-up (%s, %dx%d frames) | VmRSS MB | growth MB |%n",
                    backend.describe(), frame.width(), frame.height());
            System.out.println("|---|---|---|");
            System.out.printf(Locale.ROOT, "| 0 | %.1f | 0.0 |%n", start / 1024.0);
            int step = Math.max(1, count / 4);
            for (int i = 1; i <= count; i++) {
                backend.infer(frame);
                if (i % step == 0 || i == count) {
                    System.gc();
                    long rss = OpenVinoTestSupport.rssKb();
                    System.out.printf(Locale.ROOT, "| %d | %.1f | %+.1f |%n", i, rss / 1024.0, (rss - start) / 1024.0);
                }
            }
            System.out.printf(Locale.ROOT, "%d inferences in %.1f s%n", count, (System.nanoTime() - t0) / 1e9);
        }
    }



    private static Path video() {
        return SharedData.require(SharedData.ONE_BY_ONE);
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            return "?";
        }
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        return "?";
    }


    private static String cpuModel() throws IOException {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0] + " "
                + Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[1];
    }

    private static int intArg(String[] args, String name, int def) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return def;
    }
}

package io.footfall.detect.openvino;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run a model with OpenVINO. Immutable.
 *
 * @param libPath       where {@code libopenvino_c.so} is (folder or file); empty to search the usual
 *                      places (see {@link OpenVinoLibraryLocator})
 * @param device        OpenVINO device name, e.g. {@code CPU}
 * @param hint          performance hint the device compiles for
 * @param threads       {@code INFERENCE_NUM_THREADS}; 0 lets OpenVINO choose
 * @param inferRequests requests kept in flight by an {@link OvInferQueue}
 */
public record OpenVinoOptions(Optional<Path> libPath, String device, PerformanceHint hint, int threads,
                              int inferRequests) {

    public OpenVinoOptions {
        Objects.requireNonNull(libPath, "libPath");
        Objects.requireNonNull(hint, "hint");
        if (device == null || device.isBlank()) {
            throw new IllegalArgumentException("OpenVINO device must be named, e.g. CPU");
        }
        if (threads < 0) {
            throw new IllegalArgumentException("OpenVINO threads must be 0 (automatic) or more, got " + threads);
        }
        if (inferRequests < 1) {
            throw new IllegalArgumentException("OpenVINO infer requests must be at least 1, got " + inferRequests);
        }
    }

    /** CPU, latency hint, OpenVINO's own thread count, one request: live video on an edge box. */
    public static OpenVinoOptions defaults() {
        return new OpenVinoOptions(Optional.empty(), "CPU", PerformanceHint.LATENCY, 0, 1);
    }

    public OpenVinoOptions withLibPath(Path path) {
        return new OpenVinoOptions(Optional.of(path), device, hint, threads, inferRequests);
    }

    public OpenVinoOptions withHint(PerformanceHint h) {
        return new OpenVinoOptions(libPath, device, h, threads, inferRequests);
    }

    public OpenVinoOptions withThreads(int n) {
        return new OpenVinoOptions(libPath, device, hint, n, inferRequests);
    }

    public OpenVinoOptions withInferRequests(int n) {
        return new OpenVinoOptions(libPath, device, hint, threads, n);
    }

    /** The properties passed to {@code ov_core_compile_model}. */
    Map<String, String> compileProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("PERFORMANCE_HINT", hint.name());
        if (threads > 0) {
            props.put("INFERENCE_NUM_THREADS", Integer.toString(threads));
        }
        return props;
    }

    /** e.g. {@code CPU LATENCY threads=2}. */
    String summary() {
        return device + " " + hint + " threads=" + (threads == 0 ? "auto" : Integer.toString(threads));
    }
}

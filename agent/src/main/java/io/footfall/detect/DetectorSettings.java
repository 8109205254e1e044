package io.footfall.detect;

import io.footfall.BadInputException;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to build a detector: which model, on which runtime, with what threads.
 *
 * @param model        manifest name, e.g. {@code person-detection-retail-0013}
 * @param variant      manifest variant (FP16, FP32), or empty for the manifest's default
 * @param modelFile    a model file to load instead of the installed one (same input/output as the manifest)
 * @param backend      runtime
 * @param threads      inference threads
 * @param throughput   OpenVINO THROUGHPUT hint even with one frame in flight (it is used whenever several are)
 * @param openVinoLib  explicit OpenVINO library folder or file
 * @param minScore     lowest score reported, or empty for the manifest's threshold
 * @param inputSize    the picture size to run the model at (OpenVINO reshape), or empty for the model file's
 * @param tiling       tiles to detect on for wide views, or empty for the whole frame only
 * @param inFlight     frames a camera keeps in flight through the runtime at once (1: one at a time); more let the
 *                     runtime infer one frame while the pipeline tracks, counts and encodes the one before
 */
public record DetectorSettings(String model, Optional<String> variant, Optional<Path> modelFile, BackendKind backend,
                               int threads, boolean throughput, Optional<Path> openVinoLib, Optional<Float> minScore,
                               Optional<InputSize> inputSize, Optional<Tiling> tiling, int inFlight) {

    /** Frames in flight by default: measured in docs/benchmarks.md ("Pipelined frame path"). */
    public static final int DEFAULT_IN_FLIGHT = 4;
    public static final int MAX_IN_FLIGHT = 8;
    /** The most inference threads a detector takes: the config file's limit too. */
    public static final int MAX_THREADS = 64;

    public DetectorSettings(String model, Optional<String> variant, Optional<Path> modelFile, BackendKind backend,
                            int threads, boolean throughput, Optional<Path> openVinoLib, Optional<Float> minScore,
                            Optional<InputSize> inputSize, Optional<Tiling> tiling) {
        this(model, variant, modelFile, backend, threads, throughput, openVinoLib, minScore, inputSize, tiling,
                DEFAULT_IN_FLIGHT);
    }

    public DetectorSettings {
        if (inFlight < 1 || inFlight > MAX_IN_FLIGHT) {
            throw new BadInputException("frames in flight must be within 1.." + MAX_IN_FLIGHT + ", got " + inFlight);
        }
        java.util.Objects.requireNonNull(inputSize, "inputSize");
        java.util.Objects.requireNonNull(tiling, "tiling");
        if (threads < 1 || threads > MAX_THREADS) {
            // The config file's limit too: a thousand inference threads on a store box only thrash.
            throw new BadInputException("threads must be 1 to " + MAX_THREADS + ", got " + threads);
        }
        minScore.ifPresent(s -> {
            if (s < 0 || s > 1) {
                throw new BadInputException("minimum score must be within 0..1, got " + s);
            }
        });
    }

    public static DetectorSettings defaults(String model, BackendKind backend) {
        return new DetectorSettings(model, Optional.empty(), Optional.empty(), backend,
                Math.max(1, Runtime.getRuntime().availableProcessors()), false, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    public DetectorSettings withThreads(int n) {
        return new DetectorSettings(model, variant, modelFile, backend, n, throughput, openVinoLib, minScore, inputSize, tiling,
                inFlight);
    }

    public DetectorSettings withMinScore(float s) {
        return new DetectorSettings(model, variant, modelFile, backend, threads, throughput, openVinoLib, Optional.of(s),
                inputSize, tiling, inFlight);
    }

    /** These settings with a camera's own input size and tiling where it has them. */
    public DetectorSettings withView(Optional<InputSize> size, Optional<Tiling> tiles) {
        return new DetectorSettings(model, variant, modelFile, backend, threads, throughput, openVinoLib, minScore,
                size.or(() -> inputSize), tiles.or(() -> tiling), inFlight);
    }

    public DetectorSettings withInFlight(int n) {
        return new DetectorSettings(model, variant, modelFile, backend, threads, throughput, openVinoLib, minScore,
                inputSize, tiling, n);
    }
}

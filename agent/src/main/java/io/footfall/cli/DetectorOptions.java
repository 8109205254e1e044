package io.footfall.cli;

import io.footfall.BadInputException;
import io.footfall.detect.BackendKind;
import io.footfall.detect.DetectorSettings;
import io.footfall.detect.InputSize;
import io.footfall.detect.Tiling;
import io.footfall.eval.SweepGrid;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Detector options shared by {@code detect} and {@code run}. */
public final class DetectorOptions {

    @Option(names = "--model", paramLabel = "NAME",
            description = "Model from the manifests (default: ${DEFAULT-VALUE}).", defaultValue = "person-detection-retail-0013")
    String model;

    @Option(names = "--variant", paramLabel = "FP16|FP32|INT8",
            description = "Model variant (default: the manifest's; INT8 once models/scripts/quantize-int8.sh has made it).")
    String variant;

    @Option(names = "--model-file", paramLabel = "FILE",
            description = "Load this model file instead of the installed one (same input/output as --model).")
    Path modelFile;

    @Option(names = "--backend", paramLabel = "openvino|onnxruntime", defaultValue = "openvino",
            description = "Inference runtime (default: ${DEFAULT-VALUE}).")
    String backend;

    @Option(names = "--threads", paramLabel = "N", description = "Inference threads (default: all cores).")
    Integer threads;

    @Option(names = "--throughput",
            description = "OpenVINO THROUGHPUT hint even with --in-flight 1 (with several frames in flight it is the default).")
    boolean throughput;

    @Option(names = "--in-flight", paramLabel = "N",
            description = {"Frames a camera keeps in flight through OpenVINO at once (1..8): the model infers one frame",
                    "while the pipeline tracks, counts and encodes the one before (default: " + DetectorSettings.DEFAULT_IN_FLIGHT
                            + "; 1 runs one frame at a time)."})
    Integer inFlight;

    @Option(names = "--openvino-lib", paramLabel = "DIR",
            description = "OpenVINO library folder (else OPENVINO_LIB_DIR, the project's install, /opt/intel/openvino/runtime/lib/intel64).")
    Path openVinoLib;

    // A list so 'footfall eval sweep' can try several; every other command takes one (see settings()).
    @Option(names = "--min-score", paramLabel = "0..1", split = ",",
            description = "Lowest detection score kept (default: the manifest's; 'footfall run': the tracker's lowThresh).")
    List<String> minScores = new ArrayList<>();

    @Option(names = "--input-size", paramLabel = "WxH",
            description = {"Run the model at this picture size, e.g. 1088x640 (multiples of 32; OpenVINO reshapes it):",
                    "small, distant people keep more pixels, at a cost that grows with the area (default: the model file's)."})
    String inputSize;

    @Option(names = "--tiles", paramLabel = "CxR[,OVERLAP][,tiles-only]",
            description = {"Detect on a grid of overlapping tiles as well as the whole frame, e.g. 2x2,0.2 (SAHI-style",
                    "slicing for wide views; tiles-only skips the whole frame). Default: the whole frame only."})
    String tiles;

    DetectorSettings settings() {
        return settings(minScore());
    }

    /** The settings without a threshold, for a command that decides it (a sweep tries each of {@link #minScores()}). */
    DetectorSettings settingsWithoutMinScore() {
        return settings(Optional.empty());
    }

    /** Every {@code --min-score} given, checked. */
    List<Float> minScores() {
        return SweepGrid.values("--min-score", minScores);
    }

    private DetectorSettings settings(Optional<Float> minScore) {
        BackendKind kind = BackendKind.parse(backend);
        int n = threads != null ? threads : Math.max(1, Runtime.getRuntime().availableProcessors());
        return new DetectorSettings(model, Optional.ofNullable(variant), Optional.ofNullable(modelFile), kind, n,
                throughput, Optional.ofNullable(openVinoLib), minScore,
                Optional.ofNullable(inputSize).map(InputSize::parse), Optional.ofNullable(tiles).map(Tiling::parse),
                inFlight != null ? inFlight : DetectorSettings.DEFAULT_IN_FLIGHT);
    }

    /** The one {@code --min-score}, if given. */
    private Optional<Float> minScore() {
        List<Float> values = minScores();
        if (values.size() > 1) {
            throw new BadInputException("--min-score takes one value here, got " + minScores
                    + "; to compare several, use 'footfall eval sweep --min-score " + String.join(",", minScores) + "'");
        }
        return values.stream().findFirst();
    }
}

package io.footfall.detect;

import io.footfall.detect.onnx.OnnxRuntimeBackend;
import io.footfall.detect.openvino.OpenVinoBackend;
import io.footfall.detect.openvino.OpenVinoOptions;
import io.footfall.detect.openvino.PerformanceHint;
import io.footfall.model.ModelCatalog;
import io.footfall.model.ModelFetcher;
import io.footfall.model.ModelManifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds a {@link Detector} from settings: finds the manifest, makes sure the model files are
 * installed (fetching them when missing), and opens the chosen runtime.
 *
 * <p>Detectors opened while another on the same OpenVINO model file, picture size and compile settings is open share
 * its compiled model ({@link OpenVinoBackend#share()}): a store's cameras run on one copy of the model and one set of
 * OpenVINO's streams, each camera with infer requests of its own. Thread-safe.
 */
public final class DetectorFactory {
    private static final Logger log = LoggerFactory.getLogger(DetectorFactory.class);

    private final ModelCatalog catalog;
    private final ModelFetcher fetcher;
    /** Open OpenVINO backends by what they compile; a closed one is replaced on the next open. */
    private final java.util.Map<SharedKey, OpenVinoBackend> shared = new java.util.HashMap<>();

    private record SharedKey(Path file, InputSpec spec, OpenVinoOptions options) {
    }

    public DetectorFactory(ModelCatalog catalog, ModelFetcher fetcher) {
        this.catalog = catalog;
        this.fetcher = fetcher;
    }

    /** The factory over the bundled model catalog, installing models under the paths' model folder. */
    public static DetectorFactory standard(io.footfall.FootfallPaths paths) {
        return new DetectorFactory(ModelCatalog.bundled(), new ModelFetcher(paths.models(), paths.modelMirror()));
    }

    public Detector open(DetectorSettings s) {
        ModelManifest m = catalog.get(s.model());
        if (!m.supports(s.backend().id())) {
            throw new DetectorSetupException("model " + m.name() + " (" + m.format() + ") cannot run on " + s.backend().id()
                    + "; it runs on " + m.backends());
        }
        Path file = s.modelFile().orElseGet(() -> installedFile(m, s));
        if (!Files.isRegularFile(file)) {
            throw new DetectorSetupException("model file " + file + " does not exist");
        }
        if (s.backend() == BackendKind.ONNXRUNTIME && file.getFileName().toString().endsWith(".xml")) {
            throw new DetectorSetupException("model file " + file + " is an OpenVINO IR; onnxruntime loads .onnx files: use"
                    + " --backend openvino for it");
        }
        InputSpec spec = s.inputSize().map(size -> InputSpec.of(m).withSize(size.width(), size.height()))
                .orElseGet(() -> InputSpec.of(m));
        if (s.inputSize().isPresent() && s.backend() != BackendKind.OPENVINO && !spec.equals(InputSpec.of(m))) {
            throw new DetectorSetupException("input size " + s.inputSize().get() + " needs the openvino backend (it reshapes the"
                    + " model); onnxruntime runs " + m.name() + " at its file's " + m.input().width() + "x" + m.input().height());
        }
        float minScore = s.minScore().orElse(m.scoreThreshold());
        OutputDecoder decoder = Decoders.forPeople(m, minScore);
        InferenceBackend backend = switch (s.backend()) {
            case ONNXRUNTIME -> new OnnxRuntimeBackend(file, spec, m.output().name(), s.threads());
            case OPENVINO -> openVino(file, spec, m, s);
        };
        ModelDetector model = new ModelDetector(m.name(), backend, decoder, spec);
        Detector d = s.tiling().<Detector>map(t -> new TiledDetector(model, t)).orElse(model);
        log.info("event=detector_ready model={} file={} backend=\"{}\" input={}x{} tiles={} minScore={}", m.name(), file,
                backend.describe(), spec.width(), spec.height(), s.tiling().map(Tiling::toString).orElse("none"), minScore);
        return d;
    }

    private Path installedFile(ModelManifest m, DetectorSettings s) {
        return fetcher.installed(m, s.variant().orElse(null));
    }

    /**
     * THROUGHPUT (OpenVINO's streams, one request each) when several frames (or a frame's tiles) are in flight, so they
     * run side by side; LATENCY (every thread on one request) when frames go one at a time. Measured in
     * docs/benchmarks.md.
     */
    static PerformanceHint hint(DetectorSettings s) {
        return s.throughput() || s.inFlight() > 1 ? PerformanceHint.THROUGHPUT : PerformanceHint.LATENCY;
    }

    private InferenceBackend openVino(Path file, InputSpec spec, ModelManifest m, DetectorSettings s) {
        OpenVinoOptions o = OpenVinoOptions.defaults()
                .withHint(hint(s))
                .withThreads(s.threads());
        if (s.openVinoLib().isPresent()) {
            o = o.withLibPath(s.openVinoLib().get());
        }
        SharedKey key = new SharedKey(file.toAbsolutePath().normalize(), spec, o);
        synchronized (shared) {
            OpenVinoBackend open = shared.get(key);
            if (open != null) {
                try {
                    OpenVinoBackend mine = open.share();
                    log.info("event=detector_shared model={} input={}x{} note=\"runs on the compiled model of a detector already open\"",
                            m.name(), spec.width(), spec.height());
                    return mine;
                } catch (IllegalStateException closed) {
                    shared.remove(key);
                }
            }
            OpenVinoBackend opened = OpenVinoBackend.open(file, spec, m.output().name(), o);
            shared.put(key, opened);
            return opened;
        }
    }
}

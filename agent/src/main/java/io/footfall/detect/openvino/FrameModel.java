package io.footfall.detect.openvino;

import io.footfall.detect.InputSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/**
 * A model file plus what it takes to compile it for BGR frames of a given size: the input spec,
 * the compile options, and which output to read. Compiling is the only thing it does; it owns
 * neither the core nor the model read at open (kept unchanged, for its ports). Thread-safe as far as
 * OpenVINO's read and compile are.
 */
final class FrameModel {

    private static final Logger log = LoggerFactory.getLogger(FrameModel.class);

    private final OpenVinoCore core;
    private final OvModel model;
    private final InputSpec spec;
    private final OpenVinoOptions options;
    private final String outputName;
    private final int outputIndex;

    FrameModel(OpenVinoCore core, OvModel model, InputSpec spec, OpenVinoOptions options, String outputName) {
        this.core = core;
        this.model = model;
        this.spec = spec;
        this.options = options;
        this.outputName = outputName;
        this.outputIndex = model.outputIndex(outputName);
    }

    /** Compiles the model with preprocessing for u8 BGR tensors of {@code size}. */
    OvCompiledModel compileFor(FrameStaging.TensorSize size) {
        long t0 = System.nanoTime();
        // Preprocessing rewrites the model it is given, so each size starts from a fresh read.
        try (OvModel fresh = core.readModel(model.source());
             OvModel withPreprocessing = OvPreprocessing.forBgrFrames(fresh, spec, size.width(), size.height())) {
            OvCompiledModel compiled = core.compile(withPreprocessing, options.device(), options.compileProperties());
            log.info("openvino compiled model={} input={} device={} ms={}", model.source().getFileName(), size,
                    options.summary(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            return compiled;
        }
    }

    InputSpec spec() {
        return spec;
    }

    OpenVinoOptions options() {
        return options;
    }

    String outputName() {
        return outputName;
    }

    int outputIndex() {
        return outputIndex;
    }
}

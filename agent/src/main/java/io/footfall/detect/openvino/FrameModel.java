package io.footfall.detect.openvino;

import io.footfall.detect.DetectorSetupException;
import io.footfall.detect.InputSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A model file plus what it takes to compile it for BGR frames of a given size: the input spec,
 * the compile options, and which output to read. It owns neither the core nor the model read at open (kept
 * unchanged, for its ports).
 *
 * <p>Compiled models are shared: every user of this frame model (each camera's infer requests, each queue) gets the
 * one compiled for its frame size, counted, and the last {@link #release} frees it. One compiled model serves every
 * camera, so eight cameras cost one copy of the model's weights and one set of OpenVINO's streams, not eight.
 * Thread-safe: cameras acquire and release from their own threads.
 */
final class FrameModel {

    private static final Logger log = LoggerFactory.getLogger(FrameModel.class);

    private final OpenVinoCore core;
    private final OvModel model;
    private final InputSpec spec;
    private final OpenVinoOptions options;
    private final String outputName;
    private final int outputIndex;
    private final java.util.Map<FrameStaging.TensorSize, Shared> compiled = new java.util.HashMap<>();

    private static final class Shared {
        final OvCompiledModel model;
        int users;

        Shared(OvCompiledModel model) {
            this.model = model;
        }
    }

    FrameModel(OpenVinoCore core, OvModel model, InputSpec spec, OpenVinoOptions options, String outputName) {
        this.core = core;
        this.model = model;
        this.spec = spec;
        this.options = options;
        this.outputName = outputName;
        this.outputIndex = model.outputIndex(outputName);
    }

    /** The model compiled for u8 BGR tensors of {@code size}, compiled on first use; {@link #release} it after. */
    synchronized OvCompiledModel acquire(FrameStaging.TensorSize size) {
        Shared shared = compiled.get(size);
        if (shared == null) {
            shared = new Shared(compileFor(size));
            compiled.put(size, shared);
        }
        shared.users++;
        return shared.model;
    }

    /** Gives back a compiled model from {@link #acquire}; every request made from it must be closed already. */
    synchronized void release(FrameStaging.TensorSize size) {
        Shared shared = compiled.get(size);
        if (shared == null) {
            throw new IllegalStateException("released a model never acquired for " + size);
        }
        if (--shared.users == 0) {
            compiled.remove(size);
            shared.model.close();
        }
    }

    private final java.util.Map<FrameStaging.TensorSize, SlotPool> pools = new java.util.HashMap<>();

    /**
     * The pool of infer requests for frames of {@code size}, shared by every queue of that size; its limit is twice the
     * largest number of frames a queue keeps in flight. {@link #leave} it after.
     */
    synchronized SlotPool pool(FrameStaging.TensorSize size, int inFlight) {
        SlotPool p = pools.get(size);
        if (p == null) {
            p = new SlotPool(this, size, acquire(size));
            pools.put(size, p);
        }
        p.raiseLimit(2 * inFlight);
        p.users++;
        return p;
    }

    /** A queue stops using {@code pool}; every request it borrowed must be back. The last one closes it. */
    synchronized void leave(SlotPool pool) {
        if (--pool.users == 0) {
            pools.remove(pool.size());
            pool.close();
            release(pool.size());
        }
    }

    /** Frame sizes compiled and in use now. */
    synchronized int compiledSizes() {
        return compiled.size();
    }

    /** Compiles the model with preprocessing for u8 BGR tensors of {@code size}. */
    private OvCompiledModel compileFor(FrameStaging.TensorSize size) {
        long t0 = System.nanoTime();
        // Preprocessing rewrites the model it is given, so each size starts from a fresh read.
        try (OvModel fresh = core.readModel(model.source());
             OvModel withPreprocessing = preprocessed(fresh, size)) {
            OvCompiledModel compiled = core.compile(withPreprocessing, options.device(), options.compileProperties());
            log.info("openvino compiled model={} input={} device={} ms={}", model.source().getFileName(), size,
                    options.summary(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            return compiled;
        }
    }

    private OvModel preprocessed(OvModel fresh, FrameStaging.TensorSize size) {
        fitInput(fresh, spec);
        return OvPreprocessing.forBgrFrames(fresh, spec, size.width(), size.height());
    }

    /**
     * Checks that the model has the one image input {@code spec} names, with batch 1 and 3 channels, and reshapes its
     * picture size to the spec's when they differ.
     *
     * @return whether the model was reshaped
     * @throws DetectorSetupException when the model has other inputs or cannot take the spec's size
     */
    static boolean fitInput(OvModel model, InputSpec spec) {
        List<OvPort> inputs = model.inputs();
        if (inputs.size() != 1) {
            throw new DetectorSetupException("model " + model.source() + " has " + inputs.size()
                    + " inputs " + inputs + "; Footfall feeds exactly one image input");
        }
        OvPort input = model.input(spec.name());
        boolean nchw = spec.layout().equals("NCHW");
        long[] expected = nchw
                ? new long[]{1, 3, spec.height(), spec.width()}
                : new long[]{1, spec.height(), spec.width(), 3};
        long[] found = input.shape();
        if (Arrays.equals(found, expected)) {
            return false;
        }
        boolean sameKind = found.length == 4 && found[0] == 1 && found[nchw ? 1 : 3] == 3;
        if (!sameKind) {
            throw new DetectorSetupException("model " + model.source() + " input '" + spec.name() + "' has shape "
                    + input.shapeText() + " but the model spec expects " + Arrays.toString(expected)
                    .replace(" ", "") + " (" + spec.layout() + ")");
        }
        model.reshapeInput(spec.name(), expected);
        return true;
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

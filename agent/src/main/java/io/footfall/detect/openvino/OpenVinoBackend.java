package io.footfall.detect.openvino;

import io.footfall.detect.DetectionException;
import io.footfall.detect.DetectorSetupException;
import io.footfall.detect.InferenceBackend;
import io.footfall.detect.InputSpec;
import io.footfall.detect.OutputTensor;
import io.footfall.detect.StageTimes;
import io.footfall.model.ModelManifest;
import io.footfall.video.Frame;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Runs a detector model with OpenVINO on decoded BGR frames. All input preprocessing (resize,
 * colour order, u8 to f32, mean/scale, layout) is compiled into the model by OpenVINO; Java only
 * hands over the frame's pixels ({@link FrameStaging}), copying them only for a letterbox canvas or
 * a frame with padded rows. The model is compiled for each frame size it meets (a whole frame and its
 * tiles are two), keeping the last few. An input size other than the file's is applied with OpenVINO's
 * reshape when the model is read.
 *
 * <p>{@link #lastTimes()}: preprocess = Java staging and setting the input tensor; infer = OpenVINO's
 * inference including its preprocessing, plus copying the output out; decode = 0 (done elsewhere).
 *
 * <p>Not thread-safe: one caller at a time, as {@link InferenceBackend} says. For several frames in
 * flight use {@link #newQueue()}; for another camera on the same model, {@link #share()}: every backend shared from
 * one runs on the same compiled model; their queues borrow infer requests from one pool per frame size.
 */
public final class OpenVinoBackend implements InferenceBackend {

    /** The core and model every shared backend runs on: closed by the last backend closed. */
    private static final class Owner {
        final OpenVinoCore core;
        final OvModel model;
        int backends = 1;

        Owner(OpenVinoCore core, OvModel model) {
            this.core = core;
            this.model = model;
        }
    }

    private final OpenVinoRuntime runtime;
    private final Owner owner;
    private final OvModel model;
    private final FrameModel frameModel;
    private boolean closed;
    /** Frame size to the model compiled for it, newest use last; a whole frame and its tiles are two sizes. */
    private final java.util.LinkedHashMap<Long, CompiledSlots> bySize = new java.util.LinkedHashMap<>(4, 0.75f, true);
    private static final int SIZES_KEPT = 3;
    private StageTimes lastTimes = StageTimes.ZERO;

    private OpenVinoBackend(OpenVinoRuntime runtime, Owner owner, FrameModel frameModel) {
        this.runtime = runtime;
        this.owner = owner;
        this.model = owner.model;
        this.frameModel = frameModel;
    }

    /**
     * Another backend on the same model and compile settings, for another camera: it compiles nothing of its own (the
     * compiled model for each frame size is shared) and has its own infer requests, so each may be used from its own
     * thread. Close each; the model goes with the last.
     */
    public OpenVinoBackend share() {
        synchronized (owner) {
            if (owner.backends == 0) {
                throw new IllegalStateException("backend is closed");
            }
            owner.backends++;
        }
        return new OpenVinoBackend(runtime, owner, frameModel);
    }

    /** Frame sizes for which a compiled model is in use by this backend or any shared from it. */
    public int compiledSizes() {
        return frameModel.compiledSizes();
    }

    /**
     * Opens a model, checking its input against {@code spec} and that output {@code outputName} exists.
     *
     * @param modelFile OpenVINO IR {@code .xml} (with its {@code .bin} beside it) or {@code .onnx}
     * @throws DetectionException when the runtime, the file or the model is not usable
     */
    public static OpenVinoBackend open(Path modelFile, InputSpec spec, String outputName, OpenVinoOptions options) {
        return open(modelFile, spec, outputName, List.of(), options);
    }

    /**
     * As {@link #open(Path, InputSpec, String, OpenVinoOptions)}, also checking the output's shape.
     *
     * @param expectedOutputShape e.g. {@code [1, 1, 200, 7]}; empty to skip the check
     */
    public static OpenVinoBackend open(Path modelFile, InputSpec spec, String outputName,
                                       List<Long> expectedOutputShape, OpenVinoOptions options) {
        OpenVinoRuntime runtime = OpenVinoRuntime.load(OpenVinoLibraryLocator.forThisProcess(options.libPath()));
        return open(runtime, modelFile, spec, outputName, expectedOutputShape, options);
    }

    /** The backend for a catalogued model, its files under {@code modelsDir/<name>/}. */
    public static OpenVinoBackend forManifest(ModelManifest manifest, Path modelsDir, String variant,
                                              OpenVinoOptions options) {
        if (!manifest.supports("openvino")) {
            throw new DetectorSetupException("model " + manifest.name() + " does not run on openvino; it supports "
                    + manifest.backends());
        }
        Path file = manifest.folderIn(modelsDir).resolve(manifest.modelFile(variant));
        return open(file, InputSpec.of(manifest), manifest.output().name(), manifest.output().shape(), options);
    }

    /** As the other factories, with an already loaded runtime. */
    public static OpenVinoBackend open(OpenVinoRuntime runtime, Path modelFile, InputSpec spec, String outputName,
                                       List<Long> expectedOutputShape, OpenVinoOptions options) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(outputName, "outputName");
        OpenVinoCore core = runtime.newCore();
        OvModel model = null;
        try {
            model = core.readModel(modelFile);
            boolean reshaped = FrameModel.fitInput(model, spec);
            // A reshaped model's outputs follow its new input (more YOLOX anchor points), so the file's shape no longer applies.
            checkOutput(model, outputName, reshaped ? List.of() : expectedOutputShape);
            return new OpenVinoBackend(runtime, new Owner(core, model), new FrameModel(core, model, spec, options, outputName));
        } catch (RuntimeException e) {
            if (model != null) {
                model.close();
            }
            core.close();
            throw e;
        }
    }

    private static void checkOutput(OvModel model, String outputName, List<Long> expectedShape) {
        OvPort output = model.output(outputName);
        if (!expectedShape.isEmpty()) {
            long[] expected = expectedShape.stream().mapToLong(Long::longValue).toArray();
            if (!Arrays.equals(output.shape(), expected)) {
                throw new DetectorSetupException("model " + model.source() + " output '" + outputName + "' has shape "
                        + output.shapeText() + " but the model spec expects " + Arrays.toString(expected)
                        .replace(" ", ""));
            }
        }
    }

    @Override
    public OutputTensor infer(Frame frame) {
        InferSlot slot = slotsFor(frame.width(), frame.height()).slotsFor(frame.width(), frame.height()).get(0);
        long t0 = System.nanoTime();
        slot.load(frame);
        long t1 = System.nanoTime();
        slot.request().infer();
        OutputTensor out = slot.output(frameModel);
        lastTimes = new StageTimes(t1 - t0, System.nanoTime() - t1, 0);
        return out;
    }

    private CompiledSlots slotsFor(int width, int height) {
        CompiledSlots slots = bySize.computeIfAbsent(((long) width << 32) | height, k -> new CompiledSlots(frameModel, 1, false));
        if (bySize.size() > SIZES_KEPT) {
            var eldest = bySize.entrySet().iterator().next();
            eldest.getValue().close();
            bySize.remove(eldest.getKey());
        }
        return slots;
    }

    /**
     * A queue that keeps {@link OpenVinoOptions#inferRequests()} frames in flight, for throughput, on requests borrowed
     * from the pool every queue of the same compiled model shares; close it before this backend.
     */
    public OvInferQueue newQueue() {
        return newQueue(frameModel.options().inferRequests());
    }

    @Override
    public java.util.Optional<io.footfall.detect.InferenceQueue> queue(int inFlight) {
        return java.util.Optional.of(newQueue(inFlight));
    }

    /** A queue with {@code inFlight} requests; close it before this backend. */
    public OvInferQueue newQueue(int inFlight) {
        return new OvInferQueue(frameModel, inFlight);
    }

    /** e.g. {@code openvino 2026.4.1 CPU LATENCY threads=2}. */
    @Override
    public String describe() {
        return "openvino " + runtime.version() + " " + frameModel.options().summary();
    }

    @Override
    public StageTimes lastTimes() {
        return lastTimes;
    }

    /** The model's ports, as read (before preprocessing was added). */
    public List<OvPort> inputs() {
        return model.inputs();
    }

    public List<OvPort> outputs() {
        return model.outputs();
    }

    /** A property of the currently compiled model (null before the first frame). */
    public String compiledProperty(String key) {
        OvCompiledModel compiled = bySize.isEmpty() ? null : new java.util.ArrayList<>(bySize.values()).get(bySize.size() - 1).compiled();
        return compiled == null ? null : compiled.property(key);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        bySize.values().forEach(CompiledSlots::close);
        bySize.clear();
        boolean last;
        synchronized (owner) {
            last = --owner.backends == 0;
        }
        if (last) {
            owner.model.close();
            owner.core.close();
        }
    }
}

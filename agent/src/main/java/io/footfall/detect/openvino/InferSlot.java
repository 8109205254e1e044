package io.footfall.detect.openvino;

import io.footfall.detect.InputSpec;
import io.footfall.detect.OutputTensor;
import io.footfall.video.Frame;

/**
 * One infer request with its own input staging: load a frame, run, read the output.
 * Not thread-safe.
 */
final class InferSlot implements AutoCloseable {

    private final OvInferRequest request;
    private final FrameStaging staging;
    private OvTensor lastInput;
    /** The output's shape, read once: the compiled model's shapes are static (checked at open). */
    private long[] outputShape;
    private int outputValues;

    InferSlot(OvCompiledModel compiled, InputSpec spec, boolean ownCopy) {
        this.request = compiled.newInferRequest();
        this.staging = new FrameStaging(spec, ownCopy);
    }

    /** Stages the frame and gives it to the request (setting the tensor only when it changed). */
    void load(Frame frame) {
        OvTensor input = staging.stage(frame);
        if (input != lastInput) {
            request.setInput(0, input);
            lastInput = input;
        }
    }

    OvInferRequest request() {
        return request;
    }

    OutputTensor output(FrameModel model) {
        if (outputShape == null) {
            OutputTensor first = request.copyOutput(model.outputIndex(), model.outputName());
            outputShape = first.shape().clone();
            outputValues = first.data().length;
            return first;
        }
        float[] values = new float[outputValues];
        request.copyOutputValues(model.outputIndex(), values);
        return new OutputTensor(model.outputName(), outputShape.clone(), values);
    }

    @Override
    public void close() {
        // The request first: it may still reference the staging's memory.
        request.close();
        staging.close();
    }
}

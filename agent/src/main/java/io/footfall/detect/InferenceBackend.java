package io.footfall.detect;

import io.footfall.video.Frame;

/**
 * The part of a detector that differs per runtime (OpenVINO, ONNX Runtime): run the model on one
 * BGR frame and hand back its raw output. Each backend applies the model's {@link InputSpec}
 * (resize, layout, colour order, scale) its own way; decoding is shared.
 *
 * <p>Instances are not thread-safe: one caller at a time.
 */
public interface InferenceBackend extends AutoCloseable {

    /** Runs the model on one frame. The frame is only read during the call. */
    OutputTensor infer(Frame frame);

    /**
     * A queue keeping up to {@code inFlight} frames in flight, where the runtime can run requests asynchronously;
     * empty where it cannot. Close it before the backend.
     */
    default java.util.Optional<InferenceQueue> queue(int inFlight) {
        return java.util.Optional.empty();
    }

    /** Runtime name and device, for logs (e.g. {@code openvino 2026.4.1 CPU}). */
    String describe();

    /** Time spent in the last {@link #infer} call, split into stages. */
    StageTimes lastTimes();

    @Override
    void close();
}

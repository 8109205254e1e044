package io.footfall.detect;

import io.footfall.video.Frame;

import java.util.List;

/**
 * Finds people in frames: one {@link InferenceBackend} for the runtime, one {@link OutputDecoder}
 * for the model's output layout. Not thread-safe: one caller at a time.
 */
public final class Detector implements AutoCloseable {

    private final InferenceBackend backend;
    private final OutputDecoder decoder;
    private final InputSpec spec;
    private final String modelName;
    private StageTimes last = StageTimes.ZERO;

    public Detector(String modelName, InferenceBackend backend, OutputDecoder decoder, InputSpec spec) {
        this.modelName = modelName;
        this.backend = backend;
        this.decoder = decoder;
        this.spec = spec;
    }

    public FrameDetections detect(Frame frame) {
        OutputTensor out = backend.infer(frame);
        long t0 = System.nanoTime();
        List<Detection> found = decoder.decode(out, spec.transformFor(frame.width(), frame.height()));
        last = backend.lastTimes().withDecode(System.nanoTime() - t0);
        return new FrameDetections(frame.index(), frame.ptsMillis(), frame.width(), frame.height(), found);
    }

    /** Stage times of the last {@link #detect} call. */
    public StageTimes lastTimes() {
        return last;
    }

    public String describe() {
        return modelName + " on " + backend.describe();
    }

    @Override
    public void close() {
        backend.close();
    }
}

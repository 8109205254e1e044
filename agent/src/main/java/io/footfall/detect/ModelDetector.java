package io.footfall.detect;

import io.footfall.video.Frame;

import java.util.List;

/**
 * A detector that is one model: one {@link InferenceBackend} for the runtime, one {@link OutputDecoder}
 * for the model's output layout, the frame fitted whole to the model's input. Not thread-safe: one caller at a time.
 */
public final class ModelDetector implements Detector {

    private final InferenceBackend backend;
    private final OutputDecoder decoder;
    private final InputSpec spec;
    private final String modelName;
    private StageTimes last = StageTimes.ZERO;

    public ModelDetector(String modelName, InferenceBackend backend, OutputDecoder decoder, InputSpec spec) {
        this.modelName = modelName;
        this.backend = backend;
        this.decoder = decoder;
        this.spec = spec;
    }

    @Override
    public FrameDetections detect(Frame frame) {
        OutputTensor out = backend.infer(frame);
        long t0 = System.nanoTime();
        List<Detection> found = decoder.decode(out, spec.transformFor(frame.width(), frame.height()));
        last = backend.lastTimes().withDecode(System.nanoTime() - t0);
        return new FrameDetections(frame.index(), frame.ptsMillis(), frame.width(), frame.height(), found);
    }

    @Override
    public DetectionQueue queue(int inFlight) {
        if (inFlight <= 1) {
            return DetectionQueue.oneAtATime(this);
        }
        return backend.queue(inFlight).<DetectionQueue>map(Decoding::new).orElseGet(() -> DetectionQueue.oneAtATime(this));
    }

    /** The runtime's queue, each result decoded as {@link #detect} decodes. */
    private final class Decoding implements DetectionQueue {
        private final InferenceQueue queue;
        private StageTimes last = StageTimes.ZERO;

        Decoding(InferenceQueue queue) {
            this.queue = queue;
        }

        @Override
        public List<FrameDetections> submit(Frame frame) {
            return decoded(queue.submit(frame));
        }

        @Override
        public List<FrameDetections> drain() {
            return decoded(queue.drain());
        }

        private List<FrameDetections> decoded(List<InferenceQueue.Result> results) {
            if (results.isEmpty()) {
                return List.of();
            }
            List<FrameDetections> out = new java.util.ArrayList<>(results.size());
            for (InferenceQueue.Result r : results) {
                long t0 = System.nanoTime();
                List<Detection> found = decoder.decode(r.output(), spec.transformFor(r.width(), r.height()));
                last = r.times().withDecode(System.nanoTime() - t0);
                out.add(new FrameDetections(r.frameIndex(), r.ptsMillis(), r.width(), r.height(), found));
            }
            return out;
        }

        @Override
        public int capacity() {
            return queue.capacity();
        }

        @Override
        public StageTimes lastTimes() {
            return last;
        }

        @Override
        public void close() {
            queue.close();
        }
    }

    @Override
    public StageTimes lastTimes() {
        return last;
    }

    @Override
    public String describe() {
        return modelName + " on " + backend.describe();
    }

    /** What the model expects, after any reshape. */
    public InputSpec input() {
        return spec;
    }

    @Override
    public void close() {
        backend.close();
    }
}

package io.footfall.detect;

import io.footfall.video.Frame;

/**
 * Finds people in frames. One model on the whole frame ({@link ModelDetector}), or a composition of
 * detections (tiles of a wide view, masked regions) that the pipeline cannot tell apart from it.
 * Not thread-safe: one caller at a time.
 */
public interface Detector extends AutoCloseable {

    /** People in one frame, in the frame's pixel coordinates. The frame is only read during the call. */
    FrameDetections detect(Frame frame);

    /** Stage times of the last {@link #detect} call. */
    StageTimes lastTimes();

    /**
     * Frames in flight through this detector, for throughput. Where the runtime cannot keep several (ONNX Runtime,
     * tiles, a recording) the queue runs one frame at a time. Close the queue before the detector.
     *
     * @param inFlight frames in flight at most; 1 runs one at a time
     */
    default DetectionQueue queue(int inFlight) {
        return DetectionQueue.oneAtATime(this);
    }

    /** Model and runtime, for logs and run records. */
    String describe();

    @Override
    void close();
}

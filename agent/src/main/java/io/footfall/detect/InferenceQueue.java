package io.footfall.detect;

import io.footfall.video.Frame;

import java.util.List;

/**
 * Several frames in flight through one runtime at once, for throughput: while the runtime infers frame n, the caller
 * decodes, tracks and counts frame n-1. Results come back in submission order. Each submitted frame is copied into
 * memory of its request before {@link #submit} returns.
 *
 * <p>Not thread-safe: one thread submits and drains.
 */
public interface InferenceQueue extends AutoCloseable {

    /**
     * The raw output for one submitted frame.
     *
     * @param times staging, then the time from the start of inference until the output was copied out (which includes
     *              waiting behind other requests)
     */
    record Result(long frameIndex, long ptsMillis, int width, int height, OutputTensor output, StageTimes times) {
    }

    /**
     * Starts inference on a frame. When every request is busy it first waits for the oldest; the results of the frames
     * that finished that way are returned, oldest first (often none or one).
     */
    List<Result> submit(Frame frame);

    /** Waits for every frame in flight and returns their results, oldest first. */
    List<Result> drain();

    /** Frames it keeps in flight at most. */
    int capacity();

    @Override
    void close();
}

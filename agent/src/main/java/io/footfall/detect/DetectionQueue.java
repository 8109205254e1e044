package io.footfall.detect;

import io.footfall.video.Frame;

import java.util.List;

/**
 * A {@link Detector} with several frames in flight: {@link #submit} starts a frame and returns the detections of the
 * frames that finished meanwhile, in submission order, so a pipeline overlaps its own work on frame n-1 with the
 * runtime's on frame n. The results are those of {@link Detector#detect} on the same frames, in the same order.
 *
 * <p>Not thread-safe: one thread submits and drains.
 */
public interface DetectionQueue extends AutoCloseable {

    /**
     * Starts detection on a frame; returns the detections of frames that finished, oldest first. The frame is only read
     * during the call (a queue copies it into its request), so the caller may reuse its buffer at once.
     */
    List<FrameDetections> submit(Frame frame);

    /** Waits for every frame in flight; returns their detections, oldest first. */
    List<FrameDetections> drain();

    /** Frames in flight at most: 1 when each {@link #submit} finishes its own frame. */
    int capacity();

    /** Stage times of the last frame returned. */
    StageTimes lastTimes();

    /** Closes the queue's own resources, not the detector's. */
    @Override
    void close();

    /** Told of each frame's detections, in frame order, with the stage times of the last frame finished with it. */
    @FunctionalInterface
    interface Detected {
        void accept(FrameDetections detections, StageTimes times) throws java.io.IOException;
    }

    /**
     * Runs up to {@code maxFrames} frames of a source through this queue, frames in flight, and hands each frame's
     * detections to {@code out} in frame order. The queue copies each frame in during submit, so the source may reuse
     * its buffer at once. Returns the frames read.
     */
    default long detectAll(io.footfall.video.FrameSource source, long maxFrames, Detected out) throws java.io.IOException {
        long read = 0;
        Frame f;
        while (read < maxFrames && (f = source.next()) != null) {
            read++;
            for (FrameDetections d : submit(f)) {
                out.accept(d, lastTimes());
            }
        }
        for (FrameDetections d : drain()) {
            out.accept(d, lastTimes());
        }
        return read;
    }

    /** A queue over a detector that runs one frame at a time: each submit returns its own frame's detections. */
    static DetectionQueue oneAtATime(Detector detector) {
        return new Immediate() {
            @Override
            public List<FrameDetections> submit(Frame frame) {
                return List.of(detector.detect(frame));
            }

            @Override
            public StageTimes lastTimes() {
                return detector.lastTimes();
            }
        };
    }

    /** A queue whose every submit finishes its own frame before it returns: nothing is ever left to drain. */
    abstract class Immediate implements DetectionQueue {
        @Override
        public final List<FrameDetections> drain() {
            return List.of();
        }

        @Override
        public final int capacity() {
            return 1;
        }

        @Override
        public void close() {
        }
    }
}

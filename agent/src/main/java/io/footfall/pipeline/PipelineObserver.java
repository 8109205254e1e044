package io.footfall.pipeline;

import io.footfall.count.CountEvent;

import java.util.List;

/**
 * Watches a camera's pipeline from outside it, one call per processed frame, for metrics. Called on the camera's
 * own thread between two frames, so an implementation must be quick and must not throw (a failure is logged and
 * the frame goes on); it is called by several cameras at once, so it must be thread-safe. Knows nothing of how the
 * numbers are published: the pipeline names no metrics library.
 */
public interface PipelineObserver {

    /** Observes nothing: the pipeline of a job that exports no metrics. */
    PipelineObserver NONE = new PipelineObserver() {
    };

    /** One frame went through the detector, the tracker and the analytics. */
    default void frameProcessed(FrameStats stats) {
    }

    /**
     * A live source's decoder dropped frames because the detector was behind (the bounded hand-off was full).
     *
     * @param count frames dropped since the previous call for this camera, at least 1
     */
    default void framesDropped(String cameraId, long count) {
    }

    /**
     * Events emitted outside a frame: the intervals a reconfiguration or the end of the run closed, and crossings
     * that became final then.
     */
    default void eventsFlushed(String cameraId, List<CountEvent> events) {
    }
}

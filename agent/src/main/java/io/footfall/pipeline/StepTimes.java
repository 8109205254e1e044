package io.footfall.pipeline;

/**
 * Nanoseconds one frame spent in each stage after detection, on the camera's thread: the tracker (with any appearance
 * sampling and the track log), the analytics (lines, zones, visitors, staff), the annotation (anonymising and drawing,
 * and the live view), encoding into the clip, and handing the frame's records to the store.
 */
public record StepTimes(long trackNanos, long countNanos, long annotateNanos, long encodeNanos, long storeNanos) {
    public static final StepTimes ZERO = new StepTimes(0, 0, 0, 0, 0);
}

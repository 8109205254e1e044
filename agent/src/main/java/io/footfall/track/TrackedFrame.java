package io.footfall.track;

import java.util.List;

/**
 * What the tracker knows after one frame: the record handed from the tracker to the analytics.
 * Immutable; thread-safe.
 *
 * @param frame     frame index, as in the detections
 * @param ptsMillis presentation time of the frame
 * @param width     frame width in pixels
 * @param height    frame height in pixels
 * @param objects   tracks with an id, {@link TrackState#CONFIRMED} (matched now) or {@link TrackState#LOST}
 *                  (coasting), in ascending id order
 * @param ended     ids of tracks removed in this frame, each reported exactly once, ascending; consumers
 *                  evict their per-track state on these
 */
public record TrackedFrame(long frame, long ptsMillis, int width, int height,
                           List<TrackedObject> objects, List<TrackId> ended) {
    public TrackedFrame {
        objects = List.copyOf(objects);
        ended = List.copyOf(ended);
    }

    /** The objects matched to a detection in this frame. */
    public List<TrackedObject> confirmed() {
        return objects.stream().filter(TrackedObject::isConfirmed).toList();
    }
}

package io.footfall.pipeline;

import io.footfall.annotate.Overlay;
import io.footfall.track.TrackedFrame;
import io.footfall.video.Frame;

import java.util.Optional;

/**
 * The latest frame of a camera with what was seen in it, for snapshots and the status page. The frame is the
 * pipeline's own copy (the decoder hands over a new buffer per frame), so readers may keep it. Thread-safe: one
 * writer (the pipeline), any readers.
 */
public final class LiveView {

    /** One moment: the raw frame, its tracks and the overlay drawn over it. */
    public record Moment(Frame frame, TrackedFrame tracked, Overlay overlay) {
    }

    private volatile Moment latest;

    void update(Frame frame, TrackedFrame tracked, Overlay overlay) {
        latest = new Moment(frame, tracked, overlay);
    }

    Overlay overlay() {
        return latest.overlay();
    }

    public Optional<Moment> latest() {
        return Optional.ofNullable(latest);
    }
}

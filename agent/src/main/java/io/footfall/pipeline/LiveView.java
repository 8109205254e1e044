package io.footfall.pipeline;

import io.footfall.annotate.Overlay;
import io.footfall.config.PrivacyPolicy;
import io.footfall.geometry.Box;
import io.footfall.video.Frame;

import java.util.List;
import java.util.Optional;

/**
 * The latest frame of a camera with what was seen in it, for snapshots and the status page. The frame is the
 * pipeline's own copy (the decoder hands over a new buffer per frame), so readers may keep it. Thread-safe: one
 * writer (the pipeline), any readers.
 */
public final class LiveView {

    /** One moment: the raw frame, the person boxes to anonymise, the camera's policy and the overlay drawn over it. */
    public record Moment(Frame frame, List<Box> people, PrivacyPolicy privacy, Overlay overlay) {
    }

    private volatile Moment latest;

    void update(Frame frame, List<Box> people, PrivacyPolicy privacy, Overlay overlay) {
        latest = new Moment(frame, people, privacy, overlay);
    }

    Overlay overlay() {
        return latest.overlay();
    }

    public Optional<Moment> latest() {
        return Optional.ofNullable(latest);
    }
}

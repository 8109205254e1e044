package io.footfall.pipeline;

import io.footfall.annotate.Overlay;
import io.footfall.config.PrivacyPolicy;
import io.footfall.geometry.Box;
import io.footfall.video.Frame;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * The latest frame of a camera with what was seen in it, for snapshots and the status page. The decoder reuses its
 * frame buffers, so the view copies frames into one buffer of its own, at most every {@link #COPY_EVERY_NANOS} (five a
 * second is plenty for a page that refreshes every two seconds), and a reader gets a copy of that: no allocation per
 * frame, whose direct buffers would only be freed when a garbage collection happened to run. Thread-safe: one writer
 * (the pipeline), any readers.
 */
public final class LiveView {

    /** One moment: the raw frame, the person boxes to anonymise, the camera's policy and the overlay drawn over it. */
    public record Moment(Frame frame, List<Box> people, PrivacyPolicy privacy, Overlay overlay) {
    }

    static final long COPY_EVERY_NANOS = 200_000_000L;

    private final Object lock = new Object();
    private ByteBuffer pixels;
    private Moment latest;
    private volatile Overlay overlay;
    private long copiedAtNanos;

    void update(Frame frame, List<Box> people, PrivacyPolicy privacy, Overlay overlay) {
        this.overlay = overlay;
        long now = System.nanoTime();
        if (latest != null && now - copiedAtNanos < COPY_EVERY_NANOS) {
            return;
        }
        copiedAtNanos = now;
        synchronized (lock) {
            int bytes = frame.width() * frame.height() * 3;
            if (pixels == null || pixels.capacity() < bytes) {
                pixels = ByteBuffer.allocateDirect(bytes);
            }
            latest = new Moment(frame.copyInto(pixels), people, privacy, overlay);
        }
    }

    /** The overlay of the latest frame (every frame's, not only the copied ones'). */
    Overlay overlay() {
        return overlay;
    }

    /** The latest moment, its frame a copy the caller may keep. */
    public Optional<Moment> latest() {
        synchronized (lock) {
            return latest == null ? Optional.empty()
                    : Optional.of(new Moment(latest.frame().copy(), latest.people(), latest.privacy(), latest.overlay()));
        }
    }
}

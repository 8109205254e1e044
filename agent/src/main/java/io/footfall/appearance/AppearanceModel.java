package io.footfall.appearance;

import io.footfall.geometry.Box;
import io.footfall.track.Embedding;
import io.footfall.video.Frame;

import java.util.List;

/**
 * A re-identification model: one {@link Embedding} per person box of a frame. Not thread-safe: one camera's
 * pipeline at a time.
 */
public interface AppearanceModel extends AutoCloseable {

    /** Embeddings of {@code boxes} (pixels of {@code frame}), in order; the frame is only read during the call. */
    List<Embedding> embed(Frame frame, List<Box> boxes);

    /** e.g. {@code person-reidentification-retail-0288 on openvino 2026.4.1 CPU}. */
    String describe();

    @Override
    void close();
}

package io.footfall.video;

import java.io.IOException;

/**
 * Decoded frames from one camera or file, in order. Not thread-safe: one reader.
 */
public interface FrameSource extends AutoCloseable {

    SourceInfo info();

    /**
     * The next frame, or {@code null} at the end of a file. The returned frame's pixels are valid
     * until the next call.
     *
     * @throws IOException when the source fails and cannot recover (live sources retry first)
     */
    Frame next() throws IOException;

    @Override
    void close();
}

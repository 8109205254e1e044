package io.footfall.pipeline;

import io.footfall.video.Frame;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * The last {@code keepMillis} of frames, copied into buffers that are reused as frames age out: a bounded ring with
 * no allocation per frame once it is full. At 1080p that is 6 MB a frame, so its size is the time kept times the frame
 * rate times that; {@link #bytes()} says what it holds. Not thread-safe.
 */
final class FrameHistory implements Iterable<Frame> {
    private final long keepMillis;
    private final Deque<Frame> frames = new ArrayDeque<>();
    private final Deque<ByteBuffer> spare = new ArrayDeque<>();

    FrameHistory(long keepMillis) {
        this.keepMillis = keepMillis;
    }

    /** Keeps a copy of {@code f}, then lets go of the frames older than the time kept before it. */
    Frame add(Frame f) {
        int bytes = f.width() * f.height() * 3;
        ByteBuffer b = spare.pollFirst();
        if (b == null || b.capacity() < bytes) {
            b = ByteBuffer.allocateDirect(bytes);
        }
        Frame copy = f.copyInto(b);
        frames.addLast(copy);
        while (f.ptsMillis() - frames.peekFirst().ptsMillis() > keepMillis) {
            spare.addFirst(frames.removeFirst().bgr());
        }
        return copy;
    }

    /** Pixel bytes held, kept frames and spare buffers. */
    long bytes() {
        long n = 0;
        for (Frame f : frames) {
            n += f.bgr().capacity();
        }
        for (ByteBuffer b : spare) {
            n += b.capacity();
        }
        return n;
    }

    void clear() {
        frames.clear();
        spare.clear();
    }

    @Override
    public Iterator<Frame> iterator() {
        return frames.iterator();
    }
}

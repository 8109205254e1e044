package io.footfall.pipeline;

import io.footfall.video.Frame;
import io.footfall.video.FrameSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decodes on its own thread and hands frames to the detector through a small bounded queue, so
 * decoding overlaps inference. For a file the decoder waits for room (every frame is processed, counts
 * are reproducible); for a live camera a frame that finds the queue full is dropped and counted, never
 * buffered without bound (Frigate's rule).
 *
 * <p>Frames travel in a fixed set of reused buffers (the queue's capacity, one being filled, one with the consumer):
 * a new direct buffer per frame is freed only when a garbage collection happens to run, which a pipeline that
 * allocates little else on the heap rarely triggers, so a 1080p camera's resident memory grew by gigabytes before.
 * A frame from {@link #take} is valid until the next {@code take}: keep a {@link Frame#copy()} to hold it longer.
 *
 * <p>{@link #take} is for one consumer thread.
 */
final class FrameHandoff implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FrameHandoff.class);
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue;
    private final BlockingQueue<ByteBuffer> free;
    private final int buffers;
    /** Buffers in the set, queued, free or lent. Decoder thread only. */
    private int allocated;
    private Frame lent;
    private final Thread decoder;
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean stopped;

    FrameHandoff(FrameSource source, int capacity, String cameraId) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.buffers = capacity + 2;
        this.free = new ArrayBlockingQueue<>(buffers);
        boolean live = source.info().live();
        this.decoder = new Thread(() -> decode(source, live), "decode-" + cameraId);
        this.decoder.setDaemon(true);
        this.decoder.start();
    }

    private void decode(FrameSource source, boolean live) {
        Object last = END;
        try {
            Frame f;
            while (!stopped && (f = source.next()) != null) {
                ByteBuffer buffer = buffer(f, live);
                if (buffer == null) {
                    dropped.incrementAndGet(); // live, and every buffer is queued or with the detector
                    continue;
                }
                Frame copy = f.copyInto(buffer);
                if (live) {
                    if (!queue.offer(copy)) {
                        free.offer(buffer);
                        dropped.incrementAndGet();
                    }
                } else {
                    while (!stopped && !queue.offer(copy, 100, TimeUnit.MILLISECONDS)) {
                        // the detector is behind: wait, a file loses no frames
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            last = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            while (!stopped && !queue.offer(last, 100, TimeUnit.MILLISECONDS)) {
                // wait for the consumer to take the end marker
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A free buffer that holds {@code f}: a returned one, or a new one while fewer than the set exist. A live source
     * does not wait for one (the frame is dropped), a file does.
     */
    private ByteBuffer buffer(Frame f, boolean live) throws InterruptedException {
        int bytes = f.width() * f.height() * 3;
        while (!stopped) {
            ByteBuffer b = free.poll();
            if (b == null && allocated < buffers) {
                allocated++;
                return ByteBuffer.allocateDirect(bytes);
            }
            if (b == null && !live) {
                b = free.poll(100, TimeUnit.MILLISECONDS);
            }
            if (b == null) {
                if (live) {
                    return null;
                }
                continue;
            }
            if (b.capacity() >= bytes) {
                return b;
            }
            allocated--; // the stream changed size (a camera reconnected with other settings): let it go
        }
        return null;
    }

    /**
     * The next frame, or null at the end of the source or once {@code stop} says so (checked every 100 ms). The frame
     * before it goes back to the decoder.
     */
    Frame take(java.util.function.BooleanSupplier stop) throws IOException, InterruptedException {
        if (lent != null) {
            free.offer(lent.bgr());
            lent = null;
        }
        Object o = null;
        while (o == null) {
            if (stop.getAsBoolean()) {
                return null;
            }
            o = queue.poll(100, TimeUnit.MILLISECONDS);
        }
        if (o == END) {
            return null;
        }
        if (o instanceof IOException e) {
            throw e;
        }
        if (o instanceof RuntimeException e) {
            throw e;
        }
        lent = (Frame) o;
        return lent;
    }

    long dropped() {
        return dropped.get();
    }

    @Override
    public void close() {
        stopped = true;
        queue.clear();
        // A live source waiting to reconnect sleeps up to its capped backoff: wake it, the shutdown deadline is short.
        decoder.interrupt();
        try {
            decoder.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (decoder.isAlive()) {
            log.warn("event=decoder_slow_to_stop thread={}", decoder.getName());
        }
    }
}

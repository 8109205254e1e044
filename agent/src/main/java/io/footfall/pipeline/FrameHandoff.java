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
 * are reproducible); for a live camera the newest frame wins: when the queue is full the oldest queued frame is
 * dropped and counted, never buffered without bound (Frigate's rule), so what is analysed is as fresh as it can be.
 *
 * <p>An {@link AnalysisRate} thins the frames before they are queued (10 frames/s of a 25 frames/s camera), by their
 * timestamps, so a file gives the same frames every run; those are skipped, not dropped.
 *
 * <p>Frames travel in a fixed set of reused buffers (the queue's capacity, one being filled, and those the consumer
 * holds): a new direct buffer per frame is freed only when a garbage collection happens to run, which a pipeline that
 * allocates little else on the heap rarely triggers, so a 1080p camera's resident memory grew by gigabytes before.
 * A frame from {@link #take} is valid until it is given back with {@link #release}; the consumer may hold up to the
 * {@code held} frames it asked for at once (frames in flight through the detector).
 *
 * <p>{@link #take} and {@link #release} are for one consumer thread.
 */
final class FrameHandoff implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FrameHandoff.class);
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue;
    private final BlockingQueue<ByteBuffer> free;
    private final int buffers;
    /** Buffers in the set, queued, free or lent. Decoder thread only. */
    private int allocated;
    private final AnalysisRate rate;
    private final Thread decoder;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private volatile boolean stopped;

    /**
     * @param capacity frames queued between the decoder and the consumer
     * @param held     frames the consumer holds at once at most (taken, not yet released)
     */
    FrameHandoff(FrameSource source, int capacity, int held, AnalysisRate rate, String cameraId) {
        if (held < 1) {
            throw new IllegalArgumentException("the consumer holds at least one frame, got " + held);
        }
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.buffers = capacity + 1 + held;
        this.free = new ArrayBlockingQueue<>(buffers);
        this.rate = rate;
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
                if (!rate.due(f.ptsMillis())) {
                    skipped.incrementAndGet();
                    continue;
                }
                ByteBuffer buffer = buffer(f, live);
                if (buffer == null) {
                    buffer = oldestQueued(); // live, and every buffer is queued or with the consumer: the newest wins
                    if (buffer == null) {
                        dropped.incrementAndGet(); // every buffer is with the consumer
                        continue;
                    }
                }
                Frame copy = f.copyInto(buffer);
                if (live) {
                    while (!queue.offer(copy)) {
                        ByteBuffer stale = oldestQueued();
                        if (stale != null) {
                            free.offer(stale);
                        }
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

    /** Takes the oldest queued frame off the queue, counted as dropped, and returns its buffer; null when none is queued. */
    private ByteBuffer oldestQueued() {
        Object o = queue.poll();
        if (o instanceof Frame old) {
            dropped.incrementAndGet();
            return old.bgr();
        }
        return null; // the decoder itself queues the end marker, after this loop: nothing else is ever queued
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
     * The next frame, or null at the end of the source or once {@code stop} says so (checked every 100 ms). Give it back
     * with {@link #release} when done with it.
     */
    Frame take(java.util.function.BooleanSupplier stop) throws IOException, InterruptedException {
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
        return (Frame) o;
    }

    /** Gives a taken frame's buffer back to the decoder. */
    void release(Frame frame) {
        free.offer(frame.bgr());
    }

    long dropped() {
        return dropped.get();
    }

    /** Frames left out by the analysis rate. */
    long skipped() {
        return skipped.get();
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

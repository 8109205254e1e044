package io.footfall.video;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A camera stream that reconnects: when the stream ends or fails, it is reopened with exponential
 * backoff (capped), forever, and frame indexes and timestamps carry on from where they were.
 * Timestamps are the monotonic time since this source started, because a reconnected RTSP stream
 * restarts its own clock.
 *
 * <p>Not thread-safe: one reader; {@link #close()} may be called from another thread to stop it.
 */
public final class LiveSource implements FrameSource {
    private static final Logger log = LoggerFactory.getLogger(LiveSource.class);

    /** How long to wait between attempts; injectable so tests do not sleep. */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final Supplier<FrameSource> opener;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Sleeper sleeper;
    private final SourceWatcher watcher;
    private final long startNanos = System.nanoTime();
    private FrameSource current;
    private SourceInfo info;
    private long index;
    private long reconnects;
    private boolean down;
    private volatile boolean closed;

    /**
     * Opens the stream once, now: a camera that is not up yet fails here, and its supervisor retries the whole open
     * (the source's size and rate are unknown until it has answered once).
     */
    public LiveSource(Supplier<FrameSource> opener, Duration initialBackoff, Duration maxBackoff, Sleeper sleeper,
                      SourceWatcher watcher) {
        this.opener = opener;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.sleeper = sleeper;
        this.watcher = watcher;
        this.current = opener.get();
        SourceInfo first = current.info();
        // A camera has no length, whatever its first connection reported (an HTTP stream is opened as a file first).
        this.info = new SourceInfo(first.name(), first.width(), first.height(), first.fps(), -1, true);
    }

    public LiveSource(Supplier<FrameSource> opener, Duration initialBackoff, Duration maxBackoff, Sleeper sleeper) {
        this(opener, initialBackoff, maxBackoff, sleeper, SourceWatcher.NONE);
    }

    /** Backoff from 1 s to 30 s; the wait ends early when the reading thread is interrupted (shutdown). */
    public static LiveSource of(Supplier<FrameSource> opener, SourceWatcher watcher) {
        return new LiveSource(opener, Duration.ofSeconds(1), Duration.ofSeconds(30), d -> Thread.sleep(d.toMillis()), watcher);
    }

    public static LiveSource of(Supplier<FrameSource> opener) {
        return of(opener, SourceWatcher.NONE);
    }

    @Override
    public SourceInfo info() {
        return info;
    }

    /** How many times the stream was reopened. */
    public long reconnects() {
        return reconnects;
    }

    @Override
    public Frame next() throws IOException {
        Duration backoff = initialBackoff;
        while (!closed) {
            if (current != null) {
                try {
                    Frame f = current.next();
                    if (f != null) {
                        if (down) {
                            down = false;
                            watcher.up();
                        }
                        long pts = (System.nanoTime() - startNanos) / 1_000_000;
                        return new Frame(index++, pts, f.width(), f.height(), f.stride(), f.bgr());
                    }
                    log.warn("event=source_ended source={} action=reconnect", info.name());
                    wentDown("the stream ended");
                } catch (IOException | RuntimeException e) {
                    String reason = Redaction.text(e.getMessage());
                    log.warn("event=source_failed source={} error=\"{}\" action=reconnect", info.name(), reason);
                    wentDown(reason);
                }
                current.close();
                current = null;
            }
            try {
                sleeper.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reconnecting to " + info.name(), e);
            }
            backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            try {
                current = opener.get();
                reconnects++;
                log.info("event=source_reconnected source={} reconnects={}", info.name(), reconnects);
            } catch (RuntimeException e) {
                log.warn("event=reconnect_failed source={} error=\"{}\" retryIn={}", info.name(), Redaction.text(e.getMessage()), backoff);
            }
        }
        return null;
    }

    private void wentDown(String reason) {
        if (!down && !closed) {
            down = true;
            watcher.down(reason == null ? "stream failed" : reason);
        }
    }

    @Override
    public void close() {
        closed = true;
        if (current != null) {
            current.close();
        }
    }
}

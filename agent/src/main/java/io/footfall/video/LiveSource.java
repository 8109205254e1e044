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
    private final long startNanos = System.nanoTime();
    private FrameSource current;
    private SourceInfo info;
    private long index;
    private long reconnects;
    private volatile boolean closed;

    public LiveSource(Supplier<FrameSource> opener, Duration initialBackoff, Duration maxBackoff, Sleeper sleeper) {
        this.opener = opener;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.sleeper = sleeper;
        this.current = opener.get();
        this.info = current.info();
    }

    public static LiveSource of(Supplier<FrameSource> opener) {
        return new LiveSource(opener, Duration.ofSeconds(1), Duration.ofSeconds(30), d -> Thread.sleep(d.toMillis()));
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
                        long pts = (System.nanoTime() - startNanos) / 1_000_000;
                        return new Frame(index++, pts, f.width(), f.height(), f.stride(), f.bgr());
                    }
                    log.warn("event=source_ended source={} action=reconnect", info.name());
                } catch (IOException | RuntimeException e) {
                    log.warn("event=source_failed source={} error=\"{}\" action=reconnect", info.name(), Redaction.text(e.getMessage()));
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

    @Override
    public void close() {
        closed = true;
        if (current != null) {
            current.close();
        }
    }
}

package io.footfall.store;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The outbox's one background thread (daemon, created on first use): the batch flusher and scheduled retention
 * run on it, so they never run at the same time as each other. Stopped by {@link #close()}. Thread-safe.
 */
final class OutboxThreads implements AutoCloseable {
    private ScheduledThreadPoolExecutor executor; // guarded by this
    private boolean closed; // guarded by this

    /** Runs {@code task} once after {@code delayNanos}. */
    ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
        return executor().schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    }

    /** Runs {@code task} every {@code periodNanos}, the first time after one period. */
    ScheduledFuture<?> every(Runnable task, long periodNanos) {
        return executor().scheduleWithFixedDelay(task, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
    }

    private synchronized ScheduledThreadPoolExecutor executor() {
        if (closed) {
            throw new StoreException("outbox is closed");
        }
        if (executor == null) {
            executor = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "footfall-outbox");
                t.setDaemon(true);
                return t;
            });
            executor.setRemoveOnCancelPolicy(true);
        }
        return executor;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}

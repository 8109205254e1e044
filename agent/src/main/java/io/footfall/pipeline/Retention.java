package io.footfall.pipeline;

import io.footfall.store.Outbox;
import io.footfall.store.RetentionReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

/**
 * Keeps the data folder within its quota and age while the agent runs: the outbox decides what goes
 * (clips before counts, counts only once delivered unless offline over quota) and this deletes the
 * clip files whose references it dropped. Thread-safe; one per outbox.
 */
public final class Retention implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final Outbox outbox;
    private final ScheduledFuture<?> task;

    private Retention(Outbox outbox, Duration every) {
        this.outbox = outbox;
        this.task = outbox.scheduleRetention(every, Retention::apply);
    }

    /** Enforces the limits now, then every {@code every}. */
    public static Retention start(Outbox outbox, Duration every) {
        apply(outbox.enforceRetention());
        return new Retention(outbox, every);
    }

    static void apply(RetentionReport r) {
        for (Path clip : r.clipFilesToDelete()) {
            try {
                Files.deleteIfExists(clip);
            } catch (IOException e) {
                log.warn("event=clip_delete_failed file={} error=\"{}\"", clip, e.getMessage());
            }
        }
        if (!r.clipFilesToDelete().isEmpty() || r.deliveredEvicted() > 0 || r.droppedTotal() > 0) {
            log.info("event=retention clipsDeleted={} deliveredEvicted={} dropped={} usageBytes={} quotaBytes={}",
                    r.clipFilesToDelete().size(), r.deliveredEvicted(), r.droppedNow(), r.usageBytesAfter(), r.quotaBytes());
        }
    }

    /** Stops the schedule and enforces the limits one last time. */
    @Override
    public void close() {
        task.cancel(false);
        apply(outbox.enforceRetention());
    }
}

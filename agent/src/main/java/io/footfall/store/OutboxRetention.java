package io.footfall.store;

import org.h2.mvstore.Cursor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;

/**
 * Applies {@link RetentionPlanner}'s decisions to the store: removes the planned records, keeps the totals and the
 * dropped counters right, rewrites a file left far over its quota, runs on a schedule, and makes room on a nearly
 * full disk before a commit. Thread-safe (all work happens under the {@link OutboxLog} lock).
 */
final class OutboxRetention {
    /** Retention rewrites the file when it exceeds this multiple of the quota (see shrinkIfFarOverQuota). */
    static final double FILE_COMPACT_FACTOR = 1.5;
    private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);

    private final OutboxLog outboxLog;
    private final OutboxConfig config;

    OutboxRetention(OutboxLog outboxLog) {
        this.outboxLog = outboxLog;
        this.config = outboxLog.config();
        outboxLog.onLowSpace(this::makeRoom);
    }

    /** See {@link Outbox#enforceRetention()}. */
    RetentionReport enforce() {
        return outboxLog.locked(() -> {
            long now = config.clock().millis();
            RetentionPlanner.Plan plan = outboxLog.write(OutboxLog.Commit.NONE, (m, t) -> RetentionPlanner.plan(
                    new RetentionPlanner.Input(records(m), clips(m), t.usage(), config.quotaBytes(), config.maxAge(),
                            m.cursors(), now)));
            Removed removed = plan.isEmpty() ? new Removed() : outboxLog.write(OutboxLog.Commit.NOW,
                    (m, t) -> apply(m, t, plan, now));
            long usage = outboxLog.locked(() -> outboxLog.totals().usage());
            if (!plan.isEmpty()) {
                log.info("event=outbox_retention deliveredEvicted={} dropped={} clips={} usageBefore={} usageAfter={} "
                        + "quota={}", removed.delivered, removed.dropped, plan.clipFiles().size(),
                        plan.usageBytesBefore(), usage, config.quotaBytes());
            }
            long fileSize = shrinkIfFarOverQuota(outboxLog.fileSize());
            return new RetentionReport(plan.clipFiles(), removed.delivered, removed.dropped, plan.usageBytesBefore(),
                    usage, config.quotaBytes(), fileSize);
        });
    }

    /** What one apply removed. */
    private static final class Removed {
        long delivered;
        final Map<String, Long> dropped = new TreeMap<>();
    }

    private static Removed apply(StoreMaps m, LogTotals t, RetentionPlanner.Plan plan, long now) {
        Removed removed = new Removed();
        for (RetentionPlanner.Eviction e : plan.evictions()) {
            RetentionPlanner.Item item = e.item();
            if (!remove(m, t, item)) {
                continue;
            }
            if (e.delivered()) {
                removed.delivered++;
            } else {
                removed.dropped.merge(item.kind(), 1L, Long::sum);
                t.dropped(item.kind(), item.sequence(), now);
            }
        }
        return removed;
    }

    private static boolean remove(StoreMaps m, LogTotals t, RetentionPlanner.Item item) {
        if (m.records().remove(item.sequence()) == null) {
            return false;
        }
        m.clips().remove(item.sequence());
        t.removed(item.kind(), item.costBytes(), item.clip() == null ? 0 : item.clip().bytes());
        return true;
    }

    /**
     * Called before a commit when the disk has less than {@link DiskSpace#COMMIT_HEADROOM_BYTES} free: deletes the
     * oldest clip files (clips are the first thing to give up) until there is room, so counting goes on. The only
     * place the outbox deletes clip files itself: waiting for the caller would mean failing this commit.
     */
    private void makeRoom(StoreMaps m, LogTotals t) {
        long usable = DiskSpace.usable(config.dataDirectory());
        long now = config.clock().millis();
        long delivered = RetentionPlanner.deliveredUpTo(m.cursors());
        int freed = 0;
        for (RetentionPlanner.Item item : clips(m)) {
            if (DiskSpace.usable(config.dataDirectory()) >= DiskSpace.COMMIT_HEADROOM_BYTES) {
                break;
            }
            try {
                Files.deleteIfExists(item.clip().file());
            } catch (IOException e) {
                log.warn("event=clip_delete_failed file={} error=\"{}\"", item.clip().file(), e.getMessage());
                continue;
            }
            remove(m, t, item);
            if (item.sequence() > delivered) {
                t.dropped(item.kind(), item.sequence(), now);
            }
            freed++;
        }
        if (freed > 0 || usable == 0) {
            log.warn("event=outbox_low_space dir={} usableBytesBefore={} usableBytesAfter={} clipsDeleted={}",
                    config.dataDirectory(), usable, DiskSpace.usable(config.dataDirectory()), freed);
        }
    }

    /**
     * Live bytes stay under the quota, but the file keeps the space it once used (MVStore reuses it only after its
     * 45 s dead-chunk retention), so an offline burst can leave it far larger. Past {@value #FILE_COMPACT_FACTOR} x
     * the quota, rewrite it; that needs free disk for the live data, and failing is not an error for retention.
     */
    private long shrinkIfFarOverQuota(long fileSize) {
        long clipBytes = outboxLog.locked(() -> outboxLog.totals().clipBytes());
        if (fileSize + clipBytes <= config.quotaBytes() * FILE_COMPACT_FACTOR) {
            return fileSize;
        }
        try {
            long after = outboxLog.compact();
            log.info("event=outbox_compacted file={} before={} after={} quota={}", config.file(), fileSize, after,
                    config.quotaBytes());
            return after;
        } catch (StoreException e) {
            log.warn("event=outbox_compact_failed file={} size={} quota={} error=\"{}\"", config.file(), fileSize,
                    config.quotaBytes(), e.getMessage());
            return fileSize;
        }
    }

    /** See {@link Outbox#scheduleRetention}. */
    ScheduledFuture<?> schedule(Duration period, Consumer<RetentionReport> listener) {
        return outboxLog.threads().every(() -> {
            try {
                RetentionReport r = enforce();
                if (!r.clipFilesToDelete().isEmpty() || r.deliveredEvicted() > 0 || r.droppedTotal() > 0) {
                    listener.accept(r);
                }
            } catch (RuntimeException e) {
                log.error("event=outbox_scheduled_retention_failed file={} error=\"{}\"", config.file(), e.toString());
            }
        }, period.toNanos());
    }

    /** Every record in sequence order, read lazily. */
    private static Iterable<RetentionPlanner.Item> records(StoreMaps m) {
        return () -> new Items(m.records().cursor(null), m, true);
    }

    /** The clip records in sequence order, read lazily. */
    private static Iterable<RetentionPlanner.Item> clips(StoreMaps m) {
        return () -> new Items(m.clips().cursor(null), m, false);
    }

    /** Walks one map's keys and describes each record; skips a clip reference whose record is gone. */
    private static final class Items implements Iterator<RetentionPlanner.Item> {
        private final Cursor<Long, ?> cursor;
        private final StoreMaps m;
        private final boolean recordCursor;
        private RetentionPlanner.Item next;

        Items(Cursor<Long, ?> cursor, StoreMaps m, boolean recordCursor) {
            this.cursor = cursor;
            this.m = m;
            this.recordCursor = recordCursor;
        }

        @Override
        public boolean hasNext() {
            while (next == null && cursor.hasNext()) {
                long seq = cursor.next();
                byte[] value = recordCursor ? (byte[]) cursor.getValue() : m.records().get(seq);
                if (value != null) {
                    String clip = recordCursor ? m.clips().get(seq) : (String) cursor.getValue();
                    next = new RetentionPlanner.Item(seq, RecordCodec.kind(seq, value),
                            RecordCodec.createdMillis(seq, value), RecordCodec.cost(value),
                            clip == null ? null : ClipReference.decode(seq, clip));
                }
            }
            return next != null;
        }

        @Override
        public RetentionPlanner.Item next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            RetentionPlanner.Item item = next;
            next = null;
            return item;
        }
    }
}

package io.footfall.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;

/**
 * The device's durable outbox: an append-only, per-device sequenced log of records (crossings, zone events,
 * aggregates, clip references) kept in one H2 MVStore file until every delivery destination has acknowledged
 * them, plus per-destination cursors, retention counters and the config history.
 *
 * <p>This class is the facade; the parts behind it are the log and its commit policy ({@link OutboxLog}), the
 * cursors ({@link TailerRegistry}, {@link OutboxTailer}), retention ({@link RetentionPlanner} decides,
 * {@link OutboxRetention} applies), the {@link ConfigHistory} and the stats ({@link StatsCollector}).
 *
 * <p>Writing: {@link #append(String, String, byte[])} gives the record the next sequence; when it becomes durable
 * (fsynced) is decided by the {@link CommitPolicy}. Reading: {@link #tailer(String)} gives a named, persistent
 * cursor; tailers see only durable records, in sequence order.
 *
 * <p>Failures: a commit that fails (disk full) throws {@link StoreWriteException}; the file keeps its last good
 * version and the outbox reopens it on the next call. A corrupt file is moved aside on open, never emptied
 * ({@link StoreCorruptException}). A file that silently lost committed records is detected against the
 * {@link HighWaterMark}, kept aside, and the outbox continues after the mark ({@link #dataLoss()}).
 *
 * <p>Thread-safety: all methods are thread-safe. Writes (append, ack, retention, config) are serialised by one
 * lock; reads run concurrently with them. The outbox runs at most one daemon thread (batch flusher, scheduled
 * retention).
 */
public final class Outbox implements AutoCloseable {
    public static final String FILE_NAME = "outbox.mv.db";
    public static final String CLIP_KIND = "clip";
    /** Retention frees down to this fraction of the quota, so it does not run again on the next append. */
    static final double QUOTA_LOW_WATER = RetentionPlanner.QUOTA_LOW_WATER;
    /** Retention rewrites the file when it exceeds this multiple of the quota. */
    static final double FILE_COMPACT_FACTOR = OutboxRetention.FILE_COMPACT_FACTOR;

    private final OutboxLog outboxLog;
    private final RecordReader reader;
    private final TailerRegistry tailers;
    private final OutboxRetention retention;
    private final ConfigHistory configHistory;
    private final String deviceId;

    private Outbox(OutboxLog outboxLog) {
        this.outboxLog = outboxLog;
        this.reader = new RecordReader(outboxLog);
        this.tailers = new TailerRegistry(outboxLog, reader);
        this.retention = new OutboxRetention(outboxLog);
        this.configHistory = new ConfigHistory(outboxLog);
        this.deviceId = outboxLog.read(m -> m.meta().get(StoreMaps.KEY_DEVICE));
    }

    /**
     * Opens (creating if needed) the outbox in {@code config.dataDirectory()}. A read-only open of a store another
     * process (the running agent) has open reads a consistent copy of it ({@link #snapshotOf()}).
     *
     * @throws StoreCorruptException  the file was corrupt or of another format version; it was moved aside
     * @throws StoreLockedException   another process has it open (writable opens only)
     * @throws io.footfall.BadInputException the store belongs to another device, or (read-only) does not exist
     */
    public static Outbox open(OutboxConfig config) {
        return new Outbox(OutboxLog.open(config));
    }

    // ---------------------------------------------------------------- writing

    /** Appends a record created now (store clock). Returns its sequence; see {@link CommitPolicy} for durability. */
    public long append(String kind, String id, byte[] payload) {
        return append(kind, id, config().clock().millis(), payload);
    }

    /**
     * Appends a record with the caller's creation time (e.g. the event time). Kind {@value #CLIP_KIND} must use
     * {@link #appendClip} so the store knows which file to report when the reference is evicted.
     *
     * @return the record's sequence: {@code lastSequence() + 1}
     * @throws StoreWriteException the commit failed; the record is not stored
     */
    public long append(String kind, String id, long createdMillis, byte[] payload) {
        if (CLIP_KIND.equals(kind)) {
            throw new IllegalArgumentException("records of kind 'clip' must be appended with appendClip(...)");
        }
        Objects.requireNonNull(payload, "payload");
        return outboxLog.append(kind, RecordCodec.encode(kind, id, createdMillis, payload), null);
    }

    /**
     * Appends a clip reference: {@code payload} describes the clip, {@code file} is the clip on disk whose
     * {@code fileBytes} count against the quota and which retention reports for deletion.
     */
    public long appendClip(String id, Path file, long fileBytes, byte[] payload) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(payload, "payload");
        if (fileBytes < 0) {
            throw new IllegalArgumentException("clip " + file + ": size must be >= 0, was " + fileBytes);
        }
        long created = config().clock().millis();
        return outboxLog.append(CLIP_KIND, RecordCodec.encode(CLIP_KIND, id, created, payload),
                new ClipReference(0, file.toAbsolutePath(), fileBytes, created));
    }

    /** Commits and fsyncs anything pending. Returns the durable sequence. */
    public long flush() {
        return outboxLog.flush();
    }

    /** Highest sequence that is fsynced: survives a kill or power loss. Never decreases while open. */
    public long durableSequence() {
        return outboxLog.durableSequence();
    }

    /** Highest sequence assigned so far (may not be durable yet under a batch policy). */
    public long lastSequence() {
        return outboxLog.locked(() -> outboxLog.totals().lastSequence());
    }

    public String deviceId() {
        return deviceId;
    }

    public OutboxConfig config() {
        return outboxLog.config();
    }

    public Path file() {
        return config().file();
    }

    // ---------------------------------------------------------------- reading

    /** The record with this sequence, if still stored (durable or not). */
    public Optional<OutboxRecord> get(long sequence) {
        return reader.get(sequence);
    }

    /** Up to {@code max} stored records with sequence in [{@code from}, {@code to}], in order. */
    public List<OutboxRecord> read(long from, long to, int max) {
        return reader.records(from, to, max);
    }

    /** What {@link #forEach} hands each record to; may throw what its caller handles (a writer's IOException). */
    @FunctionalInterface
    public interface RecordVisitor<E extends Exception> {
        void accept(OutboxRecord record) throws E;
    }

    /** Every stored record with sequence {@code from} or later, in order, read a page at a time. */
    public <E extends Exception> void forEach(long from, RecordVisitor<E> visitor) throws E {
        long next = from;
        for (List<OutboxRecord> page; !(page = read(next, Long.MAX_VALUE, 4096)).isEmpty(); ) {
            for (OutboxRecord r : page) {
                visitor.accept(r);
            }
            next = page.get(page.size() - 1).sequence() + 1;
        }
    }

    /**
     * Reads every stored record and checks it, as any read does: a damaged one is reported and recorded as a loss
     * (listed by {@link #dataLoss()}). Seconds per million records. Returns how many damaged records this outbox has
     * found so far.
     */
    public long verify() {
        forEach(1, r -> { });
        return reader.damagedFound();
    }

    /**
     * Committed records this store lost to a damaged file, oldest first; empty when it never lost any. Their
     * sequences are never reused. Losses a read-only outbox found (or a writer could not record) are listed with
     * {@link DataLoss#recovered()} false. Damaged single records are found when read.
     */
    public List<DataLoss> dataLoss() {
        return stats().losses();
    }

    /** When this read-only outbox is a copy of a store in use by another process: when the copy was taken. */
    public Optional<java.time.Instant> snapshotOf() {
        StoreSnapshot s = outboxLog.snapshot();
        return s == null ? Optional.empty() : Optional.of(s.taken());
    }

    // ---------------------------------------------------------------- tailers

    /**
     * The named tailer (delivery destination, e.g. "iothub", "blob"), registering it durably on first use with its
     * cursor before the first stored record. Every registered destination must acknowledge a record before
     * retention may evict it as delivered; {@link #removeTailer} unregisters one that is gone for good.
     */
    public OutboxTailer tailer(String name) {
        return tailers.tailer(name);
    }

    /** Unregisters a destination: its cursor is deleted and no longer holds back retention. */
    public void removeTailer(String name) {
        tailers.remove(name);
    }

    /** Acknowledged sequence per registered destination (persisted values). */
    public Map<String, Long> cursors() {
        return tailers.cursors();
    }

    // ---------------------------------------------------------------- retention

    /**
     * Applies max age and quota in the order {@link RetentionPlanner} documents: delivered records and clips past
     * max age; then, over quota, delivered records, clip references, and last undelivered records (each of the last
     * counted in {@link #dropped()}). Undelivered non-clip records are never removed for age. Commits durably.
     *
     * @return what was removed, including the clip files the caller must now delete
     */
    public RetentionReport enforceRetention() {
        return retention.enforce();
    }

    /**
     * Runs {@link #enforceRetention()} every {@code period} on the outbox's own thread and hands each report that
     * removed something to {@code listener} (which deletes the clip files). Stops on {@link #close()}.
     */
    public ScheduledFuture<?> scheduleRetention(Duration period, Consumer<RetentionReport> listener) {
        return retention.schedule(period, listener);
    }

    /** Undelivered records dropped by retention, per kind, cumulative and persisted. */
    public Map<String, DroppedRange> dropped() {
        return outboxLog.locked(() -> outboxLog.totals().droppedRanges());
    }

    /** Clip files still referenced, oldest first (to reconcile a clip directory after a crash). */
    public List<ClipReference> clipReferences() {
        return reader.clipReferences();
    }

    // ---------------------------------------------------------------- config history, stats, maintenance

    /** The versioned configuration documents kept in this store. */
    public ConfigHistory configHistory() {
        return configHistory;
    }

    /** A consistent snapshot of counts, sequences, cursors, sizes, drop counters and data losses. */
    public OutboxStats stats() {
        return StatsCollector.collect(outboxLog, deviceId, reader.unpersistedLosses());
    }

    /**
     * Shrinks the file to its live data by rewriting it into a new file that replaces the old one atomically.
     * Blocks writers meanwhile (seconds per million records): a maintenance operation, also run by
     * {@code footfall store compact}. Returns the new file size.
     */
    public long compact() {
        return outboxLog.compact();
    }

    /** Commits and fsyncs pending writes, then closes the file cleanly. Idempotent. */
    @Override
    public void close() {
        outboxLog.close();
    }
}

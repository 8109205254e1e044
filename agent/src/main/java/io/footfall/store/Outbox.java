package io.footfall.store;

import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The device's durable outbox: an append-only, per-device sequenced log of records (crossings, zone events,
 * aggregates, clip references) kept in one H2 MVStore file until every delivery destination has acknowledged
 * them, plus per-destination cursors, retention counters and the config history.
 *
 * <p>Writing: {@link #append(String, String, byte[])} gives the record the next sequence; when it becomes durable
 * (fsynced) is decided by the {@link CommitPolicy}. Reading: {@link #tailer(String)} gives a named, persistent
 * cursor; tailers see only durable records, in sequence order.
 *
 * <p>Failures: a commit that fails (disk full) throws {@link StoreWriteException}; the file keeps its last good
 * version and the outbox reopens it on the next call. A corrupt file is moved aside on open, never emptied
 * ({@link StoreCorruptException}).
 *
 * <p>Thread-safety: all methods are thread-safe. Writes (append, ack, retention, config) are serialised by one
 * lock; reads run concurrently with them. With a batch policy the outbox runs one daemon flusher thread.
 */
public final class Outbox implements AutoCloseable {
    public static final String FILE_NAME = "outbox.mv.db";
    public static final String CLIP_KIND = "clip";
    /** Retention frees down to this fraction of the quota, so it does not run again on the next append. */
    static final double QUOTA_LOW_WATER = 0.9;
    /** Retention rewrites the file when it exceeds this multiple of the quota (see shrinkIfFarOverQuota). */
    static final double FILE_COMPACT_FACTOR = 1.5;

    /*
     * MVStore's background housekeeping (rewriting chunks that are mostly dead) only runs with auto-commit, which the
     * outbox turns off; without it the file grows to ~2x its live data under small batches. So every few commits,
     * rewrite a bounded amount of live data out of sparse chunks, then commit and fsync that too.
     */
    static final int HOUSEKEEPING_EVERY_COMMITS = 16;
    static final int HOUSEKEEPING_FILL_RATE = 70;
    static final int HOUSEKEEPING_WRITE_BYTES = 1 << 20;

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final OutboxConfig config;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, OutboxTailer> tailers = new HashMap<>(); // guarded by lock
    private final ScheduledExecutorService scheduler; // null unless a batch policy or scheduled retention needs it

    private volatile StoreMaps maps;
    private volatile long durableSequence;
    private volatile boolean closed;
    private volatile int generation;
    // Guarded by lock:
    private String deviceId;
    private long lastSequence;
    private long liveBytes;
    private long clipBytes;
    private final Map<String, Long> kindCounts = new TreeMap<>();
    private final Map<String, DroppedRange> dropped = new TreeMap<>();
    private int pending;
    private long commits;
    private RuntimeException failure;
    private StoreWriteException backgroundFailure; // a flusher-thread failure not yet reported to a caller
    private ScheduledFuture<?> flushTask;
    private ScheduledExecutorService retentionScheduler; // created by scheduleRetention without a flusher thread

    private Outbox(OutboxConfig config, StoreMaps maps) {
        this.config = config;
        boolean needsThread = config.commitPolicy() instanceof CommitPolicy.Batch && !config.readOnly();
        this.scheduler = needsThread ? newScheduler() : null;
        load(maps);
    }

    /**
     * Opens (creating if needed) the outbox in {@code config.dataDirectory()}.
     *
     * @throws StoreCorruptException  the file was corrupt or of another format version; it was moved aside
     * @throws StoreLockedException   another process has it open
     * @throws io.footfall.BadInputException the store belongs to another device, or (read-only) does not exist
     */
    public static Outbox open(OutboxConfig config) {
        return new Outbox(config, StoreFile.open(config));
    }

    private static ScheduledExecutorService newScheduler() {
        ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "footfall-outbox-flush");
            t.setDaemon(true);
            return t;
        });
        s.setRemoveOnCancelPolicy(true);
        return s;
    }

    private void load(StoreMaps m) {
        deviceId = m.meta().get(StoreMaps.KEY_DEVICE);
        Long lastKey = m.records().lastKey();
        lastSequence = Math.max(m.metaLong(StoreMaps.KEY_LAST_SEQUENCE), lastKey == null ? 0 : lastKey);
        liveBytes = m.metaLong(StoreMaps.KEY_LIVE_BYTES);
        clipBytes = m.metaLong(StoreMaps.KEY_CLIP_BYTES);
        kindCounts.clear();
        kindCounts.putAll(m.kinds());
        dropped.clear();
        m.dropped().forEach((kind, v) -> dropped.put(kind, DroppedRange.decode(kind, v)));
        pending = 0;
        durableSequence = lastSequence;
        maps = m;
        generation++; // tailers re-read their persisted cursor (see OutboxTailer#catchUp)
    }

    // ---------------------------------------------------------------- writing

    /** Appends a record created now (store clock). Returns its sequence; see {@link CommitPolicy} for durability. */
    public long append(String kind, String id, byte[] payload) {
        return append(kind, id, config.clock().millis(), payload);
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
        return write(kind, id, createdMillis, payload, null, 0);
    }

    /**
     * Appends a clip reference: {@code payload} describes the clip, {@code file} is the clip on disk whose
     * {@code fileBytes} count against the quota and which retention reports for deletion.
     */
    public long appendClip(String id, Path file, long fileBytes, byte[] payload) {
        Objects.requireNonNull(file, "file");
        if (fileBytes < 0) {
            throw new IllegalArgumentException("clip " + file + ": size must be >= 0, was " + fileBytes);
        }
        return write(CLIP_KIND, id, config.clock().millis(), payload, file.toAbsolutePath(), fileBytes);
    }

    private long write(String kind, String id, long createdMillis, byte[] payload, Path clip, long clipSize) {
        Objects.requireNonNull(payload, "payload");
        byte[] value = RecordCodec.encode(kind, id, createdMillis, payload);
        lock.lock();
        try {
            StoreMaps m = writable();
            long seq = lastSequence + 1;
            m.records().put(seq, value);
            if (clip != null) {
                m.clips().put(seq, new ClipReference(seq, clip, clipSize, createdMillis).encode());
                clipBytes += clipSize;
            }
            lastSequence = seq;
            liveBytes += RecordCodec.cost(value);
            kindCounts.merge(kind, 1L, Long::sum);
            afterWrite();
            return seq;
        } finally {
            lock.unlock();
        }
    }

    /** Commits and fsyncs anything pending. Returns the durable sequence. */
    public long flush() {
        lock.lock();
        try {
            writable();
            commitDurably();
            return durableSequence;
        } finally {
            lock.unlock();
        }
    }

    /** Highest sequence that is fsynced: survives a kill or power loss. Never decreases while open. */
    public long durableSequence() {
        return durableSequence;
    }

    /** Highest sequence assigned so far (may not be durable yet under a batch policy). */
    public long lastSequence() {
        lock.lock();
        try {
            return lastSequence;
        } finally {
            lock.unlock();
        }
    }

    public String deviceId() {
        return deviceId;
    }

    public OutboxConfig config() {
        return config;
    }

    public Path file() {
        return config.file();
    }

    private void afterWrite() {
        pending++;
        if (!(config.commitPolicy() instanceof CommitPolicy.Batch batch) || pending >= batch.maxRecords()) {
            commitDurably();
        } else if (flushTask == null) {
            flushTask = scheduler.schedule(this::flushInBackground, batch.maxDelay().toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void flushInBackground() {
        lock.lock();
        try {
            flushTask = null;
            if (failure == null && !closed && pending > 0) {
                commitDurably();
            }
        } catch (StoreWriteException e) {
            backgroundFailure = e;
            log.error("outbox background flush failed file={} durableSequence={} error={}",
                    file(), durableSequence, e.getMessage());
        } finally {
            lock.unlock();
        }
    }

    /** Commit, then fsync: MVStore's commit only writes; FileStore.sync() is the fsync (FileChannel.force). */
    private void commitDurably() {
        if (pending == 0) {
            return;
        }
        StoreMaps m = maps;
        try {
            m.meta().put(StoreMaps.KEY_LAST_SEQUENCE, Long.toString(lastSequence));
            m.meta().put(StoreMaps.KEY_LIVE_BYTES, Long.toString(liveBytes));
            m.meta().put(StoreMaps.KEY_CLIP_BYTES, Long.toString(clipBytes));
            m.kinds().putAll(kindCounts);
            for (String gone : new ArrayList<>(m.kinds().keySet())) {
                if (!kindCounts.containsKey(gone)) {
                    m.kinds().remove(gone);
                }
            }
            dropped.forEach((kind, range) -> m.dropped().put(kind, range.encode()));
            m.store().commit();
            m.store().sync();
            if (++commits % HOUSEKEEPING_EVERY_COMMITS == 0 && m.store().compact(HOUSEKEEPING_FILL_RATE,
                    HOUSEKEEPING_WRITE_BYTES)) {
                m.store().commit();
                m.store().sync();
            }
        } catch (MVStoreException | IllegalStateException e) {
            throw fail(e);
        }
        pending = 0;
        durableSequence = lastSequence;
        if (flushTask != null) {
            flushTask.cancel(false);
            flushTask = null;
        }
    }

    private StoreWriteException fail(RuntimeException cause) {
        failure = cause;
        try {
            maps.store().closeImmediately();
        } catch (RuntimeException ignored) {
            // already failed; the file keeps its last good version
        }
        if (flushTask != null) {
            flushTask.cancel(false);
            flushTask = null;
        }
        log.error("outbox write failed file={} durableSequence={} lostSequences={}..{} error={}", file(),
                durableSequence, durableSequence + 1, lastSequence, cause.toString());
        return new StoreWriteException("cannot write outbox store " + file() + " (" + rootMessage(cause)
                + "); records up to sequence " + durableSequence + " are safe, later ones were not stored",
                durableSequence, cause);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == t ? String.valueOf(t.getMessage()) : t.getMessage() + ": " + root;
    }

    /** The maps to write to; reopens the file (its last good version) after a failed write. Caller holds lock. */
    private StoreMaps writable() {
        if (closed) {
            throw new StoreException("outbox " + file() + " is closed");
        }
        if (config.readOnly()) {
            throw new StoreException("outbox " + file() + " was opened read-only");
        }
        if (backgroundFailure != null) {
            // The writer must learn that appends it was given sequences for were lost, before any are reused.
            StoreWriteException e = backgroundFailure;
            backgroundFailure = null;
            throw e;
        }
        if (failure != null) {
            recover();
        }
        return maps;
    }

    private void recover() {
        RuntimeException cause = failure;
        try {
            load(StoreFile.open(config));
        } catch (RuntimeException e) {
            e.addSuppressed(cause);
            throw new StoreException("cannot reopen outbox store " + file() + " after a failed write: "
                    + e.getMessage(), e);
        }
        failure = null;
        log.warn("outbox reopened after failed write file={} lastSequence={}", file(), lastSequence);
    }

    private StoreMaps readable() {
        if (closed) {
            throw new StoreException("outbox " + file() + " is closed");
        }
        if (failure != null) {
            lock.lock();
            try {
                if (failure != null) {
                    recover();
                }
            } finally {
                lock.unlock();
            }
        }
        return maps;
    }

    // ---------------------------------------------------------------- reading

    /** The record with this sequence, if still stored (durable or not). */
    public Optional<OutboxRecord> get(long sequence) {
        byte[] v = reading(m -> m.records().get(sequence));
        return v == null ? Optional.empty() : Optional.of(RecordCodec.decode(sequence, v));
    }

    /** Up to {@code max} stored records with sequence in [{@code from}, {@code to}], in order. */
    public List<OutboxRecord> read(long from, long to, int max) {
        return reading(m -> {
            List<OutboxRecord> out = new ArrayList<>(Math.min(max, 1024));
            Cursor<Long, byte[]> c = m.records().cursor(Math.max(from, 1));
            while (out.size() < max && c.hasNext()) {
                long seq = c.next();
                if (seq > to) {
                    break;
                }
                out.add(RecordCodec.decode(seq, c.getValue()));
            }
            return out;
        });
    }

    /**
     * Runs a read against the current maps. Reads take no lock, so one can race {@link #compact()} or a recovery
     * swapping the file; then it is retried once under the lock, otherwise reported as a StoreException.
     */
    private <T> T reading(Function<StoreMaps, T> read) {
        int before = generation;
        try {
            return read.apply(readable());
        } catch (MVStoreException | IllegalStateException e) {
            lock.lock();
            try {
                if (generation != before || failure != null) {
                    return read.apply(readable());
                }
            } finally {
                lock.unlock();
            }
            throw new StoreException("cannot read outbox store " + file() + ": " + e.getMessage(), e);
        }
    }

    /** Durable records after {@code afterSequence}, in order (what tailers read). */
    List<OutboxRecord> readDurable(long afterSequence, int max) {
        return read(afterSequence + 1, durableSequence, max);
    }

    // ---------------------------------------------------------------- tailers

    /**
     * The named tailer (delivery destination, e.g. "iothub", "blob"), registering it durably on first use with its
     * cursor before the first stored record. Every registered destination must acknowledge a record before
     * retention may evict it as delivered; {@link #removeTailer} unregisters one that is gone for good.
     */
    public OutboxTailer tailer(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("tailer name must not be blank");
        }
        lock.lock();
        try {
            OutboxTailer t = tailers.get(name);
            if (t != null) {
                return t;
            }
            if (!readable().cursors().containsKey(name)) {
                writable().cursors().put(name, 0L);
                pending++;
                commitDurably();
            }
            t = new OutboxTailer(this, name);
            tailers.put(name, t);
            return t;
        } finally {
            lock.unlock();
        }
    }

    /** Unregisters a destination: its cursor is deleted and no longer holds back retention. */
    public void removeTailer(String name) {
        lock.lock();
        try {
            StoreMaps m = writable();
            tailers.remove(name);
            if (m.cursors().remove(name) != null) {
                pending++;
                commitDurably();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Acknowledged sequence per registered destination (persisted values). */
    public Map<String, Long> cursors() {
        return reading(m -> new TreeMap<>(m.cursors()));
    }

    /** Incremented each time the file is (re)opened; in-memory tailer positions from before are stale. */
    int generation() {
        return generation;
    }

    long persistedAck(String name) {
        Long acked = reading(m -> m.cursors().get(name));
        return acked == null ? 0 : acked;
    }

    void storeAck(String name, long sequence) {
        lock.lock();
        try {
            StoreMaps m = writable();
            if (sequence > durableSequence) {
                throw new IllegalArgumentException("tailer '" + name + "' cannot acknowledge sequence " + sequence
                        + ": only up to " + durableSequence + " is durable");
            }
            Long previous = m.cursors().get(name);
            if (previous == null) {
                throw new IllegalStateException("tailer '" + name + "' was removed");
            }
            if (sequence > previous) {
                m.cursors().put(name, sequence);
                afterWrite();
            }
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- retention

    /**
     * Applies max age and quota, oldest first by sequence:
     * <ol>
     *   <li>records every destination has acknowledged and that are older than max age;</li>
     *   <li>clip references older than max age (delivered or not);</li>
     *   <li>if live bytes (records + clip files) exceed the quota, down to 90% of it: delivered records, then
     *       clip references, then undelivered records — each of the last counted in {@link #dropped()}.</li>
     * </ol>
     * Undelivered non-clip records are never removed for age, only for the quota. Commits durably.
     *
     * @return what was removed, including the clip files the caller must now delete
     */
    public RetentionReport enforceRetention() {
        lock.lock();
        try {
            StoreMaps m = writable();
            long now = config.clock().millis();
            long cutoff = now - config.maxAge().toMillis();
            long delivered = deliveredUpTo(m);
            Eviction ev = new Eviction(m, delivered, now);
            long before = usage();

            ev.evictRecords(delivered, cutoff, () -> true);
            ev.evictClips(cutoff, () -> true);
            long target = (long) (config.quotaBytes() * QUOTA_LOW_WATER);
            if (usage() > config.quotaBytes()) {
                BooleanSupplier overTarget = () -> usage() > target;
                ev.evictRecords(delivered, Long.MAX_VALUE, overTarget);
                ev.evictClips(Long.MAX_VALUE, overTarget);
                ev.evictRecords(Long.MAX_VALUE, Long.MAX_VALUE, overTarget);
            }
            if (ev.touched()) {
                pending++;
                commitDurably();
                log.info("outbox retention deliveredEvicted={} dropped={} clips={} usageBefore={} usageAfter={} quota={}",
                        ev.deliveredEvicted, ev.droppedNow, ev.clipFiles.size(), before, usage(),
                        config.quotaBytes());
            }
            long fileSize = shrinkIfFarOverQuota(m.store().getFileStore().size());
            return new RetentionReport(ev.clipFiles, ev.deliveredEvicted, ev.droppedNow, before, usage(),
                    config.quotaBytes(), fileSize);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Live bytes stay under the quota, but the file keeps the space it once used (MVStore reuses it only after its
     * 45 s dead-chunk retention), so an offline burst can leave it far larger. Past {@value #FILE_COMPACT_FACTOR} x
     * the quota, rewrite it; that needs free disk for the live data, and failing is not an error for retention.
     */
    private long shrinkIfFarOverQuota(long fileSize) {
        if (fileSize + clipBytes <= config.quotaBytes() * FILE_COMPACT_FACTOR) {
            return fileSize;
        }
        try {
            long after = compact();
            log.info("outbox file compacted file={} before={} after={} quota={}", file(), fileSize, after,
                    config.quotaBytes());
            return after;
        } catch (StoreException e) {
            log.warn("outbox file over quota and compaction failed file={} size={} quota={} error={}", file(),
                    fileSize, config.quotaBytes(), e.getMessage());
            return fileSize;
        }
    }

    /**
     * Runs {@link #enforceRetention()} every {@code period} on the outbox's own thread and hands each report that
     * removed something to {@code listener} (which deletes the clip files). Stops on {@link #close()}.
     */
    public ScheduledFuture<?> scheduleRetention(Duration period, Consumer<RetentionReport> listener) {
        ScheduledExecutorService s = scheduler != null ? scheduler : ownScheduler();
        long nanos = period.toNanos();
        return s.scheduleWithFixedDelay(() -> {
            try {
                RetentionReport r = enforceRetention();
                if (!r.clipFilesToDelete().isEmpty() || r.deliveredEvicted() > 0 || r.droppedTotal() > 0) {
                    listener.accept(r);
                }
            } catch (RuntimeException e) {
                log.error("outbox scheduled retention failed file={} error={}", file(), e.toString());
            }
        }, nanos, nanos, TimeUnit.NANOSECONDS);
    }

    private ScheduledExecutorService ownScheduler() {
        lock.lock();
        try {
            if (retentionScheduler == null) {
                retentionScheduler = newScheduler();
            }
            return retentionScheduler;
        } finally {
            lock.unlock();
        }
    }

    /** Undelivered records dropped by retention, per kind, cumulative and persisted. */
    public Map<String, DroppedRange> dropped() {
        lock.lock();
        try {
            return Map.copyOf(dropped);
        } finally {
            lock.unlock();
        }
    }

    /** Clip files still referenced, oldest first (to reconcile a clip directory after a crash). */
    public List<ClipReference> clipReferences() {
        return reading(m -> {
            List<ClipReference> out = new ArrayList<>();
            m.clips().forEach((seq, v) -> out.add(ClipReference.decode(seq, v)));
            return out;
        });
    }

    private long usage() {
        return liveBytes + clipBytes;
    }

    /** Highest sequence every registered destination has acknowledged; 0 when none is registered. */
    private static long deliveredUpTo(StoreMaps m) {
        long min = Long.MAX_VALUE;
        for (Long acked : m.cursors().values()) {
            min = Math.min(min, acked);
        }
        return min == Long.MAX_VALUE ? 0 : min;
    }

    /** One retention run's removals. Used under the outbox lock only. */
    private final class Eviction {
        private final StoreMaps m;
        private final long delivered;
        private final long now;
        final List<Path> clipFiles = new ArrayList<>();
        final Map<String, Long> droppedNow = new TreeMap<>();
        long deliveredEvicted;

        Eviction(StoreMaps m, long delivered, long now) {
            this.m = m;
            this.delivered = delivered;
            this.now = now;
        }

        boolean touched() {
            return deliveredEvicted > 0 || !droppedNow.isEmpty() || !clipFiles.isEmpty();
        }

        /** Evicts records oldest first while sequence <= maxSequence, created < createdBefore and {@code more}. */
        void evictRecords(long maxSequence, long createdBefore, BooleanSupplier more) {
            Long seq = m.records().firstKey();
            while (seq != null && seq <= maxSequence && more.getAsBoolean()) {
                byte[] v = m.records().get(seq);
                if (RecordCodec.createdMillis(seq, v) >= createdBefore) {
                    return;
                }
                evict(seq, v);
                seq = m.records().higherKey(seq);
            }
        }

        /** Evicts clip references oldest first while created < createdBefore and {@code more}. */
        void evictClips(long createdBefore, BooleanSupplier more) {
            Long seq = m.clips().firstKey();
            while (seq != null && more.getAsBoolean()) {
                if (ClipReference.decode(seq, m.clips().get(seq)).createdMillis() >= createdBefore) {
                    return;
                }
                evict(seq, m.records().get(seq));
                seq = m.clips().higherKey(seq);
            }
        }

        private void evict(long seq, byte[] value) {
            String kind = RecordCodec.kind(seq, value);
            m.records().remove(seq);
            liveBytes -= RecordCodec.cost(value);
            kindCounts.computeIfPresent(kind, (k, n) -> n > 1 ? n - 1 : null);
            String clip = m.clips().remove(seq);
            if (clip != null) {
                ClipReference ref = ClipReference.decode(seq, clip);
                clipBytes -= ref.bytes();
                clipFiles.add(ref.file());
            }
            if (seq <= delivered) {
                deliveredEvicted++;
            } else {
                droppedNow.merge(kind, 1L, Long::sum);
                dropped.merge(kind, DroppedRange.none(kind).plus(seq, now), (old, one) -> old.plus(seq, now));
            }
        }
    }

    // ---------------------------------------------------------------- config history

    /** The versioned configuration documents kept in this store. */
    public ConfigHistory configHistory() {
        return new ConfigHistory(this);
    }

    long saveConfig(byte[] document) {
        lock.lock();
        try {
            StoreMaps m = writable();
            Long last = m.config().lastKey();
            long version = last == null ? 1 : last + 1;
            ByteBuffer b = ByteBuffer.allocate(Long.BYTES + document.length);
            b.putLong(config.clock().millis()).put(document);
            m.config().put(version, b.array());
            pending++;
            commitDurably();
            return version;
        } finally {
            lock.unlock();
        }
    }

    List<ConfigVersion> configVersions(long from) {
        return reading(m -> {
            List<ConfigVersion> out = new ArrayList<>();
            Cursor<Long, byte[]> c = m.config().cursor(from);
            while (c.hasNext()) {
                long version = c.next();
                ByteBuffer b = ByteBuffer.wrap(c.getValue());
                long saved = b.getLong();
                byte[] doc = new byte[b.remaining()];
                b.get(doc);
                out.add(new ConfigVersion(version, saved, doc));
            }
            return out;
        });
    }

    Long lastConfigVersion() {
        return reading(m -> m.config().lastKey());
    }

    // ---------------------------------------------------------------- maintenance

    /** A consistent snapshot of counts, sequences, cursors, sizes and drop counters. */
    public OutboxStats stats() {
        lock.lock();
        try {
            StoreMaps m = readable();
            Long first = m.records().firstKey();
            return new OutboxStats(file(), deviceId, StoreFile.FORMAT_VERSION, m.store().getFileStore().size(),
                    liveBytes, clipBytes, config.quotaBytes(), m.records().sizeAsLong(), kindCounts,
                    first == null ? 0 : first, lastSequence, durableSequence, new LinkedHashMap<>(m.cursors()),
                    dropped, m.config().size());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Shrinks the file to its live data by rewriting it into a new file that replaces the old one atomically.
     * Blocks writers meanwhile (seconds per million records): a maintenance operation, also run by
     * {@code footfall store compact}. Returns the new file size.
     */
    public long compact() {
        lock.lock();
        try {
            StoreMaps m = writable();
            pending++;
            commitDurably();
            m.store().close();
            try {
                return StoreFile.rewrite(config);
            } finally {
                load(StoreFile.open(config));
            }
        } finally {
            lock.unlock();
        }
    }

    /** Commits and fsyncs pending writes, then closes the file cleanly. Idempotent. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            try {
                if (failure == null && !config.readOnly()) {
                    commitDurably();
                }
            } finally {
                closed = true;
                if (flushTask != null) {
                    flushTask.cancel(false);
                }
                if (scheduler != null) {
                    scheduler.shutdownNow();
                }
                if (retentionScheduler != null) {
                    retentionScheduler.shutdownNow();
                }
                if (failure == null) {
                    maps.store().close();
                }
            }
        } finally {
            lock.unlock();
        }
    }
}

package io.footfall.store;

import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.FileStore;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The sequenced log under the {@link Outbox}: owns the open store file, hands out sequences, and commits and
 * fsyncs as its {@link CommitPolicy} says. A failed commit (disk full) closes the file at its last good version and
 * the next call reopens it ({@link StoreWriteException} tells the writer which sequences were lost). Every other
 * part (tailers, retention, config history, stats) reads and writes the maps through {@link #read} and
 * {@link #write}, so locking, recovery and durability live here only.
 *
 * <p>Thread-safe: writes are serialised by one lock; reads take none and are retried once if they race a reopen.
 */
final class OutboxLog implements AutoCloseable {
    /*
     * MVStore's background housekeeping (rewriting chunks that are mostly dead) only runs with auto-commit, which the
     * outbox turns off; without it the file grows to ~2x its live data under small batches. So every few commits,
     * rewrite a bounded amount of live data out of sparse chunks, then commit and fsync that too.
     */
    static final int HOUSEKEEPING_EVERY_COMMITS = 16;
    static final int HOUSEKEEPING_FILL_RATE = 70;
    static final int HOUSEKEEPING_WRITE_BYTES = 1 << 20;

    /** When a change becomes durable. */
    enum Commit {
        /** As the commit policy says (appends, acks). */
        POLICY,
        /** Before {@link #write} returns (registration, config, retention). */
        NOW,
        /** Not at all: a read that needs the write lock and recovered maps (retention planning). */
        NONE
    }

    private static final Logger log = LoggerFactory.getLogger(OutboxLog.class);

    private final OutboxConfig config;
    private final ReentrantLock lock = new ReentrantLock();
    private final OutboxThreads threads;
    private final StoreSnapshot snapshot; // non-null when reading a copy of a store another process has open
    private final LogTotals totals = new LogTotals(); // guarded by lock
    private final HighWaterMark mark; // null when read-only
    private final DataLoss unrecoveredLoss; // read-only: the store is behind its high-water mark
    private final FileStore fileSystem; // of the data directory, for the free-space check before each commit

    private volatile StoreMaps maps;
    private volatile long durableSequence;
    private volatile boolean closed;
    private volatile int generation;
    // Guarded by lock:
    private int pending;
    private long commits;
    private RuntimeException failure;
    private StoreWriteException backgroundFailure; // a flusher-thread failure not yet reported to a caller
    private ScheduledFuture<?> flushTask;
    /** Frees disk space before a commit when the filesystem is nearly full (see {@link OutboxRetention}). */
    private volatile BiConsumer<StoreMaps, LogTotals> lowSpace = (m, t) -> { };

    private OutboxLog(OutboxConfig config, LogOpener.Opened opened) {
        this.config = config;
        this.snapshot = opened.snapshot();
        this.mark = opened.mark();
        this.unrecoveredLoss = opened.unrecoveredLoss();
        this.threads = new OutboxThreads();
        this.fileSystem = DiskSpace.fileStoreOf(config.dataDirectory());
        load(opened.maps());
    }

    /** Opens the store file; a read-only open of a store in use reads a consistent copy of it instead. */
    static OutboxLog open(OutboxConfig config) {
        return new OutboxLog(config, LogOpener.open(config));
    }

    private void load(StoreMaps m) {
        totals.load(m);
        pending = 0;
        durableSequence = totals.lastSequence();
        maps = m;
        generation++; // tailers re-read their persisted cursor (see OutboxTailer#catchUp)
    }

    void onLowSpace(BiConsumer<StoreMaps, LogTotals> handler) {
        lowSpace = handler;
    }

    OutboxConfig config() {
        return config;
    }

    OutboxThreads threads() {
        return threads;
    }

    /** Non-null when this is a read-only view of a copy of a store another process (the agent) has open. */
    StoreSnapshot snapshot() {
        return snapshot;
    }

    /** The high-water mark this store is behind (read-only opens only; a writer recovers at open). */
    DataLoss unrecoveredLoss() {
        return unrecoveredLoss;
    }

    long highWaterMark() {
        return mark != null ? Math.max(mark.value(), durableSequence)
                : Math.max(durableSequence, unrecoveredLoss == null ? 0 : unrecoveredLoss.lastSequence());
    }

    // ---------------------------------------------------------------- writing

    /** Appends one record (and its clip file reference, when {@code clip} is not null) and returns its sequence. */
    long append(String kind, byte[] value, ClipReference clip) {
        return write(Commit.POLICY, (m, t) -> {
            long seq = t.nextSequence();
            m.records().put(seq, value);
            long clipBytes = 0;
            if (clip != null) {
                ClipReference ref = new ClipReference(seq, clip.file(), clip.bytes(), clip.createdMillis());
                m.clips().put(seq, ref.encode());
                clipBytes = ref.bytes();
            }
            t.appended(seq, kind, RecordCodec.cost(value), clipBytes);
            return seq;
        });
    }

    /** Applies {@code change} to writable maps under the write lock, then makes it durable as {@code commit} says. */
    <T> T write(Commit commit, BiFunction<StoreMaps, LogTotals, T> change) {
        lock.lock();
        try {
            T result = change.apply(writable(), totals);
            if (commit == Commit.NONE) {
                return result;
            }
            pending++;
            if (commit == Commit.NOW || !(config.commitPolicy() instanceof CommitPolicy.Batch batch)
                    || pending >= batch.maxRecords()) {
                commitDurably();
            } else if (flushTask == null) {
                flushTask = threads.schedule(this::flushInBackground, batch.maxDelay().toNanos());
            }
            return result;
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code action} holding the write lock (it may call {@link #write}, which re-enters). */
    <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    /** Commits and fsyncs anything pending. Returns the durable sequence. */
    long flush() {
        lock.lock();
        try {
            writable();
            commitDurably();
            return durableSequence;
        } finally {
            lock.unlock();
        }
    }

    /** Highest sequence that is fsynced. Never decreases while open. */
    long durableSequence() {
        return durableSequence;
    }

    /** Totals, for callers holding the lock (via {@link #locked} or inside {@link #write}). */
    LogTotals totals() {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("outbox totals read without the lock");
        }
        return totals;
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
            log.error("event=outbox_background_flush_failed file={} durableSequence={} error=\"{}\"",
                    config.file(), durableSequence, e.getMessage());
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
            if (DiskSpace.usable(fileSystem) < DiskSpace.COMMIT_HEADROOM_BYTES) {
                lowSpace.accept(m, totals);
            }
            totals.persist(m);
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
        durableSequence = totals.lastSequence();
        mark.advance(durableSequence);
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
        log.error("event=outbox_write_failed file={} durableSequence={} lostSequences={}..{} error=\"{}\"",
                config.file(), durableSequence, durableSequence + 1, totals.lastSequence(), DiskSpace.rootMessage(cause));
        return new StoreWriteException("cannot write outbox store " + config.file() + " (" + DiskSpace.rootMessage(cause)
                + "); records up to sequence " + durableSequence + " are safe, later ones were not stored",
                durableSequence, cause);
    }

    /** The maps to write to; reopens the file (its last good version) after a failed write. Caller holds lock. */
    private StoreMaps writable() {
        if (closed) {
            throw new StoreException("outbox " + config.file() + " is closed");
        }
        if (config.readOnly()) {
            throw new StoreException("outbox " + config.file() + " was opened read-only");
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
            throw new StoreException("cannot reopen outbox store " + config.file() + " after a failed write: "
                    + e.getMessage(), e);
        }
        failure = null;
        log.warn("event=outbox_reopened file={} lastSequence={}", config.file(), totals.lastSequence());
    }

    private StoreMaps readable() {
        if (closed) {
            throw new StoreException("outbox " + config.file() + " is closed");
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

    /**
     * Runs a read against the current maps. Reads take no lock, so one can race {@link #compact()} or a recovery
     * swapping the file; then it is retried once under the lock, otherwise reported as a StoreException.
     */
    <T> T read(Function<StoreMaps, T> read) {
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
            throw new StoreException("cannot read outbox store " + config.file() + ": " + e.getMessage(), e);
        }
    }

    /** Incremented each time the file is (re)opened; in-memory positions from before are stale. */
    int generation() {
        return generation;
    }

    // ---------------------------------------------------------------- maintenance

    /**
     * Shrinks the file to its live data by rewriting it into a new file that replaces the old one atomically.
     * Blocks writers meanwhile. Returns the new file size.
     */
    long compact() {
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

    long fileSize() {
        return read(m -> m.store().getFileStore().size());
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
                threads.close();
                if (failure == null) {
                    maps.store().close();
                }
                if (mark != null) {
                    mark.close();
                }
                if (snapshot != null) {
                    snapshot.close();
                }
            }
        } finally {
            lock.unlock();
        }
    }
}

package io.footfall.store;

import java.util.List;

/**
 * A named, persistent read cursor over the {@link Outbox} (Chronicle's "tailer"): one per delivery destination.
 * {@link #poll(int)} returns the next durable records in sequence order and advances the read position in memory;
 * {@link #ack(long)} persists "everything up to here was delivered". After a restart reading resumes after the last
 * acknowledged sequence, so unacknowledged records are delivered again (at-least-once; the record ids let the
 * receiver drop duplicates). {@link #rewind()} does the same without a restart, e.g. after a failed send.
 *
 * <p>Thread-safe (methods are synchronized), but meant for one consumer thread; obtain it from
 * {@link Outbox#tailer(String)}, which returns the same instance for the same name.
 */
public final class OutboxTailer {
    private final TailerRegistry registry;
    private final String name;
    private long position;
    private long acknowledged;
    private int generation = -1;

    OutboxTailer(TailerRegistry registry, String name) {
        this.registry = registry;
        this.name = name;
        catchUp();
    }

    /**
     * Re-reads the persisted cursor when the outbox has (re)opened its file since we last looked: after a failed
     * write lost acknowledgements that were not yet durable, reading restarts there (a compaction changes nothing).
     * Polled rather than pushed so the outbox never calls into a tailer while holding its lock (no lock-order cycle).
     */
    private void catchUp() {
        int g = registry.generation();
        if (g != generation) {
            generation = g;
            long persisted = registry.persistedAck(name);
            if (persisted != acknowledged) { // acks were lost with a failed write: resume from what is on disk
                acknowledged = persisted;
                position = persisted;
            }
        }
    }

    public String name() {
        return name;
    }

    /** Up to {@code max} durable records after the read position, in order; empty when caught up. */
    public synchronized List<OutboxRecord> poll(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("poll max must be >= 1, was " + max);
        }
        catchUp();
        List<OutboxRecord> batch = registry.readDurable(position, max);
        if (!batch.isEmpty()) {
            position = batch.get(batch.size() - 1).sequence();
        }
        return batch;
    }

    /**
     * Marks every record up to {@code sequence} delivered, persisted per the outbox's {@link CommitPolicy}.
     * Acknowledging a lower sequence than before is a no-op.
     */
    public synchronized void ack(long sequence) {
        catchUp();
        if (sequence <= acknowledged) {
            return;
        }
        registry.storeAck(name, sequence);
        acknowledged = sequence;
        position = Math.max(position, sequence);
    }

    /** Moves the read position back to the last acknowledged sequence (redeliver what was not acknowledged). */
    public synchronized void rewind() {
        catchUp();
        position = acknowledged;
    }

    /** Last sequence polled. */
    public synchronized long position() {
        return position;
    }

    /** Last sequence acknowledged. */
    public synchronized long acknowledged() {
        return acknowledged;
    }

    /** Durable records not yet acknowledged (an upper bound: evicted sequences are counted too). */
    public synchronized long lag() {
        return Math.max(0, registry.durableSequence() - acknowledged);
    }
}

package io.footfall.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The delivery destinations and their persisted cursors ("acknowledged up to sequence N"). Every registered
 * destination must acknowledge a record before retention may evict it as delivered. Hands out one
 * {@link OutboxTailer} per name. Thread-safe.
 */
final class TailerRegistry {
    private final OutboxLog outboxLog;
    private final RecordReader reader;
    private final Map<String, OutboxTailer> tailers = new HashMap<>(); // guarded by the log's lock

    TailerRegistry(OutboxLog outboxLog, RecordReader reader) {
        this.outboxLog = outboxLog;
        this.reader = reader;
    }

    /** See {@link Outbox#tailer(String)}. */
    OutboxTailer tailer(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("tailer name must not be blank");
        }
        return outboxLog.locked(() -> {
            OutboxTailer t = tailers.get(name);
            if (t != null) {
                return t;
            }
            if (!outboxLog.read(m -> m.cursors().containsKey(name))) {
                outboxLog.write(OutboxLog.Commit.NOW, (m, totals) -> m.cursors().put(name, 0L));
            }
            t = new OutboxTailer(this, name);
            tailers.put(name, t);
            return t;
        });
    }

    /** See {@link Outbox#removeTailer(String)}. */
    void remove(String name) {
        outboxLog.locked(() -> {
            tailers.remove(name);
            if (outboxLog.read(m -> m.cursors().containsKey(name))) {
                outboxLog.write(OutboxLog.Commit.NOW, (m, totals) -> m.cursors().remove(name));
            }
            return null;
        });
    }

    /** Acknowledged sequence per registered destination (persisted values). */
    Map<String, Long> cursors() {
        return outboxLog.read(m -> new TreeMap<>(m.cursors()));
    }

    long persistedAck(String name) {
        Long acked = outboxLog.read(m -> m.cursors().get(name));
        return acked == null ? 0 : acked;
    }

    /** Persists {@code name}'s acknowledgement (durable per the commit policy). */
    void storeAck(String name, long sequence) {
        outboxLog.locked(() -> {
            long durable = outboxLog.durableSequence();
            if (sequence > durable) {
                throw new IllegalArgumentException("tailer '" + name + "' cannot acknowledge sequence " + sequence
                        + ": only up to " + durable + " is durable");
            }
            return outboxLog.write(OutboxLog.Commit.POLICY, (m, totals) -> {
                Long previous = m.cursors().get(name);
                if (previous == null) {
                    throw new IllegalStateException("tailer '" + name + "' was removed");
                }
                if (sequence > previous) {
                    m.cursors().put(name, sequence);
                }
                return null;
            });
        });
    }

    /** Durable records after {@code afterSequence}, in order (what tailers read). */
    List<OutboxRecord> readDurable(long afterSequence, int max) {
        return reader.records(afterSequence + 1, outboxLog.durableSequence(), max);
    }

    int generation() {
        return outboxLog.generation();
    }

    long durableSequence() {
        return outboxLog.durableSequence();
    }
}

package io.footfall.store;

import java.time.Duration;
import java.util.Objects;

/**
 * When the {@link Outbox} makes appended records durable (MVStore commit followed by {@code fsync}).
 * MVStore's own auto-commit is always disabled; this policy is the only thing that commits.
 *
 * <ul>
 *   <li>{@link #always()}: every {@code append}/{@code ack} commits and fsyncs before it returns, so a record is
 *       durable once {@code append} returns. Costs one fsync per call (a few hundred per second on SSD/eMMC).</li>
 *   <li>{@link #batch(int, Duration)}: {@code append} returns as soon as the record is in the store's memory;
 *       the batch is committed and fsynced when it reaches {@code maxRecords} (in the calling thread, before that
 *       {@code append} returns), when {@code maxDelay} has passed since the oldest uncommitted change (on the
 *       outbox's flusher thread), or on {@link Outbox#flush()} / {@link Outbox#close()}. A kill loses at most the
 *       records after {@link Outbox#durableSequence()}; the caller learns what is durable from that watermark or from
 *       the value {@code flush()} returns. Tailers only ever see durable records. If a background commit fails, the next
 *       write call throws {@link StoreWriteException} naming the last durable sequence.</li>
 * </ul>
 * Immutable; thread-safe.
 */
public sealed interface CommitPolicy {

    /** Commit and fsync on every write. */
    static CommitPolicy always() {
        return Always.INSTANCE;
    }

    /** Commit and fsync every {@code maxRecords} writes or {@code maxDelay} after the first uncommitted one. */
    static CommitPolicy batch(int maxRecords, Duration maxDelay) {
        return new Batch(maxRecords, maxDelay);
    }

    /** Parses {@code always} or {@code batch:<records>:<millis>} (for options and benchmarks). */
    static CommitPolicy parse(String text) {
        if ("always".equals(text)) {
            return always();
        }
        String[] parts = text.split(":");
        if (parts.length == 3 && parts[0].equals("batch")) {
            try {
                return batch(Integer.parseInt(parts[1]), Duration.ofMillis(Long.parseLong(parts[2])));
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
        }
        throw new IllegalArgumentException("commit policy '" + text + "': expected 'always' or 'batch:<records>:<millis>'");
    }

    /** See {@link CommitPolicy#always()}. */
    enum Always implements CommitPolicy {
        INSTANCE;

        @Override
        public String toString() {
            return "always";
        }
    }

    /** See {@link CommitPolicy#batch(int, Duration)}. */
    record Batch(int maxRecords, Duration maxDelay) implements CommitPolicy {
        public Batch {
            Objects.requireNonNull(maxDelay, "maxDelay");
            if (maxRecords < 1) {
                throw new IllegalArgumentException("batch maxRecords must be >= 1, was " + maxRecords);
            }
            if (maxDelay.isNegative() || maxDelay.isZero()) {
                throw new IllegalArgumentException("batch maxDelay must be > 0, was " + maxDelay);
            }
        }

        @Override
        public String toString() {
            return "batch:" + maxRecords + ":" + maxDelay.toMillis();
        }
    }
}

package io.footfall.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Decides what retention removes, from a description of the store alone (no MVStore): a pure function of the
 * records' metadata, the quota, the max age, the destinations' acknowledgements and the time. Order, oldest first
 * by sequence within each step:
 * <ol>
 *   <li>records every destination has acknowledged and that are older than max age;</li>
 *   <li>clip references older than max age (delivered or not);</li>
 *   <li>if usage (records + clip files) exceeds the quota, down to {@value #QUOTA_LOW_WATER} of it: records every
 *       destination acknowledged (already uploaded, so nothing is lost), then clip references, then undelivered
 *       records (counted as dropped).</li>
 * </ol>
 * Undelivered non-clip records are never removed for age, only for the quota. Stateless; thread-safe.
 */
final class RetentionPlanner {
    /** Retention frees down to this fraction of the quota, so it does not run again on the next append. */
    static final double QUOTA_LOW_WATER = 0.9;

    /**
     * One stored record as retention sees it.
     *
     * @param costBytes what the record counts against the quota (key + value bytes)
     * @param clip      the clip file it references, or null
     */
    record Item(long sequence, String kind, long createdMillis, long costBytes, ClipReference clip) {
        long usageBytes() {
            return costBytes + (clip == null ? 0 : clip.bytes());
        }
    }

    /**
     * What the planner decides from. {@code records} are every stored record and {@code clips} the clip records
     * alone, each in sequence order; both are read lazily and only as far as needed.
     */
    record Input(Iterable<Item> records, Iterable<Item> clips, long usageBytes, long quotaBytes, Duration maxAge,
                 Map<String, Long> acknowledged, long nowMillis) {
        Input {
            Objects.requireNonNull(records, "records");
            Objects.requireNonNull(clips, "clips");
            acknowledged = Map.copyOf(acknowledged);
        }
    }

    /** One removal; {@code delivered} when every destination had acknowledged it, else it is a drop. */
    record Eviction(Item item, boolean delivered) {
    }

    /** The removals in the order they were decided, and the usage they leave. */
    record Plan(List<Eviction> evictions, long usageBytesBefore, long usageBytesAfter) {
        Plan {
            evictions = List.copyOf(evictions);
        }

        boolean isEmpty() {
            return evictions.isEmpty();
        }

        List<Path> clipFiles() {
            return evictions.stream().filter(e -> e.item().clip() != null).map(e -> e.item().clip().file()).toList();
        }
    }

    private RetentionPlanner() {
    }

    /** Highest sequence every destination has acknowledged; 0 when none is registered (nothing is delivered). */
    static long deliveredUpTo(Map<String, Long> acknowledged) {
        return acknowledged.values().stream().mapToLong(Long::longValue).min().orElse(0);
    }

    static Plan plan(Input in) {
        long delivered = deliveredUpTo(in.acknowledged());
        long cutoff = in.nowMillis() - in.maxAge().toMillis();
        Run run = new Run(in.usageBytes(), delivered);
        run.records(in.records(), delivered, cutoff, () -> true);
        run.clips(in.clips(), cutoff, () -> true);
        if (run.usage > in.quotaBytes()) {
            long target = (long) (in.quotaBytes() * QUOTA_LOW_WATER);
            BooleanSupplier overTarget = () -> run.usage > target;
            run.records(in.records(), delivered, Long.MAX_VALUE, overTarget);
            run.clips(in.clips(), Long.MAX_VALUE, overTarget);
            run.records(in.records(), Long.MAX_VALUE, Long.MAX_VALUE, overTarget);
        }
        return new Plan(run.evictions, in.usageBytes(), run.usage);
    }

    /** One planning pass's state. */
    private static final class Run {
        private final long delivered;
        private final List<Eviction> evictions = new ArrayList<>();
        private final Set<Long> gone = new HashSet<>();
        private long usage;

        Run(long usage, long delivered) {
            this.usage = usage;
            this.delivered = delivered;
        }

        /** Evicts records oldest first while sequence <= maxSequence, created < createdBefore and {@code more}. */
        void records(Iterable<Item> records, long maxSequence, long createdBefore, BooleanSupplier more) {
            for (Item item : records) {
                if (gone.contains(item.sequence())) {
                    continue;
                }
                if (item.sequence() > maxSequence || !more.getAsBoolean() || item.createdMillis() >= createdBefore) {
                    return;
                }
                evict(item);
            }
        }

        /** Evicts clip references oldest first while created < createdBefore and {@code more}. */
        void clips(Iterable<Item> clips, long createdBefore, BooleanSupplier more) {
            for (Item item : clips) {
                if (gone.contains(item.sequence())) {
                    continue;
                }
                if (!more.getAsBoolean() || item.createdMillis() >= createdBefore) {
                    return;
                }
                evict(item);
            }
        }

        private void evict(Item item) {
            gone.add(item.sequence());
            usage -= item.usageBytes();
            evictions.add(new Eviction(item, item.sequence() <= delivered));
        }
    }
}

package io.footfall.store;

import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outbox's running totals: last assigned sequence, live bytes, referenced clip bytes, records per kind and what
 * retention dropped undelivered. Kept in memory so appends and quota checks need no scan, and written into the
 * store's maps with every commit ({@link #persist}). Not thread-safe: used under the {@link OutboxLog} lock.
 */
final class LogTotals {
    private long lastSequence;
    private long liveBytes;
    private long clipBytes;
    private final Map<String, Long> kindCounts = new TreeMap<>();
    private final Map<String, DroppedRange> dropped = new TreeMap<>();

    /** Reads the totals of a freshly opened store. */
    void load(StoreMaps m) {
        Long lastKey = m.records().lastKey();
        lastSequence = Math.max(m.metaLong(StoreMaps.KEY_LAST_SEQUENCE), lastKey == null ? 0 : lastKey);
        liveBytes = m.metaLong(StoreMaps.KEY_LIVE_BYTES);
        clipBytes = m.metaLong(StoreMaps.KEY_CLIP_BYTES);
        kindCounts.clear();
        kindCounts.putAll(m.kinds());
        dropped.clear();
        m.dropped().forEach((kind, v) -> dropped.put(kind, DroppedRange.decode(kind, v)));
    }

    /** Writes the totals into the maps; they become durable with the commit that follows. */
    void persist(StoreMaps m) {
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
    }

    long nextSequence() {
        return lastSequence + 1;
    }

    void appended(long sequence, String kind, long cost, long clipFileBytes) {
        lastSequence = sequence;
        liveBytes += cost;
        clipBytes += clipFileBytes;
        kindCounts.merge(kind, 1L, Long::sum);
    }

    void removed(String kind, long cost, long clipFileBytes) {
        liveBytes -= cost;
        clipBytes -= clipFileBytes;
        kindCounts.computeIfPresent(kind, (k, n) -> n > 1 ? n - 1 : null);
    }

    void dropped(String kind, long sequence, long nowMillis) {
        dropped.merge(kind, DroppedRange.none(kind).plus(sequence, nowMillis), (old, one) -> old.plus(sequence, nowMillis));
    }

    /** Sequences up to {@code sequence} are taken, even if no record with them survives (see {@link HighWaterMark}). */
    void skipTo(long sequence) {
        lastSequence = Math.max(lastSequence, sequence);
    }

    long lastSequence() {
        return lastSequence;
    }

    long liveBytes() {
        return liveBytes;
    }

    long clipBytes() {
        return clipBytes;
    }

    long usage() {
        return liveBytes + clipBytes;
    }

    Map<String, Long> kindCounts() {
        return Map.copyOf(kindCounts);
    }

    Map<String, DroppedRange> droppedRanges() {
        return Map.copyOf(dropped);
    }
}

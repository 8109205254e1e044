package io.footfall.store;

/**
 * What retention dropped of one kind before it was delivered (quota hit while offline), cumulative since the store
 * was created. Persisted with the data, so it survives restarts and can be reported upstream. Immutable.
 *
 * @param kind          record kind
 * @param count         how many undelivered records of this kind were dropped
 * @param firstSequence lowest dropped sequence
 * @param lastSequence  highest dropped sequence (the range may contain kept records of other kinds)
 * @param lastDroppedMillis when the last drop happened (store clock)
 */
public record DroppedRange(String kind, long count, long firstSequence, long lastSequence, long lastDroppedMillis) {

    DroppedRange plus(long sequence, long nowMillis) {
        return new DroppedRange(kind, count + 1, count == 0 ? sequence : Math.min(firstSequence, sequence),
                Math.max(lastSequence, sequence), nowMillis);
    }

    static DroppedRange none(String kind) {
        return new DroppedRange(kind, 0, 0, 0, 0);
    }

    String encode() {
        return count + "," + firstSequence + "," + lastSequence + "," + lastDroppedMillis;
    }

    static DroppedRange decode(String kind, String text) {
        String[] p = text.split(",");
        return new DroppedRange(kind, Long.parseLong(p[0]), Long.parseLong(p[1]), Long.parseLong(p[2]),
                Long.parseLong(p[3]));
    }
}

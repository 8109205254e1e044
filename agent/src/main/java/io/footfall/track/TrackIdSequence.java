package io.footfall.track;

/**
 * Hands out track ids in increasing order. One per tracker: ids are then stable and reproducible for a
 * given input, and a restarted agent may continue a persisted sequence.
 *
 * <p>Not thread-safe; owned by one tracker.
 */
public final class TrackIdSequence {
    private long next;

    /** Starts at 1. */
    public TrackIdSequence() {
        this(1);
    }

    public TrackIdSequence(long first) {
        this.next = first;
    }

    public TrackId next() {
        return new TrackId(next++);
    }

    /** The id {@link #next()} will return, e.g. to persist it. */
    public long peek() {
        return next;
    }
}

package io.footfall.track;

/**
 * The identity of a confirmed track, unique within one tracker (one camera). Tentative tracks have none.
 *
 * <p>Immutable and thread-safe.
 */
public record TrackId(long value) implements Comparable<TrackId> {

    @Override
    public int compareTo(TrackId o) {
        return Long.compare(value, o.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}

package io.footfall.stats;

import java.util.Arrays;
import java.util.Collection;

/**
 * Mean and nearest-rank percentiles of a sample: the q-percentile is {@code sorted[ceil(q·n) - 1]}, so each is a
 * value that was really observed (a visit's duration, a frame's latency) rather than an interpolation between two.
 * Immutable; thread-safe.
 */
public final class Percentiles {

    private final long[] sorted;

    private Percentiles(long[] sorted) {
        this.sorted = sorted;
    }

    /** The summary of {@code values} (copied; the array is not changed). */
    public static Percentiles of(long[] values) {
        long[] s = values.clone();
        Arrays.sort(s);
        return new Percentiles(s);
    }

    public static Percentiles of(Collection<Long> values) {
        return of(values.stream().mapToLong(Long::longValue).toArray());
    }

    public int count() {
        return sorted.length;
    }

    public boolean isEmpty() {
        return sorted.length == 0;
    }

    /** The arithmetic mean, or 0 for an empty sample. */
    public double mean() {
        if (sorted.length == 0) {
            return 0;
        }
        double sum = 0;
        for (long v : sorted) {
            sum += v;
        }
        return sum / sorted.length;
    }

    /**
     * The nearest-rank {@code q}-percentile, {@code q} within 0..1 (0.5 the median, 0.9 the p90); 0 and tiny
     * {@code q} give the smallest value.
     *
     * @throws IllegalStateException for an empty sample, which has no percentiles
     */
    public long at(double q) {
        if (q < 0 || q > 1 || Double.isNaN(q)) {
            throw new IllegalArgumentException("percentile must be within 0..1, got " + q);
        }
        if (sorted.length == 0) {
            throw new IllegalStateException("an empty sample has no percentiles");
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}

package io.footfall.count;

import java.util.List;

/**
 * Summary of visit durations. Percentiles are nearest-rank ({@code sorted[ceil(p·n) - 1]}), so each is a
 * real visit's duration; all values are 0 when {@code visits} is 0. Immutable; thread-safe.
 *
 * @param visits number of visits summarised
 */
public record DwellStats(int visits, long meanMillis, long p50Millis, long p90Millis) {
    public static final DwellStats NONE = new DwellStats(0, 0, 0, 0);

    public static DwellStats of(List<Long> dwellMillis) {
        if (dwellMillis.isEmpty()) {
            return NONE;
        }
        long[] sorted = dwellMillis.stream().mapToLong(Long::longValue).sorted().toArray();
        double sum = 0;
        for (long d : sorted) {
            sum += d;
        }
        return new DwellStats(sorted.length, Math.round(sum / sorted.length),
                nearestRank(sorted, 0.5), nearestRank(sorted, 0.9));
    }

    private static long nearestRank(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}

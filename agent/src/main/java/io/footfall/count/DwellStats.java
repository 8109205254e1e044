package io.footfall.count;

import io.footfall.stats.Percentiles;

import java.util.List;

/**
 * Summary of visit durations. Percentiles are nearest-rank ({@link Percentiles}), so each is a real visit's
 * duration; all values are 0 when {@code visits} is 0. Immutable; thread-safe.
 *
 * @param visits number of visits summarised
 */
public record DwellStats(int visits, long meanMillis, long p50Millis, long p90Millis) {
    public static final DwellStats NONE = new DwellStats(0, 0, 0, 0);

    public static DwellStats of(List<Long> dwellMillis) {
        if (dwellMillis.isEmpty()) {
            return NONE;
        }
        Percentiles p = Percentiles.of(dwellMillis);
        return new DwellStats(p.count(), Math.round(p.mean()), p.at(0.5), p.at(0.9));
    }
}

package io.footfall.cloud.hub;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Capped exponential backoff with jitter: {@code min · 2^(n-1)}, capped at {@code max}, each delay drawn from ±20 %
 * of that so that many devices coming back after an outage do not reconnect in step. Not thread-safe.
 */
public final class Backoff {
    private static final double JITTER = 0.2;

    private final Duration min;
    private final Duration max;
    private final RandomGenerator random;
    private int failures;

    public Backoff(Duration min, Duration max, RandomGenerator random) {
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < min <= max, was " + min + ".." + max);
        }
        this.min = min;
        this.max = max;
        this.random = random;
    }

    /** The delay before the next attempt, after one more failure. */
    public Duration next() {
        failures++;
        double base = Math.min(max.toMillis(), min.toMillis() * Math.pow(2, Math.min(failures - 1, 30)));
        double jittered = base * (1 - JITTER + 2 * JITTER * random.nextDouble());
        return Duration.ofMillis(Math.max(1, Math.round(Math.min(jittered, max.toMillis()))));
    }

    public void reset() {
        failures = 0;
    }

    public int failures() {
        return failures;
    }
}

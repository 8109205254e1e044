package io.footfall.agent;

import java.time.Duration;

/**
 * How long a live camera that failed waits before it is reopened: {@code initial}, doubling up to {@code max}, back to
 * {@code initial} once it runs again. Capped so a camera that returns after a long outage is seen within {@code max}.
 */
public record Backoff(Duration initial, Duration max) {
    public static final Backoff STANDARD = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("camera backoff: expected 0 < initial <= max, got " + initial + ", " + max);
        }
    }

    Duration after(Duration last) {
        Duration next = last.multipliedBy(2);
        return next.compareTo(max) > 0 ? max : next;
    }
}

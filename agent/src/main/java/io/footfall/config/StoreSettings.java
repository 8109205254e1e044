package io.footfall.config;

import java.time.Duration;

/**
 * The local store's limits.
 *
 * @param quotaMb           disk the outbox and its clips may use; over it, clips go first, then delivered
 *                          counts, then (offline) the oldest counts, counted as dropped
 * @param maxAge            records and clips older than this are removed once delivered
 * @param retentionInterval how often the limits are enforced while running
 */
public record StoreSettings(long quotaMb, Duration maxAge, Duration retentionInterval) {

    public static StoreSettings defaults() {
        return new StoreSettings(1024, Duration.ofDays(30), Duration.ofMinutes(1));
    }
}

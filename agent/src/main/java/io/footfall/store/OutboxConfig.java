package io.footfall.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How to open an {@link Outbox}. Immutable; build with {@link #of(Path, String)} and the {@code with...} methods.
 *
 * @param dataDirectory  directory holding {@value Outbox#FILE_NAME} (created if missing); see {@link DataDirectory}
 * @param deviceId       device the sequences belong to; {@code null} only to open an existing store whatever its
 *                       device (tools)
 * @param commitPolicy   when writes become durable
 * @param quotaBytes     live bytes (records + referenced clip files) retention keeps the store under
 * @param maxAge         delivered records and clip references older than this are removed by retention
 * @param compress       MVStore page compression (LZF)
 * @param cacheSizeMb    MVStore read cache
 * @param pageSplitSize  MVStore page split size in bytes (0 = MVStore's default)
 * @param readOnly       open without writing anything (no creation, no recovery, no moving aside)
 * @param clock          time source for createdMillis and retention
 */
public record OutboxConfig(Path dataDirectory, String deviceId, CommitPolicy commitPolicy, long quotaBytes,
                           Duration maxAge, boolean compress, int cacheSizeMb, int pageSplitSize, boolean readOnly,
                           Clock clock) {

    public static final long DEFAULT_QUOTA_BYTES = 1024L * 1024 * 1024;
    public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(30);

    public OutboxConfig {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(commitPolicy, "commitPolicy");
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(clock, "clock");
        if (quotaBytes <= 0) {
            throw new IllegalArgumentException("outbox quota must be > 0 bytes, was " + quotaBytes);
        }
        if (deviceId != null && deviceId.isBlank()) {
            throw new IllegalArgumentException("outbox device id must not be blank");
        }
    }

    /** Defaults: commit policy {@code always}, 1 GiB quota, 30 days max age, no compression, 16 MB cache. */
    public static OutboxConfig of(Path dataDirectory, String deviceId) {
        return new OutboxConfig(dataDirectory, deviceId, CommitPolicy.always(), DEFAULT_QUOTA_BYTES, DEFAULT_MAX_AGE,
                false, 16, 0, false, Clock.systemUTC());
    }

    /** Opens an existing store read-only, whatever device wrote it. */
    public static OutboxConfig readOnly(Path dataDirectory) {
        return of(dataDirectory, null).withReadOnly(true);
    }

    public OutboxConfig withCommitPolicy(CommitPolicy policy) {
        return new OutboxConfig(dataDirectory, deviceId, policy, quotaBytes, maxAge, compress, cacheSizeMb,
                pageSplitSize, readOnly, clock);
    }

    public OutboxConfig withQuotaBytes(long bytes) {
        return new OutboxConfig(dataDirectory, deviceId, commitPolicy, bytes, maxAge, compress, cacheSizeMb,
                pageSplitSize, readOnly, clock);
    }

    public OutboxConfig withQuotaMb(long megabytes) {
        return withQuotaBytes(megabytes * 1024 * 1024);
    }

    public OutboxConfig withMaxAge(Duration age) {
        return new OutboxConfig(dataDirectory, deviceId, commitPolicy, quotaBytes, age, compress, cacheSizeMb,
                pageSplitSize, readOnly, clock);
    }

    public OutboxConfig withCompression(boolean on) {
        return new OutboxConfig(dataDirectory, deviceId, commitPolicy, quotaBytes, maxAge, on, cacheSizeMb,
                pageSplitSize, readOnly, clock);
    }

    public OutboxConfig withCacheSizeMb(int mb) {
        return new OutboxConfig(dataDirectory, deviceId, commitPolicy, quotaBytes, maxAge, compress, mb,
                pageSplitSize, readOnly, clock);
    }

    public OutboxConfig withPageSplitSize(int bytes) {
        return new OutboxConfig(dataDirectory, deviceId, commitPolicy, quotaBytes, maxAge, compress, cacheSizeMb,
                bytes, readOnly, clock);
    }

    public OutboxConfig withReadOnly(boolean on) {
        return new OutboxConfig(dataDirectory, deviceId, commitPolicy, quotaBytes, maxAge, compress, cacheSizeMb,
                pageSplitSize, on, clock);
    }

    public OutboxConfig withClock(Clock c) {
        return new OutboxConfig(dataDirectory, deviceId, commitPolicy, quotaBytes, maxAge, compress, cacheSizeMb,
                pageSplitSize, readOnly, c);
    }

    public Path file() {
        return dataDirectory.resolve(Outbox.FILE_NAME);
    }
}

package io.footfall.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How to open an {@link Outbox}. Immutable; {@link #of(Path, String)} for the defaults, {@link #builder} and
 * {@link #toBuilder()} for others.
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
        return builder(dataDirectory, deviceId).build();
    }

    /** Opens an existing store read-only, whatever device wrote it. */
    public static OutboxConfig readOnly(Path dataDirectory) {
        return builder(dataDirectory, null).readOnly(true).build();
    }

    /** A builder starting from the defaults of {@link #of}. */
    public static Builder builder(Path dataDirectory, String deviceId) {
        return new Builder(dataDirectory, deviceId);
    }

    public Builder toBuilder() {
        return new Builder(dataDirectory, deviceId).commitPolicy(commitPolicy).quotaBytes(quotaBytes).maxAge(maxAge)
                .compress(compress).cacheSizeMb(cacheSizeMb).pageSplitSize(pageSplitSize).readOnly(readOnly).clock(clock);
    }

    /** Fluent builder; values are checked when built. */
    public static final class Builder {
        private final Path dataDirectory;
        private final String deviceId;
        private CommitPolicy commitPolicy = CommitPolicy.always();
        private long quotaBytes = DEFAULT_QUOTA_BYTES;
        private Duration maxAge = DEFAULT_MAX_AGE;
        private boolean compress;
        private int cacheSizeMb = 16;
        private int pageSplitSize;
        private boolean readOnly;
        private Clock clock = Clock.systemUTC();

        private Builder(Path dataDirectory, String deviceId) {
            this.dataDirectory = dataDirectory;
            this.deviceId = deviceId;
        }

        public Builder commitPolicy(CommitPolicy policy) {
            commitPolicy = policy;
            return this;
        }

        public Builder quotaBytes(long bytes) {
            quotaBytes = bytes;
            return this;
        }

        public Builder quotaMb(long megabytes) {
            return quotaBytes(megabytes * 1024 * 1024);
        }

        public Builder maxAge(Duration age) {
            maxAge = age;
            return this;
        }

        public Builder compress(boolean on) {
            compress = on;
            return this;
        }

        public Builder cacheSizeMb(int mb) {
            cacheSizeMb = mb;
            return this;
        }

        public Builder pageSplitSize(int bytes) {
            pageSplitSize = bytes;
            return this;
        }

        public Builder readOnly(boolean on) {
            readOnly = on;
            return this;
        }

        public Builder clock(Clock c) {
            clock = c;
            return this;
        }

        public OutboxConfig build() {
            return new OutboxConfig(dataDirectory, deviceId, commitPolicy, quotaBytes, maxAge, compress, cacheSizeMb,
                    pageSplitSize, readOnly, clock);
        }
    }

    public Path file() {
        return dataDirectory.resolve(Outbox.FILE_NAME);
    }
}

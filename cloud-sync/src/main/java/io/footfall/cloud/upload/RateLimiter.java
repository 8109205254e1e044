package io.footfall.cloud.upload;

/**
 * Caps upload bandwidth: {@link #acquire} blocks until the bytes fit under {@code bytesPerSecond} on average, with
 * one second of burst. A cap of 0 means none. Thread-safe (uploads share one cap).
 */
public final class RateLimiter {
    private final long bytesPerSecond;
    private double available;
    private long lastNanos = System.nanoTime();

    public RateLimiter(long bytesPerSecond) {
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("bandwidth cap must be >= 0 bytes/s, was " + bytesPerSecond);
        }
        this.bytesPerSecond = bytesPerSecond;
        this.available = bytesPerSecond;
    }

    public static RateLimiter ofKilobytesPerSecond(int kbps) {
        return new RateLimiter(kbps * 1024L);
    }

    public long bytesPerSecond() {
        return bytesPerSecond;
    }

    public void acquire(long bytes) throws InterruptedException {
        if (bytesPerSecond == 0) {
            return;
        }
        long waitNanos;
        synchronized (this) {
            long now = System.nanoTime();
            available = Math.min(bytesPerSecond, available + (now - lastNanos) * bytesPerSecond / 1e9);
            lastNanos = now;
            available -= bytes;
            waitNanos = available >= 0 ? 0 : (long) (-available * 1e9 / bytesPerSecond);
        }
        if (waitNanos > 0) {
            Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
        }
    }
}

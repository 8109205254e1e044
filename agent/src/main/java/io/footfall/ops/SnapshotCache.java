package io.footfall.ops;

import io.footfall.agent.spi.Snapshot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The cameras' latest annotated frames, encoded at most once per {@code maxAgeNanos}: every camera's snapshot is
 * anonymised and JPEG-encoded on each {@link io.footfall.agent.spi.AgentControl#snapshots()} call, and a status page
 * per installer polls each camera every 2 s. Thread-safe.
 */
final class SnapshotCache {
    private final Supplier<List<Snapshot>> source;
    private final long maxAgeNanos;
    private Map<String, Snapshot> latest = Map.of();
    private long takenAt;
    private boolean taken;

    SnapshotCache(Supplier<List<Snapshot>> source, long maxAgeNanos) {
        this.source = source;
        this.maxAgeNanos = maxAgeNanos;
    }

    synchronized Optional<Snapshot> of(String cameraId) {
        return Optional.ofNullable(fresh().get(cameraId));
    }

    private Map<String, Snapshot> fresh() {
        long now = System.nanoTime();
        if (!taken || now - takenAt > maxAgeNanos) {
            Map<String, Snapshot> m = new LinkedHashMap<>();
            source.get().forEach(s -> m.put(s.cameraId(), s));
            latest = m;
            takenAt = now;
            taken = true;
        }
        return latest;
    }
}

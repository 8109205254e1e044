package io.footfall.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What the agent sends to Azure and how ({@code sync:} in the config file and the twin). Where to is not here:
 * connection strings, SAS URLs and account URLs come from the environment only, so no secret is ever part of the
 * configuration, its history or the twin.
 *
 * <pre>
 * sync:
 *   iothub: {enabled: true, kinds: [crossing, crossing-cancelled, zone-enter, zone-exit, aggregate, camera-state],
 *            maxMessageKb: 4, flushIntervalSeconds: 60, countsOutput: counts, eventsOutput: events}
 *   blob:   {enabled: true, countsContainer: counts, clipsContainer: clips, snapshotsContainer: snapshots,
 *            uploadCounts: true, uploadClips: true, bandwidthKbps: 512, blockKb: 1024, hourCloseDelaySeconds: 120}
 * </pre>
 */
public record SyncSettings(IotHub iothub, Blob blob) {

    public SyncSettings {
        Objects.requireNonNull(iothub, "iothub");
        Objects.requireNonNull(blob, "blob");
    }

    public static SyncSettings defaults() {
        return new SyncSettings(IotHub.defaults(), Blob.defaults());
    }

    /**
     * Telemetry. Records are packed into messages of at most {@code maxMessageKb} (IoT Hub meters messages in 4 KB
     * units, so 4 KB is the cheapest size), sent at the latest {@code flushInterval} after the first is waiting.
     */
    public record IotHub(boolean enabled, Set<String> kinds, int maxMessageKb, Duration flushInterval, String countsOutput,
                         String eventsOutput) {
        /** Counts, and cameras going offline and online: an IT team alerts on those as they happen. */
        public static final Set<String> DEFAULT_KINDS = Set.of("crossing", "crossing-cancelled", "zone-enter", "zone-exit",
                "aggregate", "camera-state");

        public IotHub {
            kinds = Set.copyOf(kinds);
        }

        public static IotHub defaults() {
            return new IotHub(true, DEFAULT_KINDS, 4, Duration.ofSeconds(60), "counts", "events");
        }

        public IotHub withFlushInterval(Duration d) {
            return new IotHub(enabled, kinds, maxMessageKb, d, countsOutput, eventsOutput);
        }
    }

    /**
     * Blob storage: hourly count files and annotated clips. {@code bandwidthKbps} caps the upload rate (KB/s, 0 = no
     * cap); an hour's count file is written {@code hourCloseDelay} after the hour ends (late aggregates included).
     */
    public record Blob(boolean enabled, String countsContainer, String clipsContainer, String snapshotsContainer,
                       boolean uploadCounts, boolean uploadClips, int bandwidthKbps, int blockKb, Duration hourCloseDelay) {

        public static Blob defaults() {
            return new Blob(true, "counts", "clips", "snapshots", true, true, 512, 1024, Duration.ofSeconds(120));
        }

        public Blob withBandwidth(int kbps, int blockKb) {
            return new Blob(enabled, countsContainer, clipsContainer, snapshotsContainer, uploadCounts, uploadClips, kbps,
                    blockKb, hourCloseDelay);
        }

        public Blob withHourCloseDelay(Duration d) {
            return new Blob(enabled, countsContainer, clipsContainer, snapshotsContainer, uploadCounts, uploadClips,
                    bandwidthKbps, blockKb, d);
        }
    }
}

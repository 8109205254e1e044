package io.footfall.ops;

import io.footfall.agent.spi.AgentStatus;
import io.footfall.count.CountEvent;
import io.footfall.count.LineCrossing;
import io.footfall.pipeline.FrameStats;
import io.footfall.pipeline.PipelineObserver;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The agent's metrics in one {@link PrometheusRegistry} of its own (no global registry: two agents in one JVM, as in
 * tests, never mix). Per-frame numbers come in through {@link PipelineObserver}; the outbox's and the cameras' state is
 * read from {@link AgentStatus} once per scrape.
 *
 * <p>Naming follows Prometheus's practice: {@code footfall_} prefix, base units (seconds), counters end {@code _total},
 * labels bounded by the configuration (camera, line, direction, zone; never a track id), one label set per name.
 * Thread-safe: cameras report from their own threads while a scrape runs.
 */
final class OpsMetrics implements PipelineObserver {
    /** Inference on an edge CPU takes 10-500 ms; the buckets resolve that range and flag seconds-long stalls. */
    static final double[] INFERENCE_BUCKETS = {0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter text = PrometheusTextFormatWriter.create();
    private final Clock clock;
    private final Counter decoded;
    private final Counter processed;
    private final Counter dropped;
    private final Histogram inference;
    private final Gauge activeTracks;
    private final Counter crossings;
    private final Gauge occupancy;
    private final Info build;
    private final java.util.Set<String> cameras = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** The status read for the scrape in progress; the callbacks below read it. Guarded by {@code this}. */
    private AgentStatus status;
    private HealthReport health;

    OpsMetrics(Clock clock) {
        this.clock = clock;
        decoded = Counter.builder().name("footfall_frames_decoded_total")
                .help("Frames the camera's decoder delivered: processed plus dropped.")
                .labelNames("camera").register(registry);
        processed = Counter.builder().name("footfall_frames_processed_total")
                .help("Frames that went through detection, tracking and counting.")
                .labelNames("camera").register(registry);
        dropped = Counter.builder().name("footfall_frames_dropped_total")
                .help("Frames of a live camera dropped because detection was behind (the bounded hand-off was full).")
                .labelNames("camera").register(registry);
        inference = Histogram.builder().name("footfall_inference_duration_seconds")
                .help("Time the detector took for one frame: preprocessing, inference (all tiles) and decoding.")
                .unit(Unit.SECONDS).labelNames("camera").classicOnly().classicUpperBounds(INFERENCE_BUCKETS)
                .register(registry);
        activeTracks = Gauge.builder().name("footfall_active_tracks")
                .help("Confirmed tracks (people followed) after the camera's latest frame.")
                .labelNames("camera").register(registry);
        crossings = Counter.builder().name("footfall_line_crossings_total")
                .help("Final line crossings (after the cancel window) since the agent started.")
                .labelNames("camera", "line", "direction").register(registry);
        occupancy = Gauge.builder().name("footfall_zone_occupancy")
                .help("People in the zone after the camera's latest frame.")
                .labelNames("camera", "zone").register(registry);
        build = Info.builder().name("footfall_build_info")
                .help("The agent's version, detection model and inference runtime.")
                .labelNames("version", "model", "runtime").register(registry);
        GaugeWithCallback.builder().name("footfall_camera_up")
                .help("1 while the camera's source delivers frames (state running), else 0.")
                .labelNames("camera")
                .callback(cb -> cameras().forEach(c -> cb.call("running".equals(c.state()) ? 1 : 0, c.id())))
                .register(registry);
        CounterWithCallback.builder().name("footfall_camera_restarts_total")
                .help("Times the camera's source was reopened after a failure since the agent started.")
                .labelNames("camera")
                .callback(cb -> cameras().forEach(c -> cb.call(c.restarts(), c.id())))
                .register(registry);
        GaugeWithCallback.builder().name("footfall_outbox_depth_records")
                .help("Outbox records some destination (cloud sync) has not acknowledged yet.")
                .callback(cb -> statusNow().ifPresent(s -> cb.call(s.outboxDepth())))
                .register(registry);
        GaugeWithCallback.builder().name("footfall_outbox_oldest_undelivered_age_seconds")
                .help("Age of the oldest outbox record not yet acknowledged, 0 when all are: the sync lag (the agent has "
                        + "no other measure of it).")
                .unit(Unit.SECONDS)
                .callback(cb -> statusNow().ifPresent(s -> cb.call(s.oldestUndelivered()
                        .map(t -> Math.max(0, Duration.between(t, clock.instant()).toMillis() / 1000.0)).orElse(0.0))))
                .register(registry);
        CounterWithCallback.builder().name("footfall_outbox_dropped_records_total")
                .help("Outbox records retention removed before they were delivered (quota reached while offline), ever.")
                .callback(cb -> statusNow().ifPresent(s -> cb.call(s.droppedRecords())))
                .register(registry);
        GaugeWithCallback.builder().name("footfall_healthy")
                .help("1 when /health answers 200 (a camera runs or went down recently, the outbox writes), else 0.")
                .callback(cb -> {
                    HealthReport h = healthNow();
                    if (h != null) {
                        cb.call(h.healthy() ? 1 : 0);
                    }
                })
                .register(registry);
    }

    @Override
    public void frameProcessed(FrameStats stats) {
        String camera = stats.cameraId();
        if (cameras.add(camera)) {
            // A series that exists from the camera's first frame reads 0, not "no data", until frames are dropped.
            dropped.labelValues(camera);
        }
        processed.labelValues(camera).inc();
        decoded.labelValues(camera).inc();
        inference.labelValues(camera).observe(stats.detectorSeconds());
        activeTracks.labelValues(camera).set(stats.activeTracks());
        stats.zoneOccupancy().forEach((zone, n) -> occupancy.labelValues(camera, zone).set(n));
        count(stats.events());
    }

    @Override
    public void framesDropped(String cameraId, long count) {
        dropped.labelValues(cameraId).inc(count);
        decoded.labelValues(cameraId).inc(count);
    }

    @Override
    public void eventsFlushed(String cameraId, List<CountEvent> events) {
        count(events);
    }

    private void count(List<CountEvent> events) {
        for (CountEvent e : events) {
            if (e instanceof LineCrossing c) {
                crossings.labelValues(c.cameraId(), c.line(), c.direction().name().toLowerCase(Locale.ROOT)).inc();
            }
        }
    }

    /**
     * Writes every metric in the Prometheus text format (version 0.0.4).
     *
     * @param status the agent's status now, or null when it cannot be read (its gauges are then left out)
     */
    synchronized void scrape(AgentStatus status, HealthReport health, OutputStream out) throws IOException {
        this.status = status;
        this.health = health;
        if (status != null) {
            build.setLabelValues(status.version(), status.model(), status.runtime());
        }
        try {
            text.write(out, registry.scrape());
        } finally {
            this.status = null;
            this.health = null;
        }
    }

    static String contentType() {
        return PrometheusTextFormatWriter.CONTENT_TYPE;
    }

    private synchronized List<AgentStatus.CameraStatus> cameras() {
        return status == null ? List.of() : status.cameras();
    }

    private synchronized java.util.Optional<AgentStatus> statusNow() {
        return java.util.Optional.ofNullable(status);
    }

    private synchronized HealthReport healthNow() {
        return health;
    }
}

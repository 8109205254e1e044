package io.footfall.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.BadInputException;
import io.footfall.agent.spi.AgentContext;
import io.footfall.agent.spi.AgentControl;
import io.footfall.agent.spi.AgentStatus;
import io.footfall.agent.spi.Snapshot;
import io.footfall.config.CameraConfig;
import io.footfall.config.ConfigException;
import io.footfall.config.ConfigLoader;
import io.footfall.config.FootfallConfig;
import io.footfall.appearance.AppearanceModels;
import io.footfall.identity.VisitorGallery;
import io.footfall.track.AppearanceConfig;
import io.footfall.detect.Detection;
import io.footfall.detect.Detector;
import io.footfall.detect.DetectorFactory;
import io.footfall.detect.ReplayDetector;
import io.footfall.schema.DetectionsLine;
import io.footfall.detect.DetectorSettings;
import io.footfall.pipeline.CameraPipeline;
import io.footfall.pipeline.EventSink;
import io.footfall.pipeline.JobProgress;
import io.footfall.pipeline.JsonLinesSink;
import io.footfall.pipeline.OutboxSink;
import io.footfall.pipeline.Retention;
import io.footfall.pipeline.Sinks;
import io.footfall.store.CommitPolicy;
import io.footfall.store.Outbox;
import io.footfall.store.OutboxConfig;
import io.footfall.video.SampleClips;
import io.footfall.video.SourceSecrets;
import io.footfall.video.Sources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The composition root: a running agent built from a validated configuration. It owns the outbox, retention, the
 * sinks, one {@link CameraRunner} per camera and the extensions (cloud sync), and is the {@link AgentControl}
 * extensions drive: live reconfiguration, status, snapshots.
 *
 * <p>Life: {@link #start} → {@link #awaitCameras()} (until every file source ends, or {@link #shutdown()}) →
 * {@link #close()} (flush, stop extensions within the deadline, close the outbox). Thread-safe.
 */
public final class Agent implements AgentControl, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Agent.class);

    private final AgentOptions options;
    private final Outbox outbox;
    private final Retention retention;
    private final EventSink sink;
    private final ConfigRecord configRecord;
    private final Instant startedAt;
    private final long sequenceAtStart;
    private final Map<String, CameraRunner> runners = new LinkedHashMap<>();
    private final List<CameraPipeline.Summary> finished = new ArrayList<>();
    /** Runners whose end {@link #cameraDone} has recorded: a future can be done before its callback got the lock. */
    private final java.util.Set<CameraRunner> settled = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private final Function<DetectorSettings, Detector> detectors;
    private final AppearanceModels appearance;
    private VisitorGallery visitors;
    private Extensions extensions = new Extensions();
    private volatile FootfallConfig config;
    /** Kept from the shutdown deadline for flushing, the run record and closing the outbox after the extensions. */
    private static final Duration CLOSE_RESERVE = Duration.ofMillis(700);
    private volatile boolean stopping;
    /** When the stop was asked for (a signal's watchdog counts from then); null while running. */
    private volatile Instant stopRequestedAt;
    /** Set once the first cameras have started: later starts come from live reconfiguration. */
    private volatile boolean started;
    private Throwable failure;

    private Agent(FootfallConfig config, AgentOptions options, Outbox outbox, Retention retention, EventSink sink,
                  Function<DetectorSettings, Detector> detectors) {
        this.config = config;
        this.options = options;
        this.outbox = outbox;
        this.retention = retention;
        this.sink = sink;
        this.configRecord = new ConfigRecord(outbox);
        this.startedAt = options.clock().instant();
        this.sequenceAtStart = outbox.lastSequence();
        this.detectors = detectors;
        this.appearance = AppearanceModels.standard(options.paths());
    }

    /**
     * Opens the outbox in the data folder, records the configuration, starts the extensions and then every camera.
     * Nothing is written before the configuration and the data folder have been checked.
     */
    public static Agent start(FootfallConfig config, AgentOptions options) throws Exception {
        Plans.check(config);
        Function<DetectorSettings, Detector> detectors = detectors(config, options);
        if (options.extensions()) {
            Extensions.check(config, options.env());
        }
        DataFolder.prepare(options.dataDir());
        OutboxConfig store = OutboxConfig.builder(options.dataDir(), config.deviceId())
                .commitPolicy(CommitPolicy.batch(1000, Duration.ofSeconds(1)))
                .quotaMb(config.store().quotaMb())
                .maxAge(config.store().maxAge()).build();
        long openedMillis = System.currentTimeMillis();
        Outbox outbox = Outbox.open(store);
        Retention retention = null;
        EventSink sink = null;
        try {
            LostRecords.restore(outbox, options.dataDir(), openedMillis, Plans.restoreSlack(config), config.store().maxAge());
            UnrecordedClips.remove(outbox, options.dataDir().resolve("clips"));
            retention = Retention.start(outbox, config.store().retentionInterval());
            sink = new Sinks(List.of(new OutboxSink(outbox), new JsonLinesSink(options.dataDir())));
            Agent agent = new Agent(config, options, outbox, retention, sink, detectors);
            agent.configRecord.saveIfChanged(config);
            if (options.extensions()) {
                agent.extensions = Extensions.start(agent.context());
            }
            agent.startCameras(config);
            agent.started = true;
            return agent;
        } catch (Exception | Error e) {
            closeQuietly(sink);
            if (retention != null) {
                retention.close();
            }
            outbox.close();
            throw e;
        }
    }

    /**
     * The model the settings name, or the recording the options name: read before anything is written, so a bad
     * recording leaves no data folder behind.
     */
    private static Function<DetectorSettings, Detector> detectors(FootfallConfig config, AgentOptions options) {
        if (options.recordedDetections().isEmpty()) {
            return DetectorFactory.standard(options.paths())::open;
        }
        Path file = options.recordedDetections().get();
        if (config.cameras().size() != 1) {
            throw new BadInputException("--detections " + file + ": a recording replays one camera's source; the configuration has "
                    + config.cameras().size() + " cameras");
        }
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new BadInputException("--detections " + file + ": file not found; expected the output of 'footfall detect --out'");
        }
        List<DetectionsLine> lines;
        try {
            lines = DetectionsLine.read(file);
        } catch (IOException e) {
            throw new BadInputException("--detections " + e.getMessage());
        }
        Map<Long, List<Detection>> byFrame = new java.util.HashMap<>();
        for (DetectionsLine line : lines) {
            if (byFrame.put(line.frame(), line.toDetections()) != null) {
                throw new BadInputException("--detections " + file + ": frame " + line.frame() + " appears twice; expected one line "
                        + "per frame as 'footfall detect' writes");
            }
        }
        warnIfRecordedAboveLowThresh(file, lines, config.trackerFor(config.cameras().get(0)).lowThresh());
        return s -> new ReplayDetector(file.toString(), byFrame, s.minScore().orElse(0f));
    }

    /**
     * ByteTrack keeps people through weak detections down to {@code lowThresh}; 'footfall detect' records from the
     * model's own threshold unless told otherwise. A recording without a box near {@code lowThresh} was very likely made
     * above it, and counts from it come out lower than a live run's (the one-by-one clip: 4 in instead of 6).
     */
    private static void warnIfRecordedAboveLowThresh(Path file, List<DetectionsLine> lines, double lowThresh) {
        double lowest = lines.stream().flatMap(l -> l.detections().stream()).mapToDouble(DetectionsLine.Box::score)
                .min().orElse(Double.NaN);
        if (lowest > lowThresh + 0.2) {
            log.warn("event=detections_above_low_thresh file={} lowestScore={} lowThresh={} note=\"counts may be lower "
                    + "than a live run's; record with 'footfall detect --min-score {}'\"", file,
                    String.format(java.util.Locale.ROOT, "%.2f", lowest), (float) lowThresh, (float) lowThresh);
        }
    }

    private synchronized void startCameras(FootfallConfig cfg) {
        int threadsEach = Plans.threadsPerCamera(cfg);
        boolean first = true;
        for (CameraConfig cam : cfg.cameras()) {
            startCamera(cfg, cam, threadsEach, first ? options.progress() : JobProgress.NONE);
            first = false;
        }
    }

    private void startCamera(FootfallConfig cfg, CameraConfig cam, int threads, JobProgress progress) {
        DetectorSettings detector = Plans.detector(cfg, cam).withThreads(threads);
        CameraPipeline pipeline = new CameraPipeline(Plans.pipeline(cfg, cam), options.dataDir().resolve("clips"),
                options.trackFolder().map(d -> d.resolve(cam.id() + ".txt")),
                appearance.opener(threads, detector.openVinoLib(), options.env()), visitorsOf(cfg),
                extensions.pipelineObserver());
        String source = SourceSecrets.from(options.env()).resolve(cam.id(), new SampleClips(options.paths()).resolve(cam.source()));
        Instant start = cam.start().orElse(options.clock().instant());
        // Only at agent start can a camera's events be orphans of a crash; a camera restarted live had its intervals
        // closed by its own graceful stop. Decided here, not on the camera's thread: by the time that thread asks,
        // the agent has usually finished starting, and the recovery was skipped after most crashes.
        boolean atAgentStart = !started && (runners.isEmpty() || !runners.containsKey(cam.id()));
        CameraRunner runner = new CameraRunner(pipeline, detector, start, source, Sources.isLive(source),
                watcher -> Sources.open(source, watcher), detectors, sink, progress,
                () -> atAgentStart ? OrphanedIntervals.recover(outbox, cfg.storeId(), cfg.deviceId(), cam.id(),
                        cfg.analyticsFor(cam), cam.start()) : List.of(),
                new CameraRunner.Identity(cfg.storeId(), cfg.deviceId()), options.clock(), options.cameraBackoff(),
                options.waitForCameras() || started);
        runners.put(cam.id(), runner);
        runner.done().whenComplete((s, e) -> cameraDone(runner, s, e));
        runner.start();
    }

    /** The store's visitor gallery, shared by its cameras so one person is one visitor across them. */
    private synchronized VisitorGallery visitorsOf(FootfallConfig cfg) {
        if (visitors == null) {
            AppearanceConfig a = cfg.tracker().appearance().enabled() ? cfg.tracker().appearance()
                    : AppearanceConfig.with(AppearanceConfig.DEFAULT_MODEL);
            visitors = new VisitorGallery(a.visitDistance(), a.visitWindow(), a.minAbsence());
        }
        return visitors;
    }

    private synchronized void cameraDone(CameraRunner runner, CameraPipeline.Summary s, Throwable e) {
        settled.add(runner);
        if (e != null) {
            // One camera that cannot run never stops or silences the others: it is reported (status, an offline
            // record) and the job's outcome, once every camera has settled.
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            log.error("event=camera_failed camera={} error=\"{}\"", runner.cameraId(),
                    io.footfall.video.Redaction.text(cause.getMessage()));
            if (failure == null && !stopping) {
                failure = cause;
            }
        } else {
            finished.add(s);
        }
        notifyAll();
    }

    /**
     * Waits until every camera has ended (file sources) or stopped (after {@link #shutdown()}).
     *
     * @return what each camera's run did, in the order they ended
     * @throws CameraFailedException the first camera failure, once the other cameras have ended too, with what
     *                               those did
     */
    public List<CameraPipeline.Summary> awaitCameras() throws Exception {
        synchronized (this) {
            while (runners.values().stream().anyMatch(r -> !settled.contains(r))) {
                wait(500);
            }
            if (failure instanceof Exception ex) {
                throw new CameraFailedException(ex, List.copyOf(finished));
            }
            if (failure instanceof Error err) {
                throw err;
            }
            return List.copyOf(finished);
        }
    }

    /** Asks every camera to finish (SIGTERM, Ctrl-C, a stop request). Returns at once; thread-safe; idempotent. */
    public synchronized void shutdown() {
        if (!stopping) {
            stopping = true;
            stopRequestedAt = Instant.now();
            log.info("event=agent_stopping cameras={}", runners.size());
        }
        stopAllCameras();
        notifyAll();
    }

    private void stopAllCameras() {
        runners.values().forEach(CameraRunner::stop);
    }

    public Outbox outbox() {
        return outbox;
    }

    /** The outbox's last sequence before this agent wrote anything. */
    public long sequenceAtStart() {
        return sequenceAtStart;
    }

    public Path dataDir() {
        return options.dataDir();
    }

    /** A started extension service of this type (the operations endpoint, say), if one runs. */
    public <T> Optional<T> service(Class<T> type) {
        return extensions.service(type);
    }

    /** Flushes the outbox, stops the extensions within what is left of the deadline, closes retention and the outbox. */
    @Override
    public void close() {
        // Counted from the stop request, as the signal's watchdog counts, less what closing the outbox needs: counted
        // from here, after the cameras drained, the extensions' share would end after the watchdog halts the process.
        Instant requested = stopRequestedAt;
        Instant deadline = (requested != null ? requested : Instant.now()).plus(options.shutdownDeadline())
                .minus(CLOSE_RESERVE);
        shutdown();
        for (CameraRunner r : runners.values()) {
            try {
                r.done().get(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                log.warn("event=camera_slow_to_stop camera={}", r.cameraId());
            } catch (ExecutionException e) {
                // reported by awaitCameras
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        long flushed = outbox.flush();
        writeRunRecord();
        Duration left = Duration.between(Instant.now(), deadline);
        extensions.stop(left.isNegative() ? Duration.ZERO : left);
        closeQuietly(sink);
        retention.close();
        outbox.close();
        log.info("event=agent_stopped outboxSequence={}", flushed);
    }

    /** {@code run.json}: the configuration the cameras last ran with and what their sources turned out to be. */
    private synchronized void writeRunRecord() {
        // The cameras that finished, also when another failed: eval scores them from it.
        if (finished.isEmpty()) {
            return;
        }
        try {
            io.footfall.job.RunRecord.write(options.dataDir(), config, finished);
        } catch (IOException e) {
            log.warn("event=run_record_failed file={} error=\"{}\"", options.dataDir().resolve(io.footfall.job.RunRecord.FILE),
                    e.getMessage());
        }
    }

    // ---- AgentControl -------------------------------------------------------------------------------------------

    @Override
    public synchronized FootfallConfig apply(JsonNode document) {
        FootfallConfig next = ConfigLoader.parse(document, "desired configuration");
        if (!next.deviceId().equals(config.deviceId())) {
            throw new ConfigException("config field device: the device id cannot change while the agent runs (it is '"
                    + config.deviceId() + "'; its outbox belongs to it)");
        }
        Plans.check(next);
        if (stopping) {
            throw new ConfigException("the agent is stopping; configuration not applied");
        }
        // Whatever can still refuse the document runs before anything changes, so a rejected one keeps the running
        // configuration: a sample clip that cannot be fetched, a secret not on the device, a full disk under the
        // configuration history.
        SampleClips samples = new SampleClips(options.paths());
        SourceSecrets secrets = SourceSecrets.from(options.env());
        next.cameras().forEach(cam -> secrets.resolve(cam.id(), samples.resolve(cam.source())));
        configRecord.saveIfChanged(next);
        FootfallConfig before = config;
        config = next;
        int threadsEach = Plans.threadsPerCamera(next);
        for (String id : List.copyOf(runners.keySet())) {
            if (next.camera(id).isEmpty()) {
                runners.remove(id).stop();
                log.info("event=camera_removed camera={}", id);
            }
        }
        for (CameraConfig cam : next.cameras()) {
            CameraRunner running = runners.get(cam.id());
            if (running != null && !running.done().isDone() && Plans.canUpdateInPlace(before, next, cam, running)) {
                running.pipeline().update(Plans.pipeline(next, cam));
            } else {
                if (running != null) {
                    running.stop();
                }
                startCamera(next, cam, threadsEach, JobProgress.NONE);
                log.info("event=camera_started camera={} reason={}", cam.id(), running == null ? "added" : "restarted");
            }
        }
        log.info("event=config_applied cameras={}", next.cameras().size());
        return next;
    }

    @Override
    public FootfallConfig current() {
        return config;
    }

    @Override
    public synchronized AgentStatus status() {
        return Status.of(config, startedAt, runners.values(), outbox);
    }

    @Override
    public List<Snapshot> snapshots() {
        List<CameraRunner> rs;
        synchronized (this) {
            rs = List.copyOf(runners.values());
        }
        return Snapshots.of(rs);
    }

    @Override
    public void setLogLevel(String logger, String level) {
        LogLevels.set(logger, level);
    }

    private AgentContext context() {
        Agent self = this;
        return new AgentContext() {
            @Override
            public FootfallConfig config() {
                return self.config;
            }

            @Override
            public Outbox outbox() {
                return outbox;
            }

            @Override
            public Path dataDir() {
                return options.dataDir();
            }

            @Override
            public AgentControl control() {
                return self;
            }

            @Override
            public Optional<String> env(String name) {
                return Optional.ofNullable(options.env().get(name)).filter(v -> !v.isBlank());
            }

            @Override
            public Clock clock() {
                return options.clock();
            }
        };
    }

    private static void closeQuietly(EventSink sink) {
        if (sink == null) {
            return;
        }
        try {
            sink.close();
        } catch (IOException e) {
            log.warn("event=sink_close_failed error=\"{}\"", e.getMessage());
        }
    }

    /** Thrown for a configuration that is valid on its own but cannot run here. */
    static BadInputException cannotRun(String message) {
        return new BadInputException(message);
    }
}

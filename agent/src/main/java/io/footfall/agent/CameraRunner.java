package io.footfall.agent;

import io.footfall.agent.spi.AgentStatus;
import io.footfall.config.CameraConfig;
import io.footfall.count.RecordIds;
import io.footfall.detect.Detector;
import io.footfall.detect.DetectorSettings;
import io.footfall.pipeline.CameraPipeline;
import io.footfall.pipeline.EventSink;
import io.footfall.pipeline.JobProgress;
import io.footfall.pipeline.LiveView;
import io.footfall.schema.CameraStateRecord;
import io.footfall.schema.WireRecord;
import io.footfall.video.FrameSource;
import io.footfall.video.Redaction;
import io.footfall.video.SourceInfo;
import io.footfall.video.SourceWatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs and supervises one camera on a thread of its own. A live camera (RTSP, USB) that cannot be opened, or whose
 * pipeline fails, is reopened with capped exponential backoff until {@link #stop()}, including when it is not up yet
 * at start (unless the agent was told not to wait); a stream that drops and returns inside a run is reconnected by the source itself. Either way the outage is
 * data: an {@code offline} camera-state record when it starts and an {@code online} one when frames flow again, so an
 * analyst tells missing counts from zero counts. A file that cannot be read is not retried: it fails, once, and the
 * other cameras carry on. {@link #done()} completes with the last run's summary or the failure. Thread-safe.
 */
final class CameraRunner {
    private static final Logger log = LoggerFactory.getLogger(CameraRunner.class);

    /** Where the camera's records go and whose they are. */
    record Identity(String storeId, String deviceId) {
    }

    private final CameraPipeline pipeline;
    private final DetectorSettings detectorSettings;
    private final Instant start;
    private final boolean live;
    private final String sourceName;
    private final Identity identity;
    private final Clock clock;
    private final Backoff backoff;
    private final boolean waitAtStart;
    private final EventSink sink;
    private final CompletableFuture<CameraPipeline.Summary> done = new CompletableFuture<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;
    private final Supplier<List<WireRecord>> recovery;
    private volatile String state = "starting";
    private volatile String lastError;
    private volatile long frames;
    private volatile double fps;
    private volatile long restarts;
    private volatile Instant offlineSince;

    /**
     * @param source   the camera's source spec (for {@link io.footfall.video.Sources#isLive} and redacted logs)
     * @param sources  opens the source, telling the watcher of drops inside a run
     * @param recovery the aggregates a crashed earlier run left unwritten for this camera, written before it starts
     */
    CameraRunner(CameraPipeline pipeline, DetectorSettings detectorSettings, Instant start, String source, boolean live,
                 Function<SourceWatcher, FrameSource> sources, Function<DetectorSettings, Detector> detectors, EventSink sink,
                 JobProgress progress, Supplier<List<WireRecord>> recovery, Identity identity, Clock clock, Backoff backoff,
                 boolean waitAtStart) {
        this.recovery = recovery;
        this.pipeline = pipeline;
        this.detectorSettings = detectorSettings;
        this.start = start;
        this.live = live;
        this.sourceName = Redaction.source(source);
        this.identity = identity;
        this.clock = clock;
        this.backoff = backoff;
        this.waitAtStart = waitAtStart;
        this.sink = sink;
        CameraConfig cam = pipeline.settings().camera();
        this.thread = new Thread(() -> run(sources, detectors, progress), "camera-" + cam.id());
    }

    void start() {
        thread.start();
    }

    private void run(Function<SourceWatcher, FrameSource> sources, Function<DetectorSettings, Detector> detectors,
                     JobProgress progress) {
        CameraConfig cam = pipeline.settings().camera();
        try {
            List<WireRecord> recovered = recovery.get();
            if (!recovered.isEmpty()) {
                sink.accept(recovered);
            }
        } catch (Exception e) {
            log.warn("event=orphan_recovery_failed camera={} error=\"{}\"", cam.id(), e.getMessage());
        }
        Detector detector = null;
        Duration wait = backoff.initial();
        Instant runStart = start;
        try {
            while (stopped.getCount() > 0) {
                FrameSource frames = open(sources, detector == null);
                if (frames != null) {
                    try (frames) {
                        if (detector == null) {
                            detector = detectors.apply(detectorSettings);
                        }
                        online();
                        log.info("event=camera_start camera={} source={} detector=\"{}\" start={} restarts={}", cam.id(),
                                frames.info().name(), detector.describe(), runStart, restarts);
                        state = "running";
                        wait = backoff.initial();
                        CameraPipeline.Summary s = pipeline.run(frames, detector, detectorSettings.inFlight(), sink, runStart,
                                new Progress(progress));
                        if (!live || s.stopped() || stopped.getCount() == 0) {
                            state = s.stopped() ? "stopped" : "ended";
                            done.complete(s);
                            return;
                        }
                        offline("the stream ended");
                    } catch (IOException | RuntimeException e) {
                        if (!live || detector == null || stopped.getCount() == 0) {
                            throw e;
                        }
                        log.warn("event=camera_run_failed camera={} error=\"{}\" retryIn={}", cam.id(),
                                Redaction.text(e.getMessage()), wait);
                        offline(e.getMessage());
                    }
                }
                if (!sleep(wait)) {
                    break;
                }
                wait = backoff.after(wait);
                restarts++;
                runStart = clock.instant();
            }
            state = "stopped";
            done.complete(new CameraPipeline.Summary(cam.id(), new SourceInfo(sourceName, 0, 0, 0, 0, live), runStart, 0, 0,
                    Map.of(), 0, List.of(), 0, true));
        } catch (Throwable e) {
            offline(e.getMessage());
            // After offline(), which says "offline": this camera is not retried.
            state = "failed";
            done.completeExceptionally(e);
        } finally {
            if (detector != null) {
                try {
                    detector.close();
                } catch (Exception e) {
                    log.warn("event=detector_close_failed camera={} error=\"{}\"", cam.id(), e.getMessage());
                }
            }
        }
    }

    /**
     * Opens the camera's source. A live camera that cannot be opened is recorded offline and null returned, to be
     * retried; a file, or a camera at its first open when the agent does not wait, fails.
     */
    private FrameSource open(Function<SourceWatcher, FrameSource> sources, boolean firstOpen) {
        try {
            return sources.apply(new Watcher());
        } catch (RuntimeException e) {
            if (!live || (firstOpen && !waitAtStart)) {
                throw e;
            }
            offline(e.getMessage());
            return null;
        }
    }

    /** Waits {@code d} unless stopped first; false when stopped. */
    private boolean sleep(Duration d) {
        try {
            return !stopped.await(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Records the start of an outage, once: the first failure's reason stands for the outage. */
    private synchronized void offline(String error) {
        String reason = Redaction.text(error == null ? "failed" : error);
        lastError = reason;
        if (offlineSince != null) {
            return;
        }
        Instant at = clock.instant();
        offlineSince = at;
        state = "offline";
        log.warn("event=camera_offline camera={} source={} reason=\"{}\"", cameraId(), sourceName, reason);
        record(CameraStateRecord.OFFLINE, at, reason);
    }

    private synchronized void online() {
        if (offlineSince == null) {
            return;
        }
        Instant at = clock.instant();
        long seconds = Duration.between(offlineSince, at).toSeconds();
        offlineSince = null;
        state = "running";
        log.info("event=camera_online camera={} source={} offlineSeconds={} restarts={}", cameraId(), sourceName, seconds, restarts);
        record(CameraStateRecord.ONLINE, at, "frames again after " + seconds + " s offline");
    }

    private void record(String cameraState, Instant at, String reason) {
        String id = RecordIds.cameraState(identity.deviceId(), cameraId(), cameraState, at.toEpochMilli());
        try {
            sink.accept(List.of(new CameraStateRecord(WireRecord.SCHEMA_VERSION, id, identity.storeId(), identity.deviceId(),
                    cameraId(), at.toString(), cameraState, reason)));
        } catch (IOException | RuntimeException e) {
            log.error("event=camera_state_not_recorded camera={} state={} error=\"{}\"", cameraId(), cameraState, e.getMessage());
        }
    }

    /**
     * Asks the camera to finish: a running pipeline closes its intervals and clip, a camera waiting to reconnect stops
     * at once; then {@link #done()} completes.
     */
    void stop() {
        stopped.countDown();
        pipeline.requestStop();
    }

    CompletableFuture<CameraPipeline.Summary> done() {
        return done;
    }

    CameraPipeline pipeline() {
        return pipeline;
    }

    String cameraId() {
        return pipeline.settings().camera().id();
    }

    Instant startInstant() {
        return start;
    }

    DetectorSettings detectorSettings() {
        return detectorSettings;
    }

    LiveView view() {
        return pipeline.view();
    }

    AgentStatus.CameraStatus status() {
        return new AgentStatus.CameraStatus(cameraId(), state, Math.round(fps * 10) / 10.0, frames, Optional.ofNullable(lastError),
                restarts, Optional.ofNullable(offlineSince));
    }

    /** A drop inside a run: the live source reconnects by itself and says when frames flow again. */
    private final class Watcher implements SourceWatcher {
        @Override
        public void down(String reason) {
            offline(reason);
        }

        @Override
        public void up() {
            restarts++;
            online();
        }
    }

    /** Counts frames for the status while passing progress on. */
    private final class Progress implements JobProgress {
        private final JobProgress next;
        private long t0;

        Progress(JobProgress next) {
            this.next = next;
        }

        @Override
        public void started(long totalFrames) {
            t0 = System.nanoTime();
            next.started(totalFrames);
        }

        @Override
        public void frameDone(String detail) {
            frames++;
            fps = frames / Math.max(1e-9, (System.nanoTime() - t0) / 1e9);
            next.frameDone(detail);
        }

        @Override
        public void finished(String detail) {
            next.finished(detail);
        }
    }
}

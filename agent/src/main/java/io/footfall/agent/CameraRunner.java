package io.footfall.agent;

import io.footfall.agent.spi.AgentStatus;
import io.footfall.config.CameraConfig;
import io.footfall.detect.Detector;
import io.footfall.detect.DetectorSettings;
import io.footfall.pipeline.CameraPipeline;
import io.footfall.pipeline.EventSink;
import io.footfall.pipeline.JobProgress;
import io.footfall.pipeline.LiveView;
import io.footfall.video.FrameSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.footfall.schema.WireRecord;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs one camera's pipeline on a thread of its own: opens the source and the detector, runs to the end of the
 * source or to {@link #stop()}, and completes {@link #done()} with the summary or the failure. Thread-safe.
 */
final class CameraRunner {
    private static final Logger log = LoggerFactory.getLogger(CameraRunner.class);

    private final CameraPipeline pipeline;
    private final DetectorSettings detectorSettings;
    private final Instant start;
    private final CompletableFuture<CameraPipeline.Summary> done = new CompletableFuture<>();
    private final Thread thread;
    private final Supplier<List<WireRecord>> recovery;
    private volatile String state = "starting";
    private volatile String lastError;
    private volatile long frames;
    private volatile double fps;

    /**
     * @param recovery the aggregates a crashed earlier run left unwritten for this camera, written before it starts
     */
    CameraRunner(CameraPipeline pipeline, DetectorSettings detectorSettings, Instant start, Supplier<FrameSource> sources,
                 Function<DetectorSettings, Detector> detectors, EventSink sink, JobProgress progress,
                 Supplier<List<WireRecord>> recovery) {
        this.recovery = recovery;
        this.pipeline = pipeline;
        this.detectorSettings = detectorSettings;
        this.start = start;
        CameraConfig cam = pipeline.settings().camera();
        this.thread = new Thread(() -> run(sources, detectors, sink, progress), "camera-" + cam.id());
    }

    void start() {
        thread.start();
    }

    private void run(Supplier<FrameSource> sources, Function<DetectorSettings, Detector> detectors, EventSink sink,
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
        try (FrameSource frames = sources.get();
             Detector detector = detectors.apply(detectorSettings)) {
            log.info("event=camera_start camera={} source={} detector=\"{}\" start={}", cam.id(), frames.info().name(),
                    detector.describe(), start);
            state = "running";
            CameraPipeline.Summary s = pipeline.run(frames, detector, sink, start, new Progress(progress));
            state = s.stopped() ? "stopped" : "ended";
            done.complete(s);
        } catch (Throwable e) {
            state = "failed";
            lastError = e.getMessage();
            done.completeExceptionally(e);
        }
    }

    /** Asks the pipeline to finish: it closes its intervals and clip, then {@link #done()} completes. */
    void stop() {
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
        return new AgentStatus.CameraStatus(cameraId(), state, Math.round(fps * 10) / 10.0, frames, Optional.ofNullable(lastError));
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

package io.footfall.job;

import io.footfall.pipeline.JobProgress;
import io.footfall.FootfallPaths;
import io.footfall.config.CameraConfig;
import io.footfall.config.FootfallConfig;
import io.footfall.detect.Detector;
import io.footfall.detect.DetectorSettings;
import io.footfall.pipeline.CameraPipeline;
import io.footfall.pipeline.EventSink;
import io.footfall.video.FrameSource;
import io.footfall.video.SampleClips;
import io.footfall.video.Sources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The main job: every configured camera through its own pipeline, in parallel, into one sink.
 * Inference threads are shared out among the cameras.
 */
public final class RunJob {
    private static final Logger log = LoggerFactory.getLogger(RunJob.class);

    private final FootfallPaths paths;
    private final Clock clock;

    public RunJob(FootfallPaths paths, Clock clock) {
        this.paths = paths;
        this.clock = clock;
    }

    /**
     * @param clipFolder where annotated video goes
     * @param progress   reports the first camera's progress (the usual single-camera case)
     */
    public List<CameraPipeline.Summary> run(FootfallConfig config, EventSink sink, Path clipFolder, JobProgress progress)
            throws Exception {
        return run(config, sink, clipFolder, Optional.empty(), progress);
    }

    /**
     * @param trackFolder where each camera's tracks go as {@code <camera>.txt} (MOTChallenge format), or empty
     */
    public List<CameraPipeline.Summary> run(FootfallConfig config, EventSink sink, Path clipFolder, Optional<Path> trackFolder,
                                            JobProgress progress) throws Exception {
        List<CameraConfig> cameras = config.cameras();
        DetectorSettings base = config.detector();
        if (base.minScore().isEmpty()) {
            // The tracker's second association needs the low-score boxes too.
            base = base.withMinScore(config.tracker().lowThresh());
        }
        int threadsEach = Math.max(1, base.threads() / cameras.size());
        DetectorSettings settings = base.withThreads(threadsEach);
        Instant runStart = clock.instant();
        ExecutorService pool = Executors.newFixedThreadPool(cameras.size(), r -> {
            Thread t = new Thread(r);
            t.setName("camera-" + t.getId());
            return t;
        });
        try {
            List<Future<CameraPipeline.Summary>> futures = new ArrayList<>();
            for (int i = 0; i < cameras.size(); i++) {
                CameraConfig cam = cameras.get(i);
                JobProgress p = i == 0 ? progress : JobProgress.NONE;
                futures.add(pool.submit(() -> runCamera(config, cam, settings, sink, clipFolder, trackFolder,
                        cam.start().orElse(runStart), p)));
            }
            List<CameraPipeline.Summary> out = new ArrayList<>();
            for (Future<CameraPipeline.Summary> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Exception ex) {
                        throw ex;
                    }
                    throw e;
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private CameraPipeline.Summary runCamera(FootfallConfig config, CameraConfig cam, DetectorSettings settings, EventSink sink,
                                             Path clipFolder, Optional<Path> trackFolder, Instant start, JobProgress progress)
            throws Exception {
        String source = new SampleClips(paths).resolve(cam.source());
        try (FrameSource frames = Sources.open(source);
             Detector detector = new DetectJob(paths).openDetector(settings)) {
            log.info("event=camera_start camera={} source={} detector=\"{}\" start={}", cam.id(), frames.info().name(),
                    detector.describe(), start);
            return new CameraPipeline(config.deviceId(), cam, config.tracker(), config.analytics(), config.clips(),
                    config.privacyOf(cam), clipFolder,
                    trackFolder.map(d -> d.resolve(cam.id() + ".txt")))
                    .run(frames, detector, sink, start, progress);
        }
    }
}

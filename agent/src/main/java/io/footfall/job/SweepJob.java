package io.footfall.job;

import io.footfall.BadInputException;
import io.footfall.FootfallPaths;
import io.footfall.config.CameraConfig;
import io.footfall.config.ConfigRules;
import io.footfall.config.FootfallConfig;
import io.footfall.detect.Detector;
import io.footfall.detect.DetectorFactory;
import io.footfall.detect.DetectorSettings;
import io.footfall.detect.RecordedDetections;
import io.footfall.eval.EvalReport;
import io.footfall.eval.GroundTruthFormat;
import io.footfall.eval.SweepGrid;
import io.footfall.eval.SweepReport;
import io.footfall.eval.SweepSetting;
import io.footfall.pipeline.CameraPipeline;
import io.footfall.pipeline.JobProgress;
import io.footfall.pipeline.JsonLinesSink;
import io.footfall.track.TrackerConfig;
import io.footfall.video.FrameSource;
import io.footfall.video.SampleClips;
import io.footfall.video.Sources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Tunes one camera's thresholds against ground truth ({@code footfall eval sweep}): runs the detector once over the
 * sequence at the lowest threshold any setting needs ({@link RecordedDetections}), then for each setting runs the real
 * {@link CameraPipeline} (tracker and counting) over the replayed detections into a run folder of its own, and scores
 * that folder with {@link EvalJob}, exactly as {@code footfall run --save-tracks} then {@code footfall eval} would.
 *
 * <p>Stateless; one sweep per call.
 */
public final class SweepJob {
    private static final Logger log = LoggerFactory.getLogger(SweepJob.class);
    /** Replayed runs need a clock for their events; any fixed instant makes them reproducible. */
    static final Instant DEFAULT_START = Instant.parse("2000-01-01T00:00:00Z");

    private final Function<DetectorSettings, Detector> detectors;
    private final Function<String, String> sources;

    /** @param sources resolves what a user names (a sample clip's name) to what {@link Sources#open} opens */
    public SweepJob(Function<DetectorSettings, Detector> detectors, Function<String, String> sources) {
        this.detectors = Objects.requireNonNull(detectors, "detectors");
        this.sources = Objects.requireNonNull(sources, "sources");
    }

    /** The sweep of this installation: its models and sample clips. */
    public static SweepJob standard(FootfallPaths paths) {
        return new SweepJob(DetectorFactory.standard(paths)::open, new SampleClips(paths)::resolve);
    }

    /**
     * What to sweep.
     *
     * @param config      the configuration whose camera is tuned; its other settings stay as they are
     * @param camera      which camera; may be empty when the configuration has one
     * @param groundTruth the ground-truth file of the camera's source
     * @param format      its format; empty to tell by the file's name and content
     * @param grid        the threshold values to try
     * @param runsFolder  where to keep each setting's run folder (inspect one with {@code footfall eval --data-dir});
     *                    empty for a temporary folder deleted afterwards
     */
    public record Request(FootfallConfig config, Optional<String> camera, Path groundTruth, Optional<GroundTruthFormat> format,
                          SweepGrid grid, Optional<Path> runsFolder) {
        public Request {
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(camera, "camera");
            Objects.requireNonNull(groundTruth, "groundTruth");
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(grid, "grid");
            Objects.requireNonNull(runsFolder, "runsFolder");
        }
    }

    /** A setting to run: its configuration, or why it cannot run. */
    private record Planned(SweepSetting setting, boolean baseline, FootfallConfig config, String invalid) {
        float minScore() {
            CameraConfig cam = config.cameras().get(0);
            return config.detectorFor(cam).minScore().orElseThrow();
        }

        /** Whether both run with the same thresholds (a threshold set explicitly to what the default rule gives). */
        boolean runsAs(Planned other) {
            return minScore() == other.minScore() && setting.highThresh() == other.setting.highThresh()
                    && setting.lowThresh() == other.setting.lowThresh()
                    && setting.newTrackThresh() == other.setting.newTrackThresh()
                    && setting.matchThresh() == other.setting.matchThresh();
        }
    }

    /**
     * @param progress the detection pass's frames
     * @param notes    one line per setting as it is scored, for the user
     * @throws BadInputException when the ground truth is missing, the camera is unknown, no setting is valid, the source
     *                           cannot be read, or appearance is on (a replay has no pixels to sample)
     */
    public SweepReport sweep(Request request, JobProgress progress, Consumer<String> notes) throws IOException {
        if (!Files.isRegularFile(request.groundTruth())) {
            throw new BadInputException("--gt " + request.groundTruth() + ": file not found; expected the source's ground truth "
                    + "(MOTChallenge gt.txt or VIRAT *.viratdata.objects.txt)");
        }
        if (request.runsFolder().isPresent() && !isEmptyOrAbsent(request.runsFolder().get())) {
            // Run folders append to events.jsonl: an earlier sweep's events would be counted again.
            throw new BadInputException("--keep-runs " + request.runsFolder().get() + ": folder is not empty; give a new or empty one");
        }
        CameraConfig camera = pickCamera(request.config(), request.camera());
        if (request.config().trackerFor(camera).appearance().enabled()) {
            throw new BadInputException("camera " + camera.id() + " has tracker.appearance on; the sweep replays recorded "
                    + "detections without the frames' pixels, so it tunes thresholds with appearance off: remove tracker.appearance "
                    + "from the configuration for the sweep");
        }
        List<Planned> plan = plan(request.config(), camera, request.grid());
        List<Planned> runnable = plan.stream().filter(p -> p.invalid() == null).toList();
        List<SweepReport.Skipped> skipped = plan.stream().filter(p -> p.invalid() != null)
                .map(p -> new SweepReport.Skipped(p.setting(), p.invalid())).toList();
        if (runnable.stream().noneMatch(p -> !p.baseline())) {
            notes.accept("sweep: no setting of the grid is valid (" + skipped.size() + " skipped); scoring the configuration's own");
        }
        float lowest = (float) runnable.stream().mapToDouble(Planned::minScore).min().orElseThrow();
        DetectorSettings detectorSettings = request.config().detectorFor(camera).withMinScore(lowest);
        RecordedDetections recorded = record(camera, detectorSettings, progress);
        notes.accept("sweep: " + recorded.frames().size() + " frames detected at minScore " + lowest + "; " + runnable.size()
                + " settings to score (" + request.grid().describe() + "), " + skipped.size() + " skipped");

        Path folder = request.runsFolder().orElse(Files.createTempDirectory("footfall-sweep-"));
        try {
            List<SweepReport.Row> rows = new ArrayList<>();
            for (int i = 0; i < runnable.size(); i++) {
                Planned p = runnable.get(i);
                Path dir = folder.resolve(String.format("setting-%03d", i + 1));
                EvalReport report = score(p, recorded, dir, request);
                rows.add(new SweepReport.Row(p.setting(), p.minScore(), p.baseline(), report));
                if (i == 0) {
                    // Every setting scores the same frames against the same file: say it once.
                    report.notes().forEach(n -> notes.accept("sweep: note: " + n));
                    report.warnings().forEach(w -> notes.accept("sweep: warning: " + w));
                }
                notes.accept(String.format(java.util.Locale.ROOT, "sweep: %d/%d %s%s: MOTA %.3f IDF1 %.3f IDSW %d", i + 1,
                        runnable.size(), p.setting().label(), p.baseline() ? " (configuration's own)" : "",
                        report.tracking().mota(), report.tracking().idf1(), report.tracking().idSwitches()));
            }
            SweepReport result = new SweepReport(camera.id(), recorded.detector(), rows, skipped);
            log.info("event=sweep_done camera={} settings={} skipped={} best=\"{}\"", camera.id(), rows.size(), skipped.size(),
                    result.best().setting().label());
            return result;
        } finally {
            if (request.runsFolder().isEmpty()) {
                deleteTree(folder);
            }
        }
    }

    /**
     * Every setting of the grid, checked by the config rules, and the configuration's own setting: the grid's setting
     * that runs with the same thresholds, else one more.
     */
    static List<Planned> plan(FootfallConfig config, CameraConfig camera, SweepGrid grid) {
        Optional<Float> minScore = camera.overrides().detector().minScore().or(() -> config.detector().minScore());
        TrackerConfig tracker = config.trackerFor(camera);
        Planned own = planned(config, camera, SweepSetting.of(minScore, tracker), true);
        List<Planned> plan = new ArrayList<>();
        boolean ownInGrid = false;
        for (SweepSetting s : grid.settings(minScore, tracker).stream().distinct().toList()) {
            Planned p = planned(config, camera, s, false);
            if (!ownInGrid && p.invalid() == null && p.runsAs(own)) {
                p = new Planned(s, true, p.config(), null);
                ownInGrid = true;
            }
            plan.add(p);
        }
        if (!ownInGrid) {
            plan.add(0, own);
        }
        return plan;
    }

    private static Planned planned(FootfallConfig config, CameraConfig camera, SweepSetting s, boolean baseline) {
        try {
            FootfallConfig tuned = ConfigRules.check(config.tunedCamera(camera, s.minScore(), s.tracker(config.trackerFor(camera))));
            return new Planned(s, baseline, tuned, null);
        } catch (BadInputException e) {
            if (baseline) {
                throw e;
            }
            return new Planned(s, false, config, e.getMessage());
        }
    }

    private RecordedDetections record(CameraConfig camera, DetectorSettings settings, JobProgress progress) throws IOException {
        try (FrameSource source = Sources.open(sources.apply(camera.source()));
             Detector detector = detectors.apply(settings)) {
            if (source.info().live()) {
                throw new BadInputException("camera " + camera.id() + ": the sweep needs a recorded file or image folder as "
                        + "source, not a live stream");
            }
            progress.started(source.info().frameCount());
            RecordedDetections recorded = RecordedDetections.record(source, detector, settings.inFlight(),
                    settings.minScore().orElseThrow(), () -> progress.frameDone(""));
            progress.finished(recorded.frames().size() + " frames");
            if (recorded.frames().isEmpty()) {
                throw new BadInputException("camera " + camera.id() + ": source " + source.info().name()
                        + " gave no frames; expected a video or image folder with the ground truth's frames");
            }
            return recorded;
        }
    }

    /** One setting, run and scored as a separate {@code footfall run --save-tracks} folder would be. */
    private static EvalReport score(Planned p, RecordedDetections recorded, Path dir, Request request) throws IOException {
        CameraConfig cam = p.config().cameras().get(0);
        CameraPipeline pipeline = new CameraPipeline(CameraPipeline.Settings.of(p.config(), cam), dir.resolve("clips"),
                Optional.of(dir.resolve(EvalJob.TRACKS_FOLDER).resolve(cam.id() + ".txt")));
        CameraPipeline.Summary summary;
        try (FrameSource frames = recorded.replayFrames();
             Detector detector = recorded.replay(p.minScore());
             JsonLinesSink sink = new JsonLinesSink(dir)) {
            summary = pipeline.run(frames, detector, sink, cam.start().orElse(DEFAULT_START), JobProgress.NONE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("sweep interrupted", e);
        }
        RunRecord.write(dir, p.config(), List.of(summary));
        return new EvalJob().evaluate(new EvalJob.Request(request.groundTruth(), dir, Optional.of(cam.id()), request.format(),
                Optional.empty()));
    }

    private static CameraConfig pickCamera(FootfallConfig config, Optional<String> id) {
        List<String> ids = config.cameras().stream().map(CameraConfig::id).toList();
        if (id.isPresent()) {
            return config.camera(id.get()).orElseThrow(() -> new BadInputException("--camera " + id.get()
                    + ": the configuration has no such camera; it has " + ids));
        }
        if (ids.size() != 1) {
            throw new BadInputException("the configuration has " + ids.size() + " cameras " + ids + "; say which to tune with --camera");
        }
        return config.cameras().get(0);
    }

    private static boolean isEmptyOrAbsent(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void deleteTree(Path root) {
        try {
            Folders.deleteTree(root);
        } catch (IOException e) {
            log.warn("event=sweep_cleanup_failed folder={} error=\"{}\"", root, e.getMessage());
        }
    }
}

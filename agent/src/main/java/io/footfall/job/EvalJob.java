package io.footfall.job;

import io.footfall.BadInputException;
import io.footfall.eval.CountingError;
import io.footfall.eval.EvalReport;
import io.footfall.eval.Evaluator;
import io.footfall.eval.GroundTruth;
import io.footfall.eval.GroundTruthCrossings;
import io.footfall.eval.GroundTruthExtent;
import io.footfall.eval.GroundTruthFormat;
import io.footfall.eval.LineCount;
import io.footfall.eval.MotChallengeFormat;
import io.footfall.eval.MotMetrics;
import io.footfall.eval.RunCrossings;
import io.footfall.eval.SequenceInfo;
import io.footfall.schema.TrackBox;
import io.footfall.config.CameraConfig;
import io.footfall.config.FootfallConfig;

import io.footfall.pipeline.JsonLinesSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores one camera of a finished run ({@code footfall run --save-tracks}) against ground truth:
 * tracking with {@link Evaluator}, counting by comparing the run's line crossings with those of the
 * ground-truth tracks under the run's own rules ({@link GroundTruthCrossings}).
 *
 * <p>Reads {@code DATA/run.json}, {@code DATA/tracks/<camera>.txt} and {@code DATA/events.jsonl}.
 * Stateless and thread-safe.
 */
public final class EvalJob {
    private static final Logger log = LoggerFactory.getLogger(EvalJob.class);
    /** The data folder's sub-folder where {@code run --save-tracks} writes {@code <camera>.txt}. */
    public static final String TRACKS_FOLDER = "tracks";
    /** Slack on the run's time span when picking its events: decoder timestamps are not exactly n/fps. */
    private static final Duration SPAN_SLACK = Duration.ofSeconds(1);

    /**
     * What to score.
     *
     * @param groundTruth the ground-truth file
     * @param dataDir     the run's data folder
     * @param camera      which camera; may be empty when the run had one
     * @param format      the ground truth's format; empty to tell by the file's name and content
     * @param tracks      another tracker result file (MOTChallenge format) to score instead of the run's
     *                    own; its crossings are then replayed rather than read from {@code events.jsonl}
     */
    public record Request(Path groundTruth, Path dataDir, Optional<String> camera, Optional<GroundTruthFormat> format,
                          Optional<Path> tracks) {
        public Request {
            Objects.requireNonNull(groundTruth, "groundTruth");
            Objects.requireNonNull(dataDir, "dataDir");
            Objects.requireNonNull(camera, "camera");
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(tracks, "tracks");
        }
    }

    /**
     * @throws BadInputException when a file is missing or malformed, the camera is unknown or ambiguous, the
     *                           ground truth is for a video of another size, or has no box in the run's frames
     */
    public EvalReport evaluate(Request request) {
        RunRecord record = RunRecord.read(request.dataDir());
        FootfallConfig config = record.config();
        CameraConfig camera = pickCamera(config, request.camera(), request.dataDir());
        RunRecord.CameraRun source = record.camera(camera.id());
        if (source.frames() <= 0) {
            throw new BadInputException(request.dataDir().resolve(RunRecord.FILE) + ": camera " + camera.id()
                    + " recorded no frames; nothing to score");
        }
        GroundTruthFormat format = request.format().map(f -> f.resolve(request.groundTruth()))
                .orElseGet(() -> GroundTruthFormat.detect(request.groundTruth()));
        GroundTruth all = format.read(request.groundTruth());
        SequenceInfo video = video(camera.id(), source, all, request.groundTruth());
        GroundTruthExtent extent = GroundTruthExtent.of(request.groundTruth(), all, source.frames());
        GroundTruth gt = all.clipped(source.frames());

        Path tracksFile = request.tracks().orElse(request.dataDir().resolve(TRACKS_FOLDER).resolve(camera.id() + ".txt"));
        if (!Files.isRegularFile(tracksFile)) {
            throw new BadInputException(tracksFile + ": file not found" + (request.tracks().isPresent() ? ""
                    : "; run 'footfall run' with --save-tracks to write the tracks 'footfall eval' scores"));
        }
        List<TrackBox> tracks = MotChallengeFormat.readTracks(tracksFile);
        MotMetrics metrics = Evaluator.score(gt, tracks, source.frames());

        List<LineCount> truth = GroundTruthCrossings.count(gt, camera, config.analytics(), video);
        List<LineCount> counted;
        String countsFrom;
        if (request.tracks().isPresent()) {
            counted = GroundTruthCrossings.ofTracks(tracks, camera, config.analytics(), video);
            countsFrom = EvalReport.FROM_TRACKS;
        } else {
            Instant from = source.start();
            Instant to = from.plusMillis(Math.round(source.frames() * 1000.0 / video.fps())).plus(SPAN_SLACK);
            counted = RunCrossings.read(request.dataDir().resolve(JsonLinesSink.EVENTS), config.deviceId(), camera, from, to);
            countsFrom = EvalReport.FROM_EVENTS;
        }
        List<CountingError> errors = new ArrayList<>();
        for (int i = 0; i < truth.size(); i++) {
            errors.add(new CountingError(truth.get(i).line(), truth.get(i), counted.get(i)));
        }
        int trackedPeople = (int) tracks.stream().filter(t -> t.frame() < source.frames()).mapToLong(TrackBox::trackId)
                .distinct().count();
        EvalReport report = new EvalReport(camera.id(), source.frames(), request.groundTruth(), format, gt.objectIds().size(),
                extent, tracksFile, trackedPeople, metrics, countsFrom, errors);
        log.info("event=eval_done camera={} frames={} mota={} idf1={} idsw={} lines={}", camera.id(), source.frames(),
                String.format("%.3f", metrics.mota()), String.format("%.3f", metrics.idf1()), metrics.idSwitches(),
                errors.stream().map(e -> e.line() + ":" + e.absError()).toList());
        return report;
    }

    private static CameraConfig pickCamera(FootfallConfig config, Optional<String> id, Path dataDir) {
        List<String> ids = config.cameras().stream().map(CameraConfig::id).toList();
        if (id.isPresent()) {
            return config.cameras().stream().filter(c -> c.id().equals(id.get())).findFirst()
                    .orElseThrow(() -> new BadInputException("--camera " + id.get() + ": " + dataDir.resolve(RunRecord.FILE)
                            + " has no such camera; it has " + ids));
        }
        if (config.cameras().size() != 1) {
            throw new BadInputException(dataDir.resolve(RunRecord.FILE) + " has " + ids.size() + " cameras " + ids
                    + "; say which with --camera");
        }
        return config.cameras().get(0);
    }

    /** The video as the run decoded it; the frame rate from the sequence info when the source had none. */
    private static SequenceInfo video(String cameraId, RunRecord.CameraRun source, GroundTruth gt, Path gtFile) {
        Optional<SequenceInfo> info = gt.info();
        if (info.isPresent() && (info.get().width() != source.width() || info.get().height() != source.height())) {
            throw new BadInputException(gtFile + ": annotates a " + info.get().width() + "x" + info.get().height()
                    + " video (seqinfo.ini), but camera " + cameraId + " decoded " + source.width() + "x" + source.height()
                    + "; is it the ground truth of another video?");
        }
        double fps = source.fps() > 0 ? source.fps() : info.map(SequenceInfo::fps).orElse(0.0);
        if (!(fps > 0)) {
            throw new BadInputException(RunRecord.FILE + ": camera " + cameraId
                    + " has no frame rate and the ground truth has no seqinfo.ini; cannot time the crossings");
        }
        return new SequenceInfo(cameraId, fps, source.width(), source.height(), source.frames());
    }
}

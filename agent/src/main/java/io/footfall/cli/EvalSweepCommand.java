package io.footfall.cli;

import io.footfall.BadInputException;
import io.footfall.FootfallPaths;
import io.footfall.config.CameraConfig;
import io.footfall.config.ConfigLoader;
import io.footfall.config.FootfallConfig;
import io.footfall.eval.GroundTruthFormat;
import io.footfall.eval.SweepGrid;
import io.footfall.eval.SweepReport;
import io.footfall.job.SweepJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code footfall eval sweep}: tunes one camera's detection and tracker thresholds against ground truth. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Tune a camera's thresholds against a few minutes of labelled footage: run the detector once over",
                "the source (at the lowest --min-score), then for every combination of the values given run the",
                "tracker and counting over those detections and score the result as 'footfall run --save-tracks'",
                "then 'footfall eval' would (MOTA, IDF1, ID switches, precision, recall, line in/out vs ground truth).",
                "A threshold not listed keeps the configuration's value; the configuration's own setting is always",
                "scored too. Combinations the configuration rules forbid (lowThresh >= highThresh, minScore above",
                "lowThresh...) are skipped with the rule they break. Prints a table, best first (MOTA, then IDF1),",
                "and the best setting as YAML to paste into the camera's entry. Tracker appearance must be off.",
                "Example: footfall eval sweep --source door.mp4 --line 0.8,0,0.8,1 --gt gt.txt \\",
                "  --min-score 0.1,0.2,0.3 --high-thresh 0.4,0.5,0.6 --low-thresh 0.1,0.2 --match-thresh 0.7,0.8"})
public final class EvalSweepCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    DetectorOptions detector;

    @Option(names = "--config", paramLabel = "FILE", description = "The camera's configuration (YAML or JSON).")
    Path config;

    @Option(names = "--camera", paramLabel = "ID", description = "With --config: the camera to tune (default: its only camera).")
    String camera;

    @Option(names = "--source", paramLabel = "SOURCE", description = "Quick start: video file or image folder the ground truth labels.")
    String source;

    @Mixin
    CountingShapes shapes;

    @Option(names = "--gt", required = true, paramLabel = "FILE",
            description = "Ground truth of the source: MOTChallenge gt.txt, or VIRAT *.viratdata.objects.txt.")
    Path groundTruth;

    @Option(names = {"--gt-format", "--format"}, paramLabel = GroundTruthFormat.VALUES, description = "Ground-truth format (default: auto; see 'footfall eval --help').")
    String format;

    @Option(names = {"--high-thresh", "--track-thresh"}, paramLabel = "0..1[,0..1...]", split = ",",
            description = {"tracker.trackThresh values: boxes scoring this or more are 'high'. Unless --new-track-thresh",
                    "is given, each keeps the configuration's newTrackThresh margin above it (ByteTrack's +0.1)."})
    List<String> highThresh = new ArrayList<>();

    @Option(names = "--low-thresh", paramLabel = "0..1[,0..1...]", split = ",",
            description = "tracker.lowThresh values: boxes between this and the high threshold only extend tracks.")
    List<String> lowThresh = new ArrayList<>();

    @Option(names = "--new-track-thresh", paramLabel = "0..1[,0..1...]", split = ",",
            description = "tracker.newTrackThresh values: an unmatched high box starts a track from this score.")
    List<String> newTrackThresh = new ArrayList<>();

    @Option(names = "--match-thresh", paramLabel = "0..1[,0..1...]", split = ",",
            description = "tracker.matchThresh values: the first association's cost limit (1 - IoU x score).")
    List<String> matchThresh = new ArrayList<>();

    @Option(names = "--keep-runs", paramLabel = "DIR",
            description = "Keep each setting's run folder here (DIR/setting-NNN, numbered in the order run; "
                    + "'footfall eval --data-dir' reads one). Default: a temporary folder, deleted.")
    Path keepRuns;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write every row as JSON here.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (out != null) {
            OutputFile.check("--out", out, new OutputFile.Input("--gt", groundTruth), new OutputFile.Input("--config", config),
                    new OutputFile.Input("--source", source == null ? null : Path.of(source)));
        }
        SweepGrid grid = new SweepGrid(detector.minScores(), SweepGrid.values("--high-thresh", highThresh),
                SweepGrid.values("--low-thresh", lowThresh), SweepGrid.values("--new-track-thresh", newTrackThresh),
                SweepGrid.values("--match-thresh", matchThresh));
        FootfallConfig cfg = config != null ? fromFile() : quickStart();
        SweepJob.Request request = new SweepJob.Request(cfg, Optional.ofNullable(camera), groundTruth,
                Optional.ofNullable(format).flatMap(GroundTruthFormat::parse), grid, Optional.ofNullable(keepRuns));
        SweepReport report = SweepJob.standard(FootfallPaths.detect()).sweep(request, Progress.onStderr("sweep: detect"),
                System.err::println);
        System.out.print(report.table());
        if (out != null) {
            report.write(out);
            System.err.println("sweep: rows in " + out);
        }
        return ExitCodes.OK;
    }

    private FootfallConfig fromFile() {
        if (source != null || !shapes.isEmpty()) {
            throw new BadInputException("--config cannot be combined with --source, --line or --zone; the camera's source, "
                    + "lines and zones come from the file");
        }
        return ConfigLoader.load(config);
    }

    private FootfallConfig quickStart() {
        if (source == null) {
            throw new BadInputException("sweep needs --config FILE, or --source SOURCE (with --line/--zone to score counting)");
        }
        if (camera != null) {
            throw new BadInputException("--camera picks a camera of --config; with --source name it with --camera-id");
        }
        CameraConfig cam = new CameraConfig(shapes.cameraId, source, Optional.empty(), shapes.lines(),
                shapes.zones());
        return FootfallConfig.builder().deviceId("sweep").detector(detector.settingsWithoutMinScore()).cameras(List.of(cam)).build();
    }
}

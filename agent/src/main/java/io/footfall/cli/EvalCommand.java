package io.footfall.cli;

import io.footfall.BadInputException;
import io.footfall.job.EvalJob;
import io.footfall.job.RunRecord;
import io.footfall.pipeline.JsonLinesSink;
import io.footfall.eval.EvalReport;
import io.footfall.eval.GroundTruthFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code footfall eval}: scores a finished run against ground truth. */
@Command(name = "eval", mixinStandardHelpOptions = true, subcommands = EvalSweepCommand.class,
        description = {"Score a finished 'footfall run --save-tracks' against ground truth:",
                "MOTA, IDF1, ID switches, precision and recall of the tracks, and for each",
                "counting line the run's in/out crossings against those of the ground-truth",
                "tracks, counted by the run's own line rules (anchor, hysteresis, cancel window).",
                "Reads DIR/run.json, DIR/tracks/<camera>.txt and DIR/events.jsonl (use a fresh",
                "--data-dir per run). Prints a table; --out also writes it as JSON.",
                "'footfall eval sweep' tunes a camera's thresholds: one such score per setting."})
public final class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    // Not required by picocli: it would then demand --gt before 'eval sweep' too. call() asks for it.
    @Option(names = "--gt", paramLabel = "FILE",
            description = "Ground truth: MOTChallenge gt.txt, or VIRAT *.viratdata.objects.txt (persons only).")
    Path groundTruth;

    @Mixin
    DataDirOption data;

    @Option(names = "--camera", paramLabel = "ID", description = "Camera to score (default: the run's only camera).")
    String camera;

    @Option(names = {"--gt-format", "--format"}, paramLabel = GroundTruthFormat.VALUES,
            description = {"Ground-truth format (default: auto). auto: VIRAT by the file name, else",
                    "MOTChallenge, MOT15 or MOT16+ by columns 8-10 (MOT16+ when they hold a class",
                    "1..13 and a visibility in [0,1]; -1s or world coordinates: MOT15). mot15:",
                    "columns 8-10 are world x,y,z, ignored; every row with conf != 0 is a person.",
                    "mot16 (also mot17, mot20): class 1 (or -1) rows with conf != 0 only.",
                    "mot: MOTChallenge, flavour by content."})
    String format;

    @Option(names = "--tracks", paramLabel = "FILE",
            description = {"Score this MOTChallenge result file (e.g. another tracker on the",
                    "same detections) instead of the run's tracks; its crossings are",
                    "counted by replaying it through the run's line rules."})
    Path tracks;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the report as JSON here.")
    Path out;

    @Override
    public Integer call() {
        if (groundTruth == null) {
            throw new BadInputException("missing required option --gt FILE (the ground truth to score against)");
        }
        Path dataDir = data.resolve();
        if (out != null) {
            // The run's own tracks (DIR/tracks/*.txt) are refused as Footfall's data; these are the other files read.
            OutputFile.check("--out", out, new OutputFile.Input("--gt", groundTruth), new OutputFile.Input("--tracks", tracks),
                    new OutputFile.Input("--data-dir", dataDir.resolve(RunRecord.FILE)),
                    new OutputFile.Input("--data-dir", dataDir.resolve(JsonLinesSink.EVENTS)));
        }
        EvalReport report = new EvalJob().evaluate(new EvalJob.Request(groundTruth, dataDir, Optional.ofNullable(camera),
                Optional.ofNullable(format).flatMap(GroundTruthFormat::parse), Optional.ofNullable(tracks)));
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        stdout.print(report.table());
        stdout.flush();
        report.notes().forEach(n -> stderr.println("eval: note: " + n));
        report.warnings().forEach(w -> stderr.println("eval: warning: " + w));
        if (out != null) {
            report.write(out);
            stderr.println("eval: report in " + out);
        }
        stderr.flush();
        return ExitCodes.OK;
    }
}

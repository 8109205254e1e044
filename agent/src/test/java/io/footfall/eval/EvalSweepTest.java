package io.footfall.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.footfall.cli.ExitCodes;
import io.footfall.cli.FootfallCommand;
import io.footfall.config.CameraConfig;
import io.footfall.config.ClipPolicy;
import io.footfall.config.FootfallConfig;
import io.footfall.count.CountLine;
import io.footfall.detect.BackendKind;
import io.footfall.detect.DetectorSettings;
import io.footfall.job.EvalJob;
import io.footfall.testing.Runs;
import io.footfall.testing.SharedData;
import io.footfall.track.TrackerConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code footfall eval sweep} on TUD-Campus (71 frames, MOT15 ground truth, line "mid" at x = 0.5): each row must be
 * what {@code footfall run --save-tracks} then {@code footfall eval} report for the same setting, and the best row is
 * never worse than the configuration's own.
 */
class EvalSweepTest {

    private static final String MID = "0.5,0,0.5,1:mid";

    @TempDir
    Path tmp;

    private final StringWriter err = new StringWriter();

    @Test
    void eachRowScoresWhatARunAndEvalOfThatSettingScore() throws Exception {
        Path seq = SharedData.require(SharedData.TUD_CAMPUS);
        Path video = seq.resolve("TUD-Campus.mp4");
        Path gt = seq.resolve("gt/gt.txt");
        Path out = tmp.resolve("sweep.json");

        int code = sweep("--source", video.toString(), "--gt", gt.toString(), "--line", MID,
                "--min-score", "0.1,0.2", "--high-thresh", "0.5,0.6", "--low-thresh", "0.1,0.2", "--out", out.toString());

        assertThat(code).as("exit code; stderr: %s", err).isEqualTo(ExitCodes.OK);
        JsonNode report = new ObjectMapper().readTree(out.toFile());
        List<JsonNode> rows = StreamSupport.stream(report.get("rows").spliterator(), false).toList();
        // 2 x 2 x 2 combinations; minScore 0.2 with lowThresh 0.1 breaks a config rule (twice).
        assertThat(rows).hasSize(6);
        assertThat(report.get("skipped")).hasSize(2);
        assertThat(report.at("/skipped/0/reason").asText()).contains("detector.minScore", "lowThresh");

        JsonNode baseline = rows.stream().filter(r -> r.get("baseline").asBoolean()).findFirst().orElseThrow();
        assertThat(rows.get(0).get("best").asBoolean()).isTrue();
        assertThat(rows.get(0).at("/eval/tracking/mota").asDouble()).as("best MOTA vs the default's")
                .isGreaterThanOrEqualTo(baseline.at("/eval/tracking/mota").asDouble());
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).at("/eval/tracking/mota").asDouble()).as("sorted best first")
                    .isLessThanOrEqualTo(rows.get(i - 1).at("/eval/tracking/mota").asDouble());
        }

        // The default setting and a tuned one, each as a real run (decoding, detector at its own threshold) and eval.
        assertSameAsRunAndEval(baseline, video, gt, TrackerConfig.defaults(), Optional.empty(), "default");
        JsonNode tuned = row(rows, 0.2, 0.6, 0.2);
        TrackerConfig tunedTracker = new TrackerConfig(0.6f, 0.2f, 0.7f, TrackerConfig.DEFAULT_MATCH_THRESH,
                TrackerConfig.DEFAULT_LOST_TIMEOUT, TrackerConfig.DEFAULT_MIN_HITS, TrackerConfig.DEFAULT_TENTATIVE_MAX_AGE);
        assertSameAsRunAndEval(tuned, video, gt, tunedTracker, Optional.of(0.2f), "tuned");
    }

    @Test
    void badInputIsRefusedNamingIt() throws Exception {
        Path seq = SharedData.require(SharedData.TUD_CAMPUS);
        String video = seq.resolve("TUD-Campus.mp4").toString();
        String gt = seq.resolve("gt/gt.txt").toString();

        assertRefused(List.of("--source", video, "--gt", tmp.resolve("no-gt.txt").toString(), "--line", MID),
                "no-gt.txt", "file not found");
        assertRefused(List.of("--source", video, "--gt", gt, "--high-thresh", "0.5,1.5"), "--high-thresh", "1.5 is outside 0..1");
        assertRefused(List.of("--source", video, "--gt", gt, "--low-thresh", ""), "--low-thresh", "empty value");
        assertRefused(List.of("--source", video, "--gt", gt, "--match-thresh", "high"), "--match-thresh", "'high' is not a number");
        assertRefused(List.of("--source", tmp.resolve("missing.mp4").toString(), "--gt", gt), "missing.mp4", "does not exist");
        Path notAVideo = Files.writeString(tmp.resolve("notes.mp4"), "not a video");
        assertRefused(List.of("--source", notAVideo.toString(), "--gt", gt), "notes.mp4");
        assertRefused(List.of("--gt", gt), "--source");
        assertRefused(List.of("--source", video, "--gt", gt, "--keep-runs", tmp.toString()), "--keep-runs", "not empty");
        // 'footfall eval' itself still needs its ground truth, and 'run' one threshold.
        assertThat(FootfallCommand.newCommandLine().setErr(new PrintWriter(err, true)).execute("eval", "--data-dir", tmp.toString()))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("--gt");
    }

    private void assertRefused(List<String> args, String... expected) {
        err.getBuffer().setLength(0);
        int code = sweep(args.toArray(String[]::new));
        assertThat(code).as("exit code of %s; stderr: %s", args, err).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).as("stderr of %s", args).contains(expected);
    }

    private void assertSameAsRunAndEval(JsonNode row, Path video, Path gt, TrackerConfig tracker, Optional<Float> minScore,
                                        String what) throws Exception {
        Path data = tmp.resolve("run-" + what);
        CameraConfig cam = new CameraConfig("camera1", video.toString(), Optional.of(Instant.parse("2026-11-25T09:00:00Z")),
                List.of(CountLine.parse("mid", "0.5,0,0.5,1")), List.of());
        DetectorSettings detector = DetectorSettings.defaults("person-detection-retail-0013", BackendKind.OPENVINO);
        FootfallConfig cfg = FootfallConfig.builder().deviceId("sweep-test")
                .detector(minScore.map(detector::withMinScore).orElse(detector)).tracker(tracker)
                .clips(new ClipPolicy(ClipPolicy.Mode.OFF, Duration.ofSeconds(3), Duration.ofSeconds(3)))
                .cameras(List.of(cam)).build();
        Runs.run(cfg, data, Optional.of(data.resolve("tracks")));
        EvalReport r = new EvalJob().evaluate(new EvalJob.Request(gt, data, Optional.empty(), Optional.empty(), Optional.empty()));

        assertThat(row.at("/eval/tracking/mota").asDouble()).as(what + " MOTA").isEqualTo(r.tracking().mota());
        assertThat(row.at("/eval/tracking/idf1").asDouble()).as(what + " IDF1").isEqualTo(r.tracking().idf1());
        assertThat(row.at("/eval/tracking/idSwitches").asInt()).as(what + " IDSW").isEqualTo(r.tracking().idSwitches());
        assertThat(row.at("/eval/tracking/falsePositives").asInt()).as(what + " FP").isEqualTo(r.tracking().falsePositives());
        assertThat(row.at("/eval/tracking/misses").asInt()).as(what + " FN").isEqualTo(r.tracking().misses());
        assertThat(row.at("/eval/lines/0/run/in").asInt()).as(what + " in").isEqualTo(r.lines().get(0).run().in());
        assertThat(row.at("/eval/lines/0/run/out").asInt()).as(what + " out").isEqualTo(r.lines().get(0).run().out());
        assertThat(row.at("/eval/lines/0/groundTruth/in").asInt()).isEqualTo(4);
    }

    private static JsonNode row(List<JsonNode> rows, double minScore, double high, double low) {
        return rows.stream().filter(r -> r.at("/setting/minScore").asDouble() == minScore
                        && r.at("/setting/highThresh").asDouble() == high && r.at("/setting/lowThresh").asDouble() == low)
                .findFirst().orElseThrow(() -> new AssertionError("no row minScore=" + minScore + " high=" + high + " low=" + low));
    }

    private int sweep(String... args) {
        CommandLine cl = FootfallCommand.newCommandLine();
        cl.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 2];
        all[0] = "eval";
        all[1] = "sweep";
        System.arraycopy(args, 0, all, 2, args.length);
        return cl.execute(all);
    }
}

package io.footfall.eval;

import io.footfall.schema.TrackBox;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.footfall.detect.Detection;
import io.footfall.detect.FrameDetections;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scores deterministically perturbed ground truth, and a synthetic MOT15 sequence with world coordinates
 * ({@code src/test/resources/eval/mot15}), with {@link Evaluator} and with py-motmetrics 1.4.0
 * ({@code scripts/eval/motmetrics_score.py}) and requires the same numbers. Counts are integers and
 * the ratios are quotients of them, so they must agree exactly, not just to 3 decimals.
 */
class MotMetricsReferenceTest {

    private static final Offset<Double> SAME = within(1e-9);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "TUD-Campus {0}")
    @ValueSource(strings = {"perfect", "jitter", "drop", "swap", "false-positives", "combined-1", "combined-2"})
    void tudCampusMatchesMotmetrics(String perturbation) throws Exception {
        Path python = EvalTestData.venvPython();
        Path gtFile = EvalTestData.shared(EvalTestData.TUD_GT);
        GroundTruth gt = MotChallengeFormat.readGroundTruth(gtFile);
        SequenceInfo info = gt.info().orElseThrow();

        List<TrackBox> hyps = perturb(gt, perturbation, info.length(), info.width(), info.height());

        compare(python, gtFile, gt, hyps, info.length(), !perturbation.equals("perfect"));
    }

    @ParameterizedTest(name = "VIRAT {0}")
    @ValueSource(strings = {"perfect", "combined-3"})
    void viratMatchesMotmetrics(String perturbation) throws Exception {
        Path python = EvalTestData.venvPython();
        GroundTruth gt = ViratFormat.readPersons(EvalTestData.shared(EvalTestData.VIRAT_OBJECTS), EvalTestData.VIRAT_FRAMES);
        Path gtFile = dir.resolve("virat-gt.txt");
        MotChallengeFormat.writeGroundTruth(gtFile, gt);

        List<TrackBox> hyps = perturb(gt, perturbation, EvalTestData.VIRAT_FRAMES, 1280, 720);

        compare(python, gtFile, gt, hyps, EvalTestData.VIRAT_FRAMES, !perturbation.equals("perfect"));
    }

    @Test
    void detectionScorerMatchesMotmetricsOnOneFrameTracks() throws Exception {
        Path python = EvalTestData.venvPython();
        Path gtFile = EvalTestData.shared(EvalTestData.TUD_GT);
        GroundTruth gt = MotChallengeFormat.readGroundTruth(gtFile);
        List<TrackBox> dets = Perturbation.asDetections(perturb(gt, "combined-1", 71, 640, 480));
        Path hypFile = dir.resolve("detections.txt");
        MotChallengeFormat.writeTracks(hypFile, dets);

        DetectionMetrics java = DetectionScorer.score(gt, asFrameDetections(dets));
        JsonNode py = motmetrics(python, gtFile, hypFile);

        assertThat(java.falsePositives()).isEqualTo(py.get("num_false_positives").asInt());
        assertThat(java.misses()).isEqualTo(py.get("num_misses").asInt());
        assertThat(java.precision()).isCloseTo(py.get("precision").asDouble(), SAME);
        assertThat(java.recall()).isCloseTo(py.get("recall").asDouble(), SAME);
        assertThat(java.meanIou()).isCloseTo(1 - py.get("motp").asDouble(), SAME);
        assertThat(java.falsePositives()).isPositive();
        assertThat(java.misses()).isPositive();
    }

    /**
     * A MOT15 ground truth with world coordinates in columns 8-10 (see {@code eval/mot15/README.md}), scored
     * against the numbers py-motmetrics printed for it ({@code motmetrics.json}, committed): runs without Python.
     */
    @Test
    void mot15WorldCoordinatesMatchCommittedMotmetricsNumbers() throws Exception {
        Path gtFile = resource("eval/mot15/gt.txt");
        JsonNode py = JsonMapper.builder().build().readTree(resource("eval/mot15/motmetrics.json").toFile());

        assertThat(GroundTruthFormat.detect(gtFile)).isEqualTo(GroundTruthFormat.MOT15);
        MotMetrics java = Evaluator.score(MotChallengeFormat.readGroundTruth(gtFile),
                MotChallengeFormat.readTracks(resource("eval/mot15/hyp.txt")));

        assertSame(java, py);
        // The sequence exercises every error kind, so agreement proves something.
        assertThat(java.idSwitches()).isEqualTo(3);
        assertThat(java.falsePositives()).isEqualTo(10);
        assertThat(java.misses()).isEqualTo(22);
        assertThat(java.mota()).isCloseTo(0.695652, within(1e-6));
        assertThat(java.motp()).isCloseTo(0.268109, within(1e-6));
        assertThat(java.idf1()).isCloseTo(0.605505, within(1e-6));
    }

    /** The same sequence through py-motmetrics now, so the committed numbers cannot go stale. */
    @Test
    void mot15WorldCoordinatesMatchMotmetrics() throws Exception {
        Path python = EvalTestData.venvPython();
        Path gtFile = resource("eval/mot15/gt.txt");
        Path hypFile = resource("eval/mot15/hyp.txt");

        JsonNode py = motmetrics(python, "mot15", gtFile, hypFile);

        assertSame(Evaluator.score(MotChallengeFormat.readGroundTruth(gtFile), MotChallengeFormat.readTracks(hypFile)), py);
    }

    private void compare(Path python, Path gtFile, GroundTruth gt, List<TrackBox> hyps, long frameCount,
                         boolean expectErrors) throws Exception {
        Path hypFile = dir.resolve("hyp.txt");
        MotChallengeFormat.writeTracks(hypFile, hyps);

        MotMetrics java = Evaluator.score(gt, hyps, frameCount);
        JsonNode py = motmetrics(python, gtFile, hypFile);

        assertSame(java, py);
        if (expectErrors) {
            // The perturbation must actually exercise the metrics, or agreement proves little.
            assertThat(java.mota()).isLessThan(1.0);
            assertThat(java.idf1()).isLessThan(1.0);
        } else {
            assertThat(java.mota()).isEqualTo(1.0);
        }
    }

    private static void assertSame(MotMetrics java, JsonNode py) {
        assertThat(java.idSwitches()).as("IDSW").isEqualTo(py.get("num_switches").asInt());
        assertThat(java.falsePositives()).as("FP").isEqualTo(py.get("num_false_positives").asInt());
        assertThat(java.misses()).as("FN").isEqualTo(py.get("num_misses").asInt());
        assertThat(java.gtCount()).as("GT").isEqualTo(py.get("num_objects").asInt());
        assertThat(java.matches()).as("matches").isEqualTo(py.get("num_matches").asInt());
        assertThat(java.predictions()).as("predictions").isEqualTo(py.get("num_predictions").asInt());
        assertThat(java.idTruePositives()).as("IDTP").isEqualTo(py.get("idtp").asInt());
        assertThat(java.mota()).as("MOTA").isCloseTo(py.get("mota").asDouble(), SAME);
        assertThat(java.motp()).as("MOTP").isCloseTo(py.get("motp").asDouble(), SAME);
        assertThat(java.idf1()).as("IDF1").isCloseTo(py.get("idf1").asDouble(), SAME);
        assertThat(java.idp()).as("IDP").isCloseTo(py.get("idp").asDouble(), SAME);
        assertThat(java.idr()).as("IDR").isCloseTo(py.get("idr").asDouble(), SAME);
        assertThat(java.precision()).as("precision").isCloseTo(py.get("precision").asDouble(), SAME);
        assertThat(java.recall()).as("recall").isCloseTo(py.get("recall").asDouble(), SAME);
    }

    private static Path resource(String name) throws Exception {
        return Path.of(MotMetricsReferenceTest.class.getClassLoader().getResource(name).toURI());
    }

    private static List<TrackBox> perturb(GroundTruth gt, String name, long frameCount, double width, double height) {
        List<TrackBox> perfect = Perturbation.perfect(gt);
        return switch (name) {
            case "perfect" -> perfect;
            case "jitter" -> new Perturbation(11, frameCount, width, height).jitter(perfect, 0.12);
            case "drop" -> new Perturbation(12, frameCount, width, height).drop(perfect, 0.15);
            case "swap" -> new Perturbation(13, frameCount, width, height).swapIds(perfect, frameCount / 2);
            case "false-positives" -> new Perturbation(14, frameCount, width, height).addFalse(perfect, 60);
            default -> combined(perfect, Long.parseLong(name.substring("combined-".length())), frameCount, width, height);
        };
    }

    private static List<TrackBox> combined(List<TrackBox> perfect, long seed, long frameCount, double width, double height) {
        Perturbation p = new Perturbation(seed, frameCount, width, height);
        List<TrackBox> hyps = p.swapIds(perfect, frameCount / 3);
        hyps = p.swapIds(hyps, 2 * frameCount / 3);
        hyps = p.drop(hyps, 0.1);
        hyps = p.jitter(hyps, 0.1);
        return p.addFalse(hyps, (int) (frameCount / 2));
    }

    private static List<FrameDetections> asFrameDetections(List<TrackBox> dets) {
        Map<Long, List<Detection>> byFrame = new TreeMap<>();
        dets.forEach(t -> byFrame.computeIfAbsent(t.frame(), f -> new ArrayList<>()).add(new Detection(t.box(), 1f, "person")));
        return byFrame.entrySet().stream().map(e -> new FrameDetections(e.getKey(), 0, 640, 480, e.getValue())).toList();
    }

    private JsonNode motmetrics(Path python, Path gtFile, Path hypFile) throws IOException, InterruptedException {
        return motmetrics(python, "mot16", gtFile, hypFile);
    }

    private JsonNode motmetrics(Path python, String gtFormat, Path gtFile, Path hypFile) throws IOException, InterruptedException {
        Path script = EvalTestData.script("scripts/eval/motmetrics_score.py");
        Path err = dir.resolve("motmetrics.err");
        Process process = new ProcessBuilder(python.toString(), script.toString(), "--gt-format", gtFormat,
                gtFile.toString(), hypFile.toString())
                .redirectError(err.toFile())
                .start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("motmetrics finished").isTrue();
        assertThat(process.exitValue())
                .as("motmetrics_score.py exit code; stderr: %s", Files.readString(err, StandardCharsets.UTF_8))
                .isZero();
        return JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build().readTree(out);
    }
}

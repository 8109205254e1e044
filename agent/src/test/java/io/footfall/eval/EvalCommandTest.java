package io.footfall.eval;

import io.footfall.schema.TrackBox;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.footfall.cli.ExitCodes;
import io.footfall.cli.FootfallCommand;
import io.footfall.config.CameraConfig;
import io.footfall.config.ClipPolicy;
import io.footfall.config.FootfallConfig;
import io.footfall.config.StoreSettings;
import io.footfall.count.AnalyticsConfig;
import io.footfall.count.CountLine;
import io.footfall.detect.BackendKind;
import io.footfall.detect.DetectorSettings;
import io.footfall.job.RunRecord;
import io.footfall.pipeline.CameraPipeline;
import io.footfall.track.TrackerConfig;
import io.footfall.video.SourceInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code footfall eval} end to end on a run folder the test writes: run.json, the tracks and events.jsonl
 * of a 640x480, 25 fps, 100-frame video in which one annotated person walks left to right across line
 * "mid" (x = 0.5) and another stays on the left.
 */
class EvalCommandTest {

    private static final Instant START = Instant.parse("2026-11-25T09:00:00Z");

    @TempDir
    Path dir;

    private Path data;
    private Path gtFile;
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void writeRun() throws IOException {
        data = dir.resolve("data");
        CameraConfig cam = new CameraConfig("door-cam", "door.mp4", Optional.of(START),
                List.of(CountLine.parse("mid", "0.5,0,0.5,1")), List.of());
        FootfallConfig cfg = FootfallConfig.builder().deviceId("store-1")
                .detector(DetectorSettings.defaults("person-detection-retail-0013", BackendKind.OPENVINO))
                .clips(new ClipPolicy(ClipPolicy.Mode.OFF, Duration.ofSeconds(3), Duration.ofSeconds(3)))
                .cameras(List.of(cam)).build();
        CameraPipeline.Summary summary = new CameraPipeline.Summary("door-cam",
                new SourceInfo("door.mp4", 640, 480, 25, 100, false), START, 100, 0, Map.of(), 1, List.of(), 25, false);
        RunRecord.write(data, cfg, List.of(summary));

        List<GtBox> people = new ArrayList<>(GroundTruthCrossingsTest.walk(1, 0, 60, 100, 500));
        people.addAll(GroundTruthCrossingsTest.walk(2, 20, 50, 60, 120));
        gtFile = dir.resolve("gt.txt");
        MotChallengeFormat.writeGroundTruth(gtFile, GroundTruth.of(people));
        // Perfect tracks, with other ids than the annotation's.
        Files.createDirectories(data.resolve("tracks"));
        MotChallengeFormat.writeTracks(data.resolve("tracks/door-cam.txt"),
                people.stream().map(b -> new TrackBox(b.frame(), b.objectId() + 10, b.box())).toList());
    }

    @Test
    void perfectTracksAndTheRightCountScoreFull() throws Exception {
        writeEvents(crossing("in", "door-cam", START.plusMillis(1200)),
                // Ignored: a cancellation (its crossing was never written), another camera, an earlier run.
                "{\"type\":\"crossing-cancelled\",\"id\":\"c1\",\"device\":\"store-1\",\"camera\":\"door-cam\",\"line\":\"mid\","
                        + "\"direction\":\"out\",\"at\":\"" + START.plusMillis(2000) + "\"}",
                crossing("in", "back-cam", START.plusMillis(1500)),
                crossing("out", "door-cam", START.minusSeconds(3600)));
        Path out = dir.resolve("report.json");

        int code = eval("--gt", gtFile.toString(), "--data-dir", data.toString(), "--out", out.toString());

        assertThat(code).as("exit code; stderr: %s", err).isEqualTo(ExitCodes.OK);
        JsonNode report = new ObjectMapper().readTree(out.toFile());
        assertThat(report.get("camera").asText()).isEqualTo("door-cam");
        assertThat(report.get("frames").asLong()).isEqualTo(100);
        assertThat(report.at("/groundTruth/format").asText()).as("columns 8-10 all -1").isEqualTo("mot15");
        assertThat(report.at("/groundTruth/people").asInt()).isEqualTo(2);
        assertThat(report.at("/tracks/people").asInt()).isEqualTo(2);
        assertThat(report.at("/tracking/mota").asDouble()).isEqualTo(1.0);
        assertThat(report.at("/tracking/idf1").asDouble()).isEqualTo(1.0);
        assertThat(report.at("/tracking/idSwitches").asInt()).isZero();
        assertThat(report.at("/tracking/gtCount").asInt()).isEqualTo(110);
        assertThat(report.get("countsFrom").asText()).isEqualTo("events");
        JsonNode mid = report.at("/lines/0");
        assertThat(mid.get("line").asText()).isEqualTo("mid");
        assertThat(mid.at("/groundTruth/in").asInt()).isEqualTo(1);
        assertThat(mid.at("/groundTruth/out").asInt()).isZero();
        assertThat(mid.at("/run/in").asInt()).isEqualTo(1);
        assertThat(mid.at("/run/out").asInt()).isZero();
        assertThat(mid.get("absError").asInt()).isZero();
    }

    @Test
    void aWrongCountShowsAsLineError() throws Exception {
        writeEvents(crossing("in", "door-cam", START.plusMillis(1200)), crossing("out", "door-cam", START.plusMillis(2400)),
                crossing("out", "door-cam", START.plusMillis(3000)));
        Path out = dir.resolve("report.json");

        int code = eval("--gt", gtFile.toString(), "--data-dir", data.toString(), "--camera", "door-cam",
                "--format", "MOT", "--out", out.toString());

        assertThat(code).as("exit code; stderr: %s", err).isEqualTo(ExitCodes.OK);
        JsonNode mid = new ObjectMapper().readTree(out.toFile()).at("/lines/0");
        assertThat(mid.get("inError").asInt()).isZero();
        assertThat(mid.get("outError").asInt()).isEqualTo(2);
        assertThat(mid.get("countError").asInt()).isEqualTo(2);
        assertThat(mid.get("absError").asInt()).isEqualTo(2);
    }

    @Test
    void anotherTrackersResultIsCountedByReplayingItsTracks() throws Exception {
        writeEvents();
        // Track 11 loses the walker 5 frames before the line (frame 30); from frame 35, past it, the walker is
        // track 12: one switch, 10 + 50 misses (person 2 is never tracked), and no crossing.
        List<TrackBox> other = new ArrayList<>();
        for (GtBox b : GroundTruthCrossingsTest.walk(1, 0, 60, 100, 500)) {
            if (b.frame() < 25 || b.frame() >= 35) {
                other.add(new TrackBox(b.frame(), b.frame() < 25 ? 11 : 12, b.box()));
            }
        }
        Path tracks = dir.resolve("other.txt");
        MotChallengeFormat.writeTracks(tracks, other);
        Path out = dir.resolve("report.json");

        int code = eval("--gt", gtFile.toString(), "--data-dir", data.toString(), "--tracks", tracks.toString(),
                "--out", out.toString());

        assertThat(code).as("exit code; stderr: %s", err).isEqualTo(ExitCodes.OK);
        JsonNode report = new ObjectMapper().readTree(out.toFile());
        assertThat(report.get("countsFrom").asText()).isEqualTo("tracks");
        assertThat(report.at("/tracking/idSwitches").asInt()).isEqualTo(1);
        assertThat(report.at("/tracking/misses").asInt()).isEqualTo(60);
        assertThat(report.at("/lines/0/run/in").asInt()).as("track 12 starts past the line").isZero();
        assertThat(report.at("/lines/0/absError").asInt()).isEqualTo(1);
    }

    @Test
    void mot15WorldCoordinatesAreReadByDefaultAndRejectedAsMot16() throws Exception {
        writeEvents(crossing("in", "door-cam", START.plusMillis(1200)));
        // The same boxes with world coordinates in columns 8-10, as MOT 2015 ground truth has them.
        List<String> rows = Files.readAllLines(gtFile).stream()
                .map(l -> l.replaceFirst(",-1,-1,-1$", ",-4.1554," + (l.length() % 7) + ".034,0")).toList();
        assertThat(rows.get(0)).endsWith(".034,0");
        Files.write(gtFile, rows);
        Path out = dir.resolve("report.json");

        for (String format : List.of("auto", "mot15", "MOT")) {
            int code = eval("--gt", gtFile.toString(), "--data-dir", data.toString(), "--gt-format", format, "--out", out.toString());

            assertThat(code).as("exit code with %s; stderr: %s", format, err).isEqualTo(ExitCodes.OK);
            JsonNode report = new ObjectMapper().readTree(out.toFile());
            assertThat(report.at("/groundTruth/format").asText()).isEqualTo("mot15");
            assertThat(report.at("/tracking/gtCount").asInt()).isEqualTo(110);
            assertThat(report.at("/tracking/mota").asDouble()).isEqualTo(1.0);
        }
        assertBadInput(List.of("--gt", gtFile.toString(), "--data-dir", data.toString(), "--gt-format", "mot16"),
                "gt.txt:1: expected class (a whole number 1..13, or -1) in column 8, found '-4.1554'");
    }

    @Test
    void mot16GroundTruthIsToldByItsClassAndVisibilityColumns() throws Exception {
        writeEvents(crossing("in", "door-cam", START.plusMillis(1200)));
        // Class 1 with visibility 0.9 for everyone, and a distractor (class 8) that is not scored.
        List<String> rows = new ArrayList<>(Files.readAllLines(gtFile).stream()
                .map(l -> l.replaceFirst(",-1,-1,-1$", ",1,0.9,-1")).toList());
        rows.add("5,77,300,100,40,90,1,8,0.4,-1");
        Files.write(gtFile, rows);
        Path out = dir.resolve("report.json");

        int code = eval("--gt", gtFile.toString(), "--data-dir", data.toString(), "--out", out.toString());

        assertThat(code).as("exit code; stderr: %s", err).isEqualTo(ExitCodes.OK);
        JsonNode report = new ObjectMapper().readTree(out.toFile());
        assertThat(report.at("/groundTruth/format").asText()).isEqualTo("mot16");
        assertThat(report.at("/groundTruth/people").asInt()).isEqualTo(2);
        assertThat(report.at("/tracking/mota").asDouble()).isEqualTo(1.0);
    }

    @Test
    void groundTruthPastTheRunsEndIsScoredTheSameButWarnedAbout() throws Exception {
        writeEvents(crossing("in", "door-cam", START.plusMillis(1200)));
        Path out = dir.resolve("report.json");
        // The same two people again 100 frames later (on frames 100-169): ground truth past the 100 frames the run decoded.
        List<GtBox> twice = new ArrayList<>(MotChallengeFormat.readGroundTruth(gtFile).boxes());
        MotChallengeFormat.readGroundTruth(gtFile).boxes()
                .forEach(b -> twice.add(new GtBox(b.frame() + 100, b.objectId(), b.box())));
        Path longer = dir.resolve("twice.txt");
        MotChallengeFormat.writeGroundTruth(longer, GroundTruth.of(twice));

        int code = eval("--gt", longer.toString(), "--data-dir", data.toString(), "--out", out.toString());

        assertThat(code).as("exit code; stderr: %s", err).isEqualTo(ExitCodes.OK);
        assertThat(err.toString()).contains("eval: warning: " + longer + ": 110 person boxes on 70 frames past the run's"
                + " last frame are not scored (the run decoded 100 frames, the ground truth goes on to the 170th frame)");
        JsonNode report = new ObjectMapper().readTree(out.toFile());
        assertThat(report.at("/tracking/gtCount").asInt()).as("only the run's frames are scored").isEqualTo(110);
        assertThat(report.at("/tracking/mota").asDouble()).isEqualTo(1.0);
        assertThat(report.at("/groundTruth/pastRunEnd/boxes").asInt()).isEqualTo(110);
        assertThat(report.at("/groundTruth/pastRunEnd/frames").asInt()).isEqualTo(70);
        assertThat(report.get("warnings")).hasSize(1);
        assertThat(report.get("notes")).isEmpty();
    }

    @Test
    void aSeqinfoLengthOtherThanTheRunsIsAWarningNamingBothNumbers() throws Exception {
        writeEvents(crossing("in", "door-cam", START.plusMillis(1200)));
        Files.writeString(dir.resolve("seqinfo.ini"),
                "[Sequence]\nname=door\nframeRate=25\nseqLength=500\nimWidth=640\nimHeight=480\n");

        int code = eval("--gt", gtFile.toString(), "--data-dir", data.toString());

        assertThat(code).as("exit code; stderr: %s", err).isEqualTo(ExitCodes.OK);
        assertThat(err.toString()).contains("eval: warning: " + gtFile + ": its seqinfo.ini says the sequence has 500 frames"
                + " (seqLength), but the run decoded 100");
    }

    @Test
    void groundTruthWithNothingInTheRunsFramesIsBadInput() throws Exception {
        writeEvents();
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        assertBadInput(List.of("--gt", empty.toString(), "--data-dir", data.toString()), empty + ": no ground-truth person boxes");

        Path shifted = Files.writeString(dir.resolve("shifted.txt"), "1001,1,399,182,121,229,1,-1,-1,-1\n");
        assertBadInput(List.of("--gt", shifted.toString(), "--data-dir", data.toString()),
                shifted + ": none of its 1 person boxes lies in the run's 100 frames");
    }

    @Test
    void undefinedRatiosPrintAsADashNotNaN() throws Exception {
        writeEvents();
        Path noTracks = Files.writeString(dir.resolve("none.txt"), "");
        StringWriter table = new StringWriter();
        CommandLine cl = commandLine();
        cl.setOut(new PrintWriter(table, true));

        int code = cl.execute("eval", "--gt", gtFile.toString(), "--data-dir", data.toString(), "--tracks", noTracks.toString());

        assertThat(code).as("exit code; stderr: %s", err).isEqualTo(ExitCodes.OK);
        assertThat(table.toString()).doesNotContain("NaN").doesNotContain("Infinity")
                .containsPattern("door-cam +0\\.0% +- +0\\.0% +- +0\\.0% +- +0\\.0%");
    }

    @Test
    void theReportNeverReplacesTheGroundTruthOrTheRunsTracks() throws Exception {
        writeEvents(crossing("in", "door-cam", START.plusMillis(1200)));
        String labels = Files.readString(gtFile);
        Path tracks = data.resolve("tracks/door-cam.txt");
        String tracked = Files.readString(tracks);

        assertBadInput(List.of("--gt", gtFile.toString(), "--data-dir", data.toString(), "--out", gtFile.toString()),
                "--out " + gtFile + " is the same file as --gt " + gtFile);
        assertBadInput(List.of("--gt", gtFile.toString(), "--data-dir", data.toString(), "--out", tracks.toString()),
                "--out " + tracks + " is Footfall's own data (door-cam.txt)");

        assertThat(Files.readString(gtFile)).isEqualTo(labels);
        assertThat(Files.readString(tracks)).isEqualTo(tracked);
    }

    @Test
    void badInputExitsWithTwoAndNamesTheFile() throws Exception {
        writeEvents(crossing("in", "door-cam", START.plusMillis(1200)));

        assertBadInput(List.of("--gt", dir.resolve("missing.txt").toString(), "--data-dir", data.toString()), "missing.txt");
        assertBadInput(List.of("--gt", gtFile.toString(), "--data-dir", dir.resolve("nowhere").toString()), "run.json");
        assertBadInput(List.of("--gt", gtFile.toString(), "--data-dir", data.toString(), "--camera", "back-cam"), "back-cam");
        assertBadInput(List.of("--gt", gtFile.toString(), "--data-dir", data.toString(), "--gt-format", "coco"), "--gt-format");
        assertBadInput(List.of("--gt", gtFile.toString(), "--data-dir", data.toString(), "--format", "coco"), "--gt-format");

        Files.writeString(gtFile, "1,1,10,20,30\n");
        assertBadInput(List.of("--gt", gtFile.toString(), "--data-dir", data.toString()), "gt.txt:1");
    }

    @Test
    void missingTracksOrBrokenEventsExitWithTwo() throws Exception {
        Files.writeString(data.resolve("events.jsonl"), crossing("in", "door-cam", START.plusMillis(1200)) + "\nnot json\n");
        assertBadInput(List.of("--gt", gtFile.toString(), "--data-dir", data.toString()), "events.jsonl:2");

        Files.delete(data.resolve("tracks/door-cam.txt"));
        assertBadInput(List.of("--gt", gtFile.toString(), "--data-dir", data.toString()), "--save-tracks");
    }

    private void assertBadInput(List<String> args, String named) {
        err.getBuffer().setLength(0);
        List<String> all = new ArrayList<>(List.of("eval"));
        all.addAll(args);
        int code = commandLine().execute(all.toArray(String[]::new));
        assertThat(code).as("exit code of %s; stderr: %s", args, err).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains(named).hasLineCount(1);
    }

    private int eval(String... args) {
        List<String> all = new ArrayList<>(List.of("eval"));
        all.addAll(List.of(args));
        return commandLine().execute(all.toArray(String[]::new));
    }

    private CommandLine commandLine() {
        CommandLine cl = FootfallCommand.newCommandLine();
        cl.setErr(new PrintWriter(err, true));
        return cl;
    }

    private void writeEvents(String... lines) throws IOException {
        Files.write(data.resolve("events.jsonl"), List.of(lines));
    }

    private int ids;

    private String crossing(String direction, String camera, Instant at) {
        return "{\"schema\":1,\"id\":\"store-1:" + camera + ":crossing:mid:t" + (++ids) + ":" + at.toEpochMilli()
                + "\",\"type\":\"crossing\",\"device\":\"store-1\",\"camera\":\"" + camera + "\",\"at\":\"" + at
                + "\",\"line\":\"mid\",\"direction\":\"" + direction + "\",\"trackId\":" + ids + ",\"frame\":1,\"ptsMillis\":1}";
    }
}

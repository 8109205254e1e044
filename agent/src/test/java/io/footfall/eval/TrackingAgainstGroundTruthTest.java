package io.footfall.eval;

import io.footfall.job.EvalJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
import io.footfall.pipeline.JobProgress;
import io.footfall.job.RunRecord;
import io.footfall.pipeline.CameraPipeline;
import io.footfall.pipeline.JsonLinesSink;
import io.footfall.testing.SharedData;
import io.footfall.testing.TestDetectors;
import io.footfall.track.TrackerConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline (default detector person-detection-retail-0013 on OpenVINO, ByteTracker, line
 * counting) on real footage with ground truth, scored by {@link EvalJob}. Floors are the values measured
 * on this code (docs/benchmarks.md) less a margin for runtime version noise; a regression in
 * detection, tracking or counting falls through them.
 */
class TrackingAgainstGroundTruthTest {

    private static final Instant START = Instant.parse("2026-11-25T09:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void tudCampusTracksAndCountsTheMiddleLine() throws Exception {
        Path seq = SharedData.require(SharedData.TUD_CAMPUS);
        Path gt = seq.resolve("gt/gt.txt");
        Path data = tmp.resolve("tud");
        // People walk along the pavement across the middle of the frame: GT 4 in (left to right), 1 out.
        run(seq, List.of(CountLine.parse("mid", "0.5,0,0.5,1")), data);

        EvalReport r = score(gt, data);

        assertThat(r.frames()).isEqualTo(71);
        assertThat(r.format()).as("columns 8-10 all -1").isEqualTo(GroundTruthFormat.MOT15);
        assertThat(r.tracking().mota()).as("MOTA").isGreaterThanOrEqualTo(0.60);   // measured 0.630
        assertThat(r.tracking().idf1()).as("IDF1").isGreaterThanOrEqualTo(0.74);   // measured 0.776
        assertThat(r.tracking().idSwitches()).as("IDSW").isLessThanOrEqualTo(6);   // measured 4
        CountingError mid = r.lines().get(0);
        assertThat(mid.groundTruth()).isEqualTo(new LineCount("mid", 4, 1));
        assertThat(mid.absError()).as("line error, run %s", mid.run()).isLessThanOrEqualTo(1); // measured 0

        // The same through the command line, which must report what the job does.
        Path out = tmp.resolve("tud-report.json");
        int code = FootfallCommand.newCommandLine().execute("eval", "--gt", gt.toString(), "--data-dir", data.toString(),
                "--out", out.toString());
        assertThat(code).isEqualTo(ExitCodes.OK);
        JsonNode json = new ObjectMapper().readTree(out.toFile());
        assertThat(json.at("/tracking/mota").asDouble()).isCloseTo(r.tracking().mota(), within(1e-12));
        assertThat(json.at("/tracking/idf1").asDouble()).isCloseTo(r.tracking().idf1(), within(1e-12));
        assertThat(json.at("/lines/0/run/in").asInt()).isEqualTo(mid.run().in());
        assertThat(json.at("/lines/0/run/out").asInt()).isEqualTo(mid.run().out());

        // Replaying the run's own tracks through the same rules counts what the run emitted: the replay
        // (used for other trackers' output) is faithful to the live analytics.
        EvalReport replayed = new EvalJob().evaluate(new EvalJob.Request(gt, data, Optional.empty(), Optional.empty(),
                Optional.of(data.resolve("tracks/camera1.txt"))));
        assertThat(replayed.lines().get(0).run()).isEqualTo(mid.run());
    }

    /**
     * supervision's ByteTrack (0.30.9, its defaults) fed the very same detections as Footfall's tracker:
     * Footfall must identify and count at least as well (measured IDF1 0.776 vs 0.686, line error 0 vs 1).
     */
    @Test
    void footfallTracksTudCampusAtLeastAsWellAsSupervisionOnTheSameDetections() throws Exception {
        Path seq = SharedData.require(SharedData.TUD_CAMPUS);
        Path gt = seq.resolve("gt/gt.txt");
        Path python = SharedData.venvPython();
        Path data = tmp.resolve("tud-vs-sv");
        run(seq, List.of(CountLine.parse("mid", "0.5,0,0.5,1")), data);

        // The run's detector at the run's threshold (the tracker's lowThresh), written as footfall detect does.
        Path dets = tmp.resolve("dets.jsonl");
        DetectorSettings settings = DetectorSettings.defaults("person-detection-retail-0013", BackendKind.OPENVINO)
                .withMinScore(TrackerConfig.defaults().lowThresh());
        TestDetectors.job().run(seq.toString(), settings, Optional.of(dets), Long.MAX_VALUE,
                JobProgress.NONE);
        Path svTracks = tmp.resolve("sv.txt");
        Process p = new ProcessBuilder(python.toString(), SharedData.projectRoot().resolve("scripts/eval/supervision_track.py").toString(),
                dets.toString(), svTracks.toString(), "--fps", "25").redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(log).isZero();

        EvalReport ours = new EvalJob().evaluate(new EvalJob.Request(gt, data, Optional.empty(), Optional.empty(), Optional.empty()));
        EvalReport theirs = new EvalJob().evaluate(new EvalJob.Request(gt, data, Optional.empty(), Optional.empty(),
                Optional.of(svTracks)));
        System.out.print(ours.table());
        System.out.print(theirs.table());
        assertThat(theirs.tracking().idf1()).as("supervision IDF1").isBetween(0.5, 0.95);
        assertThat(ours.tracking().idf1()).as("Footfall IDF1 vs supervision's").isGreaterThanOrEqualTo(theirs.tracking().idf1());
        assertThat(ours.tracking().mota()).as("Footfall MOTA vs supervision's").isGreaterThanOrEqualTo(theirs.tracking().mota());
        assertThat(ours.lines().get(0).absError()).isLessThanOrEqualTo(theirs.lines().get(0).absError());
    }

    @Test
    void viratPlazaTracksAndCountsPeople() throws Exception {
        Path clip = SharedData.require(SharedData.VIRAT_CLIP);
        Path gt = SharedData.require(SharedData.VIRAT_GT);
        Path data = tmp.resolve("virat");
        run(clip, List.of(), data);

        EvalReport r = score(gt, data);

        assertThat(r.frames()).isEqualTo(493);
        assertThat(r.format()).isEqualTo(GroundTruthFormat.VIRAT);
        assertThat(r.gtPeople()).isEqualTo(8);
        // Small, mostly seated people under a high camera: the retail detector finds about a quarter of them.
        // The floor sits just under the measured value: MOTA = 1 - (misses + false positives + id switches) / GT
        // boxes, so the 0.006 margin is 16 of the 2 614 ground-truth boxes. What this hard scene depends on (the
        // low-score association pass, RunJob lowering the detector's threshold to the tracker's, prediction
        // across dropped frames) may not regress by more than that; the old floor of 0.07 let
        // MOTA fall by 27 % unnoticed.
        assertThat(r.tracking().mota()).as("MOTA").isGreaterThanOrEqualTo(0.09);   // measured 0.096 (2026-12-02; was 0.098)
        assertThat(r.tracking().idf1()).as("IDF1").isGreaterThanOrEqualTo(0.29);   // measured 0.328
        assertThat(r.tracking().precision()).as("precision").isGreaterThanOrEqualTo(0.60); // measured 0.643
        assertThat(r.trackedPeople()).as("people counted (distinct track ids)").isBetween(4, 8); // measured 5
    }

    /**
     * Small people under a high camera are what tiling is for: VIRAT on 2x2 tiles with 20 % overlap plus the whole
     * frame, each at the model's 768x432, finds far more of the seated people than the whole frame alone. Measured
     * 2026-12-02 (docs/accuracy.md): MOTA 0.335, IDF1 0.595 against 0.098 / 0.328 without tiles. The floors sit a
     * CPU family's noise under that; the default's floors are in {@link #viratPlazaTracksAndCountsPeople}.
     */
    @Test
    void viratOnTilesFindsTheSmallPeopleTheWholeFrameMisses() throws Exception {
        Path clip = SharedData.require(SharedData.VIRAT_CLIP);
        Path gt = SharedData.require(SharedData.VIRAT_GT);
        Path data = tmp.resolve("virat-tiles");
        DetectorSettings tiled = DetectorSettings.defaults("person-detection-retail-0013", BackendKind.OPENVINO)
                .withView(Optional.empty(), Optional.of(io.footfall.detect.Tiling.parse("2x2,0.2")));
        run(clip, List.of(), data, TrackerConfig.defaults(), tiled);
        EvalReport r = score(gt, data);
        assertThat(r.frames()).isEqualTo(493);
        assertThat(r.tracking().mota()).as("MOTA").isGreaterThanOrEqualTo(0.30);   // measured 0.335
        assertThat(r.tracking().idf1()).as("IDF1").isGreaterThanOrEqualTo(0.55);   // measured 0.595
    }

    /**
     * Appearance (person-reidentification-retail-0288) on and off on the same footage: no worse beyond one track
     * fragment where ground truth says who is who, within a hair on VIRAT. Measured (docs/benchmarks.md), and the
     * result differs between CPU families because a cosine distance near the gate flips: on one CI EPYC TUD-Campus was
     * equal (MOTA 0.630, IDF1 0.779, 4 switches); on this project's EPYC (2026-12-03, also at 3faa175) appearance
     * removes a switch (4 to 3) and lifts MOTA 0.630 to 0.632 but splits one person's identity, IDF1 0.776 to 0.765,
     * and that person's crossing is missed (line error 0 to 1). A second fragment (IDF1 down about 0.02 more) or a
     * second missed crossing fails. VIRAT: 0 switches both, IDF1 0.3254 to 0.3250 and MOTA 0.096 to 0.094: a track
     * recovered by appearance is reported from its first frame back, where a new track would wait for its second hit,
     * and here those frames are the detector's false positives (5 of 2 614 boxes).
     */
    @Test
    void appearanceOnTudCampusAndViratIsNoWorseThanWithout() throws Exception {
        Path tud = SharedData.require(SharedData.TUD_CAMPUS);
        List<CountLine> mid = List.of(CountLine.parse("mid", "0.5,0,0.5,1"));
        EvalReport tudOff = scored(tud, mid, tud.resolve("gt/gt.txt"), TrackerConfig.defaults(), tmp.resolve("tud-off"));
        EvalReport tudOn = scored(tud, mid, tud.resolve("gt/gt.txt"), APPEARANCE, tmp.resolve("tud-on"));
        assertThat(tudOn.tracking().idf1()).as("TUD IDF1").isGreaterThanOrEqualTo(tudOff.tracking().idf1());
        assertThat(tudOn.tracking().mota()).as("TUD MOTA").isGreaterThanOrEqualTo(tudOff.tracking().mota());
        assertThat(tudOn.tracking().idSwitches()).as("TUD IDSW").isLessThanOrEqualTo(tudOff.tracking().idSwitches());
        assertThat(tudOn.lines().get(0).absError()).as("TUD line error").isLessThanOrEqualTo(tudOff.lines().get(0).absError());

        Path virat = SharedData.require(SharedData.VIRAT_CLIP);
        Path viratGt = SharedData.require(SharedData.VIRAT_GT);
        EvalReport viratOff = scored(virat, List.of(), viratGt, TrackerConfig.defaults(), tmp.resolve("virat-off"));
        EvalReport viratOn = scored(virat, List.of(), viratGt, APPEARANCE, tmp.resolve("virat-on"));
        assertThat(viratOn.tracking().idf1()).as("VIRAT IDF1").isGreaterThanOrEqualTo(viratOff.tracking().idf1());
        assertThat(viratOn.tracking().idSwitches()).as("VIRAT IDSW").isLessThanOrEqualTo(viratOff.tracking().idSwitches());
        // A lost person recovered by appearance alone is reported from their second frame back, as a new track is:
        // before, VIRAT lost 0.002 of MOTA to one-frame recoveries of someone the ground truth does not have.
        assertThat(viratOn.tracking().mota()).as("VIRAT MOTA").isGreaterThanOrEqualTo(viratOff.tracking().mota());
    }

    /**
     * The default detector leaves TUD-Campus no switch that appearance can remove (two people side by side share one
     * box); yolox-nano's boxes leave 7, and appearance must remove some of them, at no cost to MOTA or the line.
     */
    @Test
    void appearanceRemovesSwitchesOnTudCampusWhereTheDetectorLeavesSome() throws Exception {
        Path tud = SharedData.require(SharedData.TUD_CAMPUS);
        List<CountLine> mid = List.of(CountLine.parse("mid", "0.5,0,0.5,1"));
        DetectorSettings yolox = DetectorSettings.defaults("yolox-nano", BackendKind.OPENVINO);
        Path gt = tud.resolve("gt/gt.txt");
        run(tud, mid, tmp.resolve("yolox-off"), TrackerConfig.defaults(), yolox);
        run(tud, mid, tmp.resolve("yolox-on"), APPEARANCE, yolox);
        EvalReport off = score(gt, tmp.resolve("yolox-off"));
        EvalReport on = score(gt, tmp.resolve("yolox-on"));
        assertThat(off.tracking().idSwitches()).as("yolox-nano IDSW, appearance off").isGreaterThanOrEqualTo(5);
        assertThat(on.tracking().idSwitches()).as("yolox-nano IDSW, appearance on (measured 3 against 7)")
                .isLessThanOrEqualTo(off.tracking().idSwitches() - 3);
        assertThat(on.tracking().idf1()).as("IDF1").isGreaterThan(off.tracking().idf1());
        assertThat(on.tracking().mota()).as("MOTA").isGreaterThanOrEqualTo(off.tracking().mota());
        assertThat(on.lines().get(0).absError()).as("line error").isLessThanOrEqualTo(off.lines().get(0).absError());
    }

    private static final TrackerConfig APPEARANCE = TrackerConfig.defaults()
            .withAppearance(io.footfall.track.AppearanceConfig.with(io.footfall.track.AppearanceConfig.DEFAULT_MODEL));

    private static EvalReport scored(Path source, List<CountLine> lines, Path gt, TrackerConfig tracker, Path data)
            throws Exception {
        run(source, lines, data, tracker);
        return score(gt, data);
    }

    private static EvalReport score(Path gt, Path data) throws Exception {
        EvalReport r = new EvalJob().evaluate(new EvalJob.Request(gt, data, Optional.empty(), Optional.empty(), Optional.empty()));
        System.out.print(r.table());
        return r;
    }

    private static void run(Path source, List<CountLine> lines, Path data) throws Exception {
        run(source, lines, data, TrackerConfig.defaults());
    }

    private static void run(Path source, List<CountLine> lines, Path data, TrackerConfig tracker) throws Exception {
        run(source, lines, data, tracker, DetectorSettings.defaults("person-detection-retail-0013", BackendKind.OPENVINO));
    }

    private static void run(Path source, List<CountLine> lines, Path data, TrackerConfig tracker, DetectorSettings detector)
            throws Exception {
        CameraConfig cam = new CameraConfig("camera1", source.toString(), Optional.of(START), lines, List.of());
        FootfallConfig cfg = FootfallConfig.builder().deviceId("eval-test")
                .detector(detector)
                .tracker(tracker)
                .clips(new ClipPolicy(ClipPolicy.Mode.OFF, Duration.ofSeconds(3), Duration.ofSeconds(3)))
                .cameras(List.of(cam)).build();
        io.footfall.testing.Runs.run(cfg, data, Optional.of(data.resolve("tracks")));
    }
}

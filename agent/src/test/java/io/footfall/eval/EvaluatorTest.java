package io.footfall.eval;

import io.footfall.schema.TrackBox;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.footfall.geometry.Box;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    private static final Box A = new Box(0, 0, 10, 20);
    private static final Box B = new Box(100, 0, 10, 20);
    private static final Box FAR = new Box(500, 500, 10, 20);

    @Test
    void perfectTrackerScoresOne() {
        List<GtBox> gt = new ArrayList<>();
        List<TrackBox> hyp = new ArrayList<>();
        for (int f = 0; f < 5; f++) {
            gt.add(new GtBox(f, 1, shifted(A, f)));
            gt.add(new GtBox(f, 2, shifted(B, f)));
            hyp.add(new TrackBox(f, 20, shifted(B, f)));
            hyp.add(new TrackBox(f, 10, shifted(A, f)));
        }
        MotMetrics m = Evaluator.score(GroundTruth.of(gt), hyp);

        assertThat(m.mota()).isEqualTo(1.0);
        assertThat(m.idf1()).isEqualTo(1.0);
        assertThat(m.motp()).isEqualTo(0.0);
        assertThat(m.idSwitches()).isZero();
        assertThat(m.falsePositives()).isZero();
        assertThat(m.misses()).isZero();
        assertThat(m.matches()).isEqualTo(10);
        assertThat(m.gtCount()).isEqualTo(10);
        assertThat(m.precision()).isEqualTo(1.0);
        assertThat(m.recall()).isEqualTo(1.0);
    }

    @Test
    void newTrackIdForTheSameObjectIsOneSwitch() {
        List<GtBox> gt = object(1, A, 0, 4);
        List<TrackBox> hyp = new ArrayList<>(track(7, A, 0, 2));
        hyp.addAll(track(8, A, 2, 4));

        MotMetrics m = Evaluator.score(GroundTruth.of(gt), hyp);

        assertThat(m.idSwitches()).isEqualTo(1);
        assertThat(m.matches()).isEqualTo(3);
        assertThat(m.mota()).isEqualTo(0.75);
        assertThat(m.recall()).isEqualTo(1.0);
        assertThat(m.idTruePositives()).isEqualTo(2);
        assertThat(m.idf1()).isEqualTo(0.5);
        assertThat(m.idp()).isEqualTo(0.5);
        assertThat(m.idr()).isEqualTo(0.5);
    }

    @Test
    void twoTracksExchangingIdsAreTwoSwitches() {
        List<GtBox> gt = new ArrayList<>(object(1, A, 0, 4));
        gt.addAll(object(2, B, 0, 4));
        List<TrackBox> hyp = new ArrayList<>(track(10, A, 0, 2));
        hyp.addAll(track(20, B, 0, 2));
        hyp.addAll(track(20, A, 2, 4));
        hyp.addAll(track(10, B, 2, 4));

        MotMetrics m = Evaluator.score(GroundTruth.of(gt), hyp);

        assertThat(m.idSwitches()).isEqualTo(2);
        assertThat(m.mota()).isEqualTo(0.75);
        assertThat(m.idf1()).isEqualTo(0.5);
        assertThat(m.falsePositives()).isZero();
    }

    @Test
    void idf1PairsEachObjectWithItsLongestTrack() {
        List<GtBox> gt = object(1, A, 0, 6);
        List<TrackBox> hyp = new ArrayList<>(track(7, A, 0, 4));
        hyp.addAll(track(8, A, 4, 6));

        MotMetrics m = Evaluator.score(GroundTruth.of(gt), hyp);

        assertThat(m.idTruePositives()).isEqualTo(4);
        assertThat(m.idFalsePositives()).isEqualTo(2);
        assertThat(m.idFalseNegatives()).isEqualTo(2);
        assertThat(m.idf1()).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void hypothesesFarFromEveryObjectAreAllFalsePositives() {
        List<GtBox> gt = List.of(new GtBox(0, 1, A), new GtBox(0, 2, B));
        List<TrackBox> hyp = List.of(new TrackBox(0, 1, FAR), new TrackBox(0, 2, shifted(FAR, 50)),
                new TrackBox(0, 3, shifted(FAR, 100)), new TrackBox(3, 4, A));

        MotMetrics m = Evaluator.score(GroundTruth.of(gt), hyp);

        assertThat(m.falsePositives()).isEqualTo(4);
        assertThat(m.misses()).isEqualTo(2);
        assertThat(m.mota()).isEqualTo(-2.0);
        assertThat(m.precision()).isEqualTo(0.0);
        assertThat(m.recall()).isEqualTo(0.0);
        assertThat(m.idf1()).isEqualTo(0.0);
    }

    @Test
    void noHypothesesMissesEverything() {
        MotMetrics m = Evaluator.score(GroundTruth.of(object(1, A, 0, 3)), List.of());

        assertThat(m.misses()).isEqualTo(3);
        assertThat(m.mota()).isEqualTo(0.0);
        assertThat(m.recall()).isEqualTo(0.0);
        assertThat(m.precision()).isNaN();
    }

    @Test
    void keepsThePreviousPairWhileItStillOverlapsEnough() {
        Box close = new Box(0, 0, 10, 20 * 0.6); // IoU 0.6 with A
        List<GtBox> gt = object(1, A, 0, 2);
        List<TrackBox> hyp = List.of(new TrackBox(0, 1, A), new TrackBox(1, 1, close), new TrackBox(1, 2, A));

        MotMetrics m = Evaluator.score(GroundTruth.of(gt), hyp);

        assertThat(m.idSwitches()).isZero();
        assertThat(m.falsePositives()).isEqualTo(1);
        assertThat(m.motp()).isCloseTo((0 + 0.4) / 2, within(1e-12));
    }

    @Test
    void withoutAPreviousPairTheBestOverlapWins() {
        Box close = new Box(0, 0, 10, 20 * 0.6);
        List<TrackBox> hyp = List.of(new TrackBox(1, 1, close), new TrackBox(1, 2, A));

        MotMetrics m = Evaluator.score(GroundTruth.of(object(1, A, 1, 2)), hyp);

        assertThat(m.motp()).isEqualTo(0.0);
        assertThat(m.falsePositives()).isEqualTo(1);
    }

    @Test
    void objectReturningWithAnotherTrackAfterAGapIsASwitch() {
        List<GtBox> gt = List.of(new GtBox(0, 1, A), new GtBox(5, 1, A));
        List<TrackBox> hyp = List.of(new TrackBox(0, 1, A), new TrackBox(5, 2, A));

        assertThat(Evaluator.score(GroundTruth.of(gt), hyp).idSwitches()).isEqualTo(1);
    }

    @Test
    void pairsNeedIouOfAtLeastHalf() {
        List<GtBox> gt = List.of(new GtBox(0, 1, new Box(0, 0, 10, 10)), new GtBox(1, 1, new Box(0, 0, 10, 10)));
        List<TrackBox> hyp = List.of(new TrackBox(0, 1, new Box(0, 0, 10, 5)), new TrackBox(1, 1, new Box(0, 0, 10, 4.9)));

        MotMetrics m = Evaluator.score(GroundTruth.of(gt), hyp);

        assertThat(m.matches()).isEqualTo(1);
        assertThat(m.misses()).isEqualTo(1);
        assertThat(m.falsePositives()).isEqualTo(1);
        assertThat(m.motp()).isEqualTo(0.5);
    }

    @Test
    void makesAsManyPairsAsPossibleBeforeMinimisingDistance() {
        // o1 overlaps h1 perfectly, but pairing them would leave o2 and h2 unpaired.
        List<GtBox> gt = List.of(new GtBox(0, 1, new Box(0, 0, 10, 10)), new GtBox(0, 2, new Box(-2.5, 0, 10, 10)));
        List<TrackBox> hyp = List.of(new TrackBox(0, 1, new Box(0, 0, 10, 10)), new TrackBox(0, 2, new Box(2.5, 0, 10, 10)));

        MotMetrics m = Evaluator.score(GroundTruth.of(gt), hyp);

        assertThat(m.matches()).isEqualTo(2);
        assertThat(m.falsePositives()).isZero();
        assertThat(m.motp()).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void framesAtOrAfterFrameCountAreLeftOut() {
        List<GtBox> gt = object(1, A, 0, 4);
        List<TrackBox> hyp = track(1, A, 0, 6);

        MotMetrics m = Evaluator.score(GroundTruth.of(gt), hyp, 2);

        assertThat(m.gtCount()).isEqualTo(2);
        assertThat(m.predictions()).isEqualTo(2);
        assertThat(m.mota()).isEqualTo(1.0);
    }

    @Test
    void rejectsTwoBoxesOfOneTrackInAFrame() {
        List<TrackBox> hyp = List.of(new TrackBox(0, 1, A), new TrackBox(0, 1, B));

        assertThatThrownBy(() -> Evaluator.score(GroundTruth.of(List.of()), hyp))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("track 1").hasMessageContaining("frame 0");
    }

    @Test
    void reportTableHasOneAlignedRowPerSequence() {
        MotMetrics m = Evaluator.score(GroundTruth.of(object(1, A, 0, 4)), track(1, A, 0, 2));

        String table = MotReport.table(new java.util.LinkedHashMap<>(java.util.Map.of("TUD-Campus", m)));

        String[] lines = table.split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("sequence").contains("MOTA").contains("IDF1");
        assertThat(lines[1]).startsWith("TUD-Campus").contains("50.0%");
        assertThat(lines[1]).hasSameSizeAs(lines[0]);
        assertThat(m.toString()).contains("MOTA=0.500").contains("FN=2");
    }

    static Box shifted(Box b, double dx) {
        return new Box(b.x() + dx, b.y(), b.w(), b.h());
    }

    /** Object {@code id} at {@code box} on frames [from, to). */
    static List<GtBox> object(long id, Box box, int from, int to) {
        List<GtBox> out = new ArrayList<>();
        for (int f = from; f < to; f++) {
            out.add(new GtBox(f, id, box));
        }
        return out;
    }

    /** Track {@code id} at {@code box} on frames [from, to). */
    static List<TrackBox> track(long id, Box box, int from, int to) {
        List<TrackBox> out = new ArrayList<>();
        for (int f = from; f < to; f++) {
            out.add(new TrackBox(f, id, box));
        }
        return out;
    }
}

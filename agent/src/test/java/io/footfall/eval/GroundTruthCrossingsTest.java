package io.footfall.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.footfall.config.CameraConfig;
import io.footfall.count.AnalyticsConfig;
import io.footfall.count.CountLine;
import io.footfall.geometry.Box;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Ground-truth crossings on synthetic annotations: boxes walking across a vertical line at x = 0.5 of a
 * 640x480, 25 fps video, counted with the default line rules (hysteresis 0.1 box height, 2 s cancel window).
 */
class GroundTruthCrossingsTest {

    private static final SequenceInfo VIDEO = new SequenceInfo("synthetic", 25, 640, 480, 200);
    private static final CameraConfig CAMERA = new CameraConfig("cam", "synthetic", Optional.empty(),
            List.of(CountLine.parse("mid", "0.5,0,0.5,1")), List.of());

    @Test
    void aBoxWalkingLeftToRightAcrossTheLineIsOneIn() {
        GroundTruth gt = GroundTruth.of(walk(7, 0, 60, 100, 500));

        assertThat(count(gt)).containsExactly(new LineCount("mid", 1, 0));
    }

    @Test
    void aBoxWalkingRightToLeftIsOneOutAndTwoWalkersCountSeparately() {
        List<GtBox> boxes = new ArrayList<>(walk(1, 0, 60, 500, 100));
        boxes.addAll(walk(2, 30, 60, 80, 560));

        assertThat(count(GroundTruth.of(boxes))).containsExactly(new LineCount("mid", 1, 1));
    }

    @Test
    void aUTurnWithinTheCancelWindowCountsNothingButOneAfterItCountsBothWays() {
        List<GtBox> quick = new ArrayList<>(walk(1, 0, 15, 200, 420));
        quick.addAll(walk(1, 15, 15, 420, 200)); // back across 0.6 s later: withdrawn
        assertThat(count(GroundTruth.of(quick))).containsExactly(new LineCount("mid", 0, 0));

        List<GtBox> slow = new ArrayList<>(walk(1, 0, 15, 200, 420));
        slow.addAll(walk(1, 15, 100, 420, 420)); // stands 4 s past the line
        slow.addAll(walk(1, 115, 15, 420, 200));
        assertThat(count(GroundTruth.of(slow))).containsExactly(new LineCount("mid", 1, 1));
    }

    @Test
    void identityDecidesWhatCrossesAGapKeepsTheObjectANewIdStartsAfresh() {
        List<GtBox> sameId = new ArrayList<>(walk(3, 0, 10, 150, 250));
        sameId.addAll(walk(3, 40, 10, 400, 500)); // unannotated for 30 frames, then seen past the line
        assertThat(count(GroundTruth.of(sameId))).containsExactly(new LineCount("mid", 1, 0));

        List<GtBox> twoIds = new ArrayList<>(walk(3, 0, 10, 150, 250));
        twoIds.addAll(walk(4, 10, 10, 400, 500)); // id 3 ended; id 4 is first seen on the far side
        assertThat(count(GroundTruth.of(twoIds))).containsExactly(new LineCount("mid", 0, 0));
    }

    @Test
    void framesPastTheVideosEndAreLeftOut() {
        GroundTruth gt = GroundTruth.of(walk(7, 180, 60, 100, 500)); // would cross near frame 210

        assertThat(count(gt)).containsExactly(new LineCount("mid", 0, 0));
    }

    private static List<LineCount> count(GroundTruth gt) {
        return GroundTruthCrossings.count(gt, CAMERA, AnalyticsConfig.defaults(), VIDEO);
    }

    /** A 40x100 box whose left edge goes from x0 to x1 over {@code frames} frames from {@code first}. */
    static List<GtBox> walk(long id, long first, int frames, double x0, double x1) {
        List<GtBox> boxes = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            double x = x0 + (x1 - x0) * i / Math.max(frames - 1, 1);
            boxes.add(new GtBox(first + i, id, new Box(x, 200, 40, 100)));
        }
        return boxes;
    }
}

package io.footfall.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.footfall.geometry.Box;
import io.footfall.detect.Detection;
import io.footfall.detect.FrameDetections;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectionScorerTest {

    private static final Box A = new Box(0, 0, 10, 10);
    private static final Box B = new Box(50, 0, 10, 10);

    @Test
    void perfectDetectionsScoreOne() {
        GroundTruth gt = GroundTruth.of(List.of(new GtBox(0, 1, A), new GtBox(0, 2, B), new GtBox(1, 1, A)));
        List<FrameDetections> dets = List.of(frame(0, A, B), frame(1, A));

        DetectionMetrics m = DetectionScorer.score(gt, dets);

        assertThat(m.precision()).isEqualTo(1.0);
        assertThat(m.recall()).isEqualTo(1.0);
        assertThat(m.f1()).isEqualTo(1.0);
        assertThat(m.meanIou()).isEqualTo(1.0);
    }

    @Test
    void countsPoorOverlapsAndUndetectedFramesAsErrors() {
        GroundTruth gt = GroundTruth.of(List.of(new GtBox(0, 1, A), new GtBox(0, 2, B), new GtBox(1, 1, A)));
        Box poor = new Box(50, 0, 10, 4.9); // IoU 0.49 with B
        List<FrameDetections> dets = List.of(frame(0, A, poor), frame(7, B));

        DetectionMetrics m = DetectionScorer.score(gt, dets);

        assertThat(m.truePositives()).isEqualTo(1);
        assertThat(m.falsePositives()).isEqualTo(2);
        assertThat(m.misses()).isEqualTo(2);
        assertThat(m.precision()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(m.recall()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(DetectionScorer.score(gt, dets, 2).detections()).isEqualTo(2);
    }

    @Test
    void pairsAsManyAsPossibleNotGreedily() {
        GroundTruth gt = GroundTruth.of(List.of(new GtBox(0, 1, A), new GtBox(0, 2, new Box(-2.5, 0, 10, 10))));
        List<FrameDetections> dets = List.of(frame(0, A, new Box(2.5, 0, 10, 10)));

        DetectionMetrics m = DetectionScorer.score(gt, dets);

        assertThat(m.truePositives()).isEqualTo(2);
        assertThat(m.meanIou()).isCloseTo(0.6, within(1e-12));
    }

    private static FrameDetections frame(long index, Box... boxes) {
        return new FrameDetections(index, index * 40, 640, 480,
                java.util.Arrays.stream(boxes).map(b -> new Detection(b, 0.9f, "person")).toList());
    }
}

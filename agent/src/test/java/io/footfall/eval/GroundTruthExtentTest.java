package io.footfall.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.footfall.BadInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GroundTruthExtentTest {

    private static final Path FILE = Path.of("gt/gt.txt");

    @Test
    void groundTruthOfTwiceTheRunIsAWarningWithTheBoxesAndFramesLeftOut() {
        List<GtBox> boxes = new ArrayList<>(GroundTruthCrossingsTest.walk(1, 0, 100, 100, 500));
        boxes.addAll(GroundTruthCrossingsTest.walk(2, 100, 100, 100, 500));

        GroundTruthExtent extent = GroundTruthExtent.of(FILE, GroundTruth.of(boxes), 100);

        assertThat(extent.boxesPastEnd()).isEqualTo(100);
        assertThat(extent.framesPastEnd()).isEqualTo(100);
        assertThat(extent.notes(FILE)).isEmpty();
        assertThat(extent.warnings(FILE)).singleElement().asString()
                .startsWith("gt/gt.txt: 100 person boxes on 100 frames past the run's last frame are not scored")
                .contains("the run decoded 100 frames, the ground truth goes on to the 200th frame");
    }

    @Test
    void viratsTwoFramesPastTheDecodedEndAreANote() {
        Path file = EvalTestData.shared(EvalTestData.VIRAT_OBJECTS);

        GroundTruthExtent extent = GroundTruthExtent.of(file, ViratFormat.readPersons(file, Long.MAX_VALUE),
                EvalTestData.VIRAT_FRAMES);

        assertThat(extent.boxesPastEnd()).isEqualTo(12);
        assertThat(extent.framesPastEnd()).isEqualTo(2);
        assertThat(extent.warnings(file)).isEmpty();
        assertThat(extent.notes(file)).singleElement().asString().contains("12 person boxes on 2 frames just past");
    }

    @Test
    void aSeqLengthOtherThanTheRunsFramesIsAWarningNamingBoth() {
        GroundTruth gt = GroundTruth.of(GroundTruthCrossingsTest.walk(1, 0, 71, 100, 500),
                new SequenceInfo("TUD-Campus", 25, 640, 480, 500));

        GroundTruthExtent extent = GroundTruthExtent.of(FILE, gt, 71);

        assertThat(extent.seqLength()).contains(500L);
        assertThat(extent.warnings(FILE)).singleElement().asString()
                .contains("seqinfo.ini says the sequence has 500 frames (seqLength), but the run decoded 71");
        assertThat(GroundTruthExtent.of(FILE, gt, 500).warnings(FILE)).isEmpty();
    }

    @Test
    void noBoxesOrNoneInTheRunsFramesIsBadInputNamingTheFile() {
        assertThatThrownBy(() -> GroundTruthExtent.of(FILE, GroundTruth.of(List.of()), 71))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("gt/gt.txt: no ground-truth person boxes");
        GroundTruth shifted = GroundTruth.of(GroundTruthCrossingsTest.walk(1, 1000, 71, 100, 500));
        assertThatThrownBy(() -> GroundTruthExtent.of(FILE, shifted, 71))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("gt/gt.txt: none of its 71 person boxes lies in the run's 71 frames (the first is on the"
                        + " 1001st frame)");
    }

    @Test
    void groundTruthInsideTheRunHasNothingToSay() {
        GroundTruthExtent extent = GroundTruthExtent.of(FILE, GroundTruth.of(GroundTruthCrossingsTest.walk(1, 0, 50, 1, 2)), 71);

        assertThat(extent).isEqualTo(new GroundTruthExtent(71, 0, 0, 49, Optional.empty()));
        assertThat(extent.warnings(FILE)).isEmpty();
        assertThat(extent.notes(FILE)).isEmpty();
    }
}

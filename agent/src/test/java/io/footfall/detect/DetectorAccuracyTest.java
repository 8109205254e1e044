package io.footfall.detect;

import io.footfall.eval.DetectionMetrics;
import io.footfall.eval.DetectionScorer;
import io.footfall.eval.GroundTruth;
import io.footfall.eval.MotChallengeFormat;
import io.footfall.testing.SharedData;
import io.footfall.testing.TestDetectors;
import io.footfall.video.Frame;
import io.footfall.video.FrameSource;
import io.footfall.video.Sources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Precision and recall at IoU 0.5 of each detector on TUD-Campus (MOT15 ground truth), at the
 * manifest's score threshold. Floors are the measured values (docs/benchmarks.md) less a small
 * margin for runtime version noise: a regression in preprocessing or decoding falls through them.
 */
class DetectorAccuracyTest {

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
            "person-detection-retail-0013, OPENVINO,    0.77, 0.82",  // measured 0.789 / 0.836
            "yolox-nano,                   OPENVINO,    0.63, 0.76",  // measured 0.656 / 0.780
            "yolox-nano,                   ONNXRUNTIME, 0.63, 0.76",  // measured 0.646 / 0.772
    })
    void precisionAndRecallOnTudCampus(String model, BackendKind backend, double minPrecision, double minRecall) throws Exception {
        Path seq = SharedData.require(SharedData.TUD_CAMPUS);
        GroundTruth gt = MotChallengeFormat.readGroundTruth(seq.resolve("gt/gt.txt"));
        List<FrameDetections> found = new ArrayList<>();
        try (FrameSource src = Sources.open(seq.toString());
             Detector d = TestDetectors.open(DetectorSettings.defaults(model, backend))) {
            Frame f;
            while ((f = src.next()) != null) {
                found.add(d.detect(f));
            }
        }
        DetectionMetrics m = DetectionScorer.score(gt, found, found.size());
        System.out.printf("TUD-Campus %s %s: %s%n", model, backend, m);
        assertThat(found).hasSize(71);
        assertThat(m.precision()).as("precision").isGreaterThanOrEqualTo(minPrecision);
        assertThat(m.recall()).as("recall").isGreaterThanOrEqualTo(minRecall);
    }
}

package io.footfall.detect;

import io.footfall.geometry.Box;
import io.footfall.testing.SharedData;
import io.footfall.testing.TestDetectors;
import io.footfall.testing.TestFrames;
import io.footfall.video.Frame;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each detector on each runtime its format allows, on the one-by-one clip: one person standing at
 * the table in frame 600, an empty room in frames 0..30.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonDetectionOnRealVideoTest {

    /** The person in frame 600, drawn by hand on the frame: (x, y, w, h) in source pixels. */
    static final Box PERSON_AT_600 = new Box(410, 0, 150, 400);

    private List<Frame> frames;

    @BeforeAll
    void decode() throws Exception {
        Path clip = SharedData.require(SharedData.ONE_BY_ONE);
        long[] idx = new long[32];
        for (int i = 0; i <= 30; i++) {
            idx[i] = i;
        }
        idx[31] = 600;
        frames = TestFrames.at(clip, idx);
    }

    static Stream<Arguments> detectors() {
        return Stream.of(
                Arguments.of("person-detection-retail-0013", BackendKind.OPENVINO),
                Arguments.of("yolox-nano", BackendKind.OPENVINO),
                Arguments.of("yolox-nano", BackendKind.ONNXRUNTIME));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("detectors")
    void onePersonAtTheTableAndNoneInTheEmptyRoom(String model, BackendKind backend) {
        SharedData.require("models");
        try (Detector d = TestDetectors.open(DetectorSettings.defaults(model, backend))) {
            FrameDetections at600 = d.detect(frames.get(31));
            assertThat(at600.frame()).isEqualTo(600);
            assertThat(at600.ptsMillis()).isEqualTo(60_000);
            assertThat(at600.detections()).as("people in frame 600").hasSize(1);
            assertThat(at600.detections().get(0).box().iou(PERSON_AT_600)).as("overlap with the person").isGreaterThan(0.7);
            for (int i = 0; i <= 30; i++) {
                assertThat(d.detect(frames.get(i)).detections()).as("people in empty frame %d", i).isEmpty();
            }
        }
    }

    @AfterAll
    void release() {
        frames = null;
    }
}

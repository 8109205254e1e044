package io.footfall.detect;

import io.footfall.testing.SharedData;
import io.footfall.testing.TestDetectors;
import io.footfall.testing.TestFrames;
import io.footfall.video.Frame;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A wide view's tiles through the runtime side by side find exactly what they find one after another, on a real VIRAT
 * plaza frame, frame after frame (the tile and whole-frame models stay compiled between frames).
 */
class QueuedTilesTest {

    @Test
    void tilesSideBySideFindWhatTheyFindOneAfterAnother() throws Exception {
        List<Frame> frames = TestFrames.at(SharedData.require(SharedData.VIRAT_CLIP), 100, 200, 300);
        DetectorSettings settings = DetectorSettings.defaults("person-detection-retail-0013", BackendKind.OPENVINO)
                .withView(Optional.empty(), Optional.of(Tiling.parse("2x2,0.2"))).withInFlight(4);
        try (Detector tiled = TestDetectors.open(settings);
             DetectionQueue queue = tiled.queue(settings.inFlight())) {
            int people = 0;
            for (Frame f : frames) {
                FrameDetections oneByOne = tiled.detect(f);
                List<FrameDetections> sideBySide = queue.submit(f);
                assertThat(sideBySide).as("a frame's own detections, at once").hasSize(1);
                assertThat(sideBySide.get(0)).isEqualTo(oneByOne);
                people += oneByOne.detections().size();
            }
            assertThat(queue.drain()).isEmpty();
            assertThat(people).as("VIRAT's plaza has people in every one of these frames").isGreaterThan(6);
        }
    }
}

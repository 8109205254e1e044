package io.footfall.track;

import io.footfall.geometry.Box;
import io.footfall.detect.Detection;
import io.footfall.detect.FrameDetections;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A live camera drops frames when inference falls behind; the tracker must still follow the person. */
class DroppedFramesTest {

    @Test
    void aPersonKeepsTheirIdAcrossDroppedFrames() {
        ByteTracker tracker = new ByteTracker();
        Set<Long> ids = new HashSet<>();
        // 60 px wide, walking 20 px per frame at 10 fps; frames 10..14 are dropped (a 600 ms gap):
        // predicting a single frame ahead would leave the box 100 px behind, with no overlap at all.
        for (int frame = 0; frame < 30; frame++) {
            if (frame >= 10 && frame < 15) {
                continue;
            }
            Box b = new Box(20 + 20 * frame, 100, 60, 160);
            TrackedFrame t = tracker.update(new FrameDetections(frame, frame * 100L, 1280, 720,
                    List.of(new Detection(b, 0.9f, "person"))));
            t.confirmed().forEach(o -> ids.add(o.id().value()));
            if (frame > 1) {
                assertThat(t.confirmed()).as("frame %d", frame).hasSize(1);
            }
        }
        assertThat(ids).as("one person, one id").hasSize(1);
    }
}

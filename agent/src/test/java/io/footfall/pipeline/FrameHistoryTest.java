package io.footfall.pipeline;

import io.footfall.testing.SharedData;
import io.footfall.testing.TestFrames;
import io.footfall.video.Frame;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The clip history keeps the last seconds of real frames compressed, and gives them back close to what went in. */
class FrameHistoryTest {

    @Test
    void keepsTheLastSecondsOfFramesSmallAndGivesThemBackFaithfully() throws Exception {
        List<Frame> frames = TestFrames.at(SharedData.require(SharedData.VTEST), 100, 101, 102, 103, 104, 105, 106, 107);
        FrameHistory history = new FrameHistory(300);
        for (Frame f : frames) {
            history.add(f);
        }
        assertThat(history.size()).as("10 frames/s: 300 ms back from frame 107 is frames 104-107").isEqualTo(4);
        long raw = 768L * 576 * 3 * history.size();
        assertThat(history.bytes()).as("compressed").isPositive().isLessThan(raw / 8);
        assertThat(history.firstAtOrAfter(10_350)).hasValue(10_400);
        assertThat(history.firstAtOrAfter(20_000)).isEmpty();

        List<Long> replayed = new ArrayList<>();
        history.replay(10_400, 10_700, f -> {
            replayed.add(f.index());
            Frame original = frames.get((int) (f.index() - 100));
            assertThat(f.width()).isEqualTo(original.width());
            assertThat(f.height()).isEqualTo(original.height());
            assertThat(meanAbsoluteDifference(f, original)).as("frame %d, JPEG quality %d", f.index(), FrameHistory.QUALITY)
                    .isLessThan(3.0);
        });
        assertThat(replayed).containsExactly(104L, 105L, 106L);
        history.clear();
        assertThat(history.size()).isZero();
        assertThat(history.bytes()).isZero();
    }

    @Test
    void framesKeptForSecondsGoRoundOneBufferAndStillComeBackFaithfully() throws Exception {
        long[] indexes = java.util.stream.LongStream.range(200, 320).toArray();
        List<Frame> frames = TestFrames.at(SharedData.require(SharedData.VTEST), indexes);
        try (FrameHistory history = new FrameHistory(1_000)) {
            for (Frame f : frames) {
                history.add(f);
            }
            assertThat(history.size()).as("10 frames/s: one second back from frame 319 is frames 309-319").isEqualTo(11);
            assertThat(history.capacity()).as("120 frames went through a buffer of a few seconds' worth")
                    .isBetween(history.bytes(), history.bytes() * 3);
            List<Long> replayed = new ArrayList<>();
            history.replay(31_500, 32_000, f -> {
                replayed.add(f.index());
                assertThat(meanAbsoluteDifference(f, frames.get((int) (f.index() - 200)))).as("frame %d", f.index())
                        .isLessThan(3.0);
            });
            assertThat(replayed).containsExactly(315L, 316L, 317L, 318L, 319L);
        }
    }

    private static double meanAbsoluteDifference(Frame a, Frame b) {
        long sum = 0;
        int n = a.width() * 3;
        for (int y = 0; y < a.height(); y++) {
            for (int x = 0; x < n; x++) {
                sum += Math.abs((a.bgr().get(y * a.stride() + x) & 0xFF) - (b.bgr().get(y * b.stride() + x) & 0xFF));
            }
        }
        return (double) sum / ((long) n * a.height());
    }
}

package io.footfall.pipeline;

import io.footfall.video.Frame;
import io.footfall.video.FrameSource;
import io.footfall.video.SourceInfo;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class FrameHandoffTest {

    /** A source of {@code n} tiny frames 40 ms apart whose frame i carries i in its first pixel. */
    private static final class Counting implements FrameSource {
        private final int n;
        private final boolean live;
        private final CountDownLatch finished = new CountDownLatch(1);
        private final ByteBuffer pixels = ByteBuffer.allocateDirect(4 * 4 * 3);
        private int next;

        Counting(int n, boolean live) {
            this.n = n;
            this.live = live;
        }

        @Override
        public SourceInfo info() {
            return new SourceInfo("counting", 4, 4, 25, n, live, true);
        }

        @Override
        public Frame next() {
            if (next == n) {
                finished.countDown();
                return null;
            }
            pixels.put(0, (byte) next);
            Frame f = new Frame(next, next * 40L, 4, 4, 12, pixels);
            next++;
            return f;
        }

        @Override
        public void close() {
        }
    }

    private static List<Long> takeAll(FrameHandoff handoff) throws Exception {
        List<Long> seen = new ArrayList<>();
        Frame f;
        while ((f = handoff.take(() -> false)) != null) {
            assertThat(f.bgr().get(0)).as("frame %d's own pixels", f.index()).isEqualTo((byte) f.index());
            seen.add(f.index());
            handoff.release(f);
        }
        return seen;
    }

    @Test
    void aFileLosesNoFrameAndTheConsumerMayHoldSeveral() throws Exception {
        Counting source = new Counting(50, false);
        try (FrameHandoff handoff = new FrameHandoff(source, 2, 3, AnalysisRate.ALL, "c")) {
            List<Frame> held = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                held.add(handoff.take(() -> false));
            }
            // Three frames held at once keep their own pixels while the decoder goes on.
            Thread.sleep(50);
            for (int i = 0; i < 3; i++) {
                assertThat(held.get(i).index()).isEqualTo(i);
                assertThat(held.get(i).bgr().get(0)).isEqualTo((byte) i);
                handoff.release(held.get(i));
            }
            List<Long> rest = takeAll(handoff);
            assertThat(rest).hasSize(47).startsWith(3L).endsWith(49L);
            assertThat(handoff.dropped()).isZero();
        }
    }

    @Test
    void aLiveCameraKeepsTheNewestFramesWhenTheConsumerIsBehind() throws Exception {
        Counting source = new Counting(100, true);
        try (FrameHandoff handoff = new FrameHandoff(source, 4, 1, AnalysisRate.ALL, "c")) {
            assertThat(source.finished.await(5, TimeUnit.SECONDS)).as("the camera never waits for the consumer").isTrue();
            List<Long> seen = takeAll(handoff);
            assertThat(seen).as("the newest frames won").endsWith(99L).hasSizeLessThanOrEqualTo(4 + 1 + 1);
            assertThat(handoff.dropped()).isEqualTo(100 - seen.size());
        }
    }

    @Test
    void theAnalysisRateThinsFramesByTimestampAndCountsThemAsSkipped() throws Exception {
        Counting source = new Counting(100, false);
        try (FrameHandoff handoff = new FrameHandoff(source, 2, 1, new AnalysisRate(10), "c")) {
            List<Long> seen = takeAll(handoff);
            assertThat(seen).hasSize(40).startsWith(0L, 3L, 5L, 8L, 10L);
            assertThat(handoff.skipped()).isEqualTo(60);
            assertThat(handoff.dropped()).isZero();
        }
    }
}

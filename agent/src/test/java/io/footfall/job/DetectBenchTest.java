package io.footfall.job;

import io.footfall.detect.StageTimes;
import io.footfall.video.Frame;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class DetectBenchTest {

    private static List<Frame> frames(int n) {
        return LongStream.range(0, n).mapToObj(i -> new Frame(i, i * 40, 2, 2, 6, ByteBuffer.allocate(12))).toList();
    }

    @Test
    void warmUpIsUntimedAndTimedCallsCycleThroughTheFrames() {
        List<Long> seen = new ArrayList<>();
        DetectBench.Result r = DetectBench.time("fake", f -> {
            seen.add(f.index());
            return StageTimes.ZERO;
        }, frames(3), 2, 5);
        assertThat(seen).containsExactly(0L, 1L, 0L, 1L, 2L, 0L, 1L);
        assertThat(r.detector()).isEqualTo("fake");
        assertThat(r.frames()).isEqualTo(5);
        assertThat(r.fps()).isPositive();
    }

    @Test
    void eachStageIsSummarisedInMillisecondsByNearestRank() {
        // Frame i reports (i+1) ms of preprocess, 10·(i+1) ms of inference, nothing for decode.
        DetectBench.Result r = DetectBench.time("fake", f -> new StageTimes((f.index() + 1) * 1_000_000,
                (f.index() + 1) * 10_000_000, 0), frames(10), 0, 10);
        assertThat(r.preprocess()).isEqualTo(new DetectBench.Stage(5.5, 5, 9, 10));
        assertThat(r.infer()).isEqualTo(new DetectBench.Stage(55, 50, 90, 100));
        assertThat(r.decode()).isEqualTo(new DetectBench.Stage(0, 0, 0, 0));
        assertThat(r.total().p50()).isGreaterThanOrEqualTo(0);
    }
}

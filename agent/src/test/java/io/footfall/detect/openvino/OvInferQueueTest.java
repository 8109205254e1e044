package io.footfall.detect.openvino;

import io.footfall.detect.OutputTensor;
import io.footfall.video.Frame;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Several frames in flight: results in order and equal to the synchronous ones. */
class OvInferQueueTest {

    private static OpenVinoBackend backend;
    private static Frame frame10;
    private static Frame frame600;

    @BeforeEach
    void setUp() {
        if (backend != null) {
            return;
        }
        frame10 = OpenVinoTestSupport.clipFrame(OpenVinoTestSupport.EMPTY_ROOM);
        frame600 = OpenVinoTestSupport.clipFrame(OpenVinoTestSupport.ONE_PERSON);
        backend = OpenVinoTestSupport.open(OpenVinoTestSupport.RETAIL, "FP16",
                OpenVinoOptions.defaults().withHint(PerformanceHint.THROUGHPUT).withThreads(2).withInferRequests(3));
    }

    @AfterAll
    static void tearDown() {
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void resultsComeBackInOrderAndMatchSynchronousInference() {
        float[] sync10 = backend.infer(frame10).data();
        float[] sync600 = backend.infer(frame600).data();
        List<io.footfall.detect.InferenceQueue.Result> results = new ArrayList<>();
        try (OvInferQueue queue = backend.newQueue()) {
            assertThat(queue.capacity()).isEqualTo(3);
            for (int i = 0; i < 8; i++) {
                Frame f = i % 2 == 0 ? frame10 : frame600;
                results.addAll(queue.submit(f));
                assertThat(queue.inFlight()).isLessThanOrEqualTo(3);
            }
            results.addAll(queue.drain());
            assertThat(queue.inFlight()).isZero();
        }
        assertThat(results).extracting(io.footfall.detect.InferenceQueue.Result::frameIndex)
                .containsExactly(10L, 600L, 10L, 600L, 10L, 600L, 10L, 600L);
        for (io.footfall.detect.InferenceQueue.Result r : results) {
            OutputTensor out = r.output();
            assertThat(out.shape()).containsExactly(1, 1, 200, 7);
            assertThat(out.data()).containsExactly(r.frameIndex() == 10 ? sync10 : sync600, within(1e-5f));
        }
    }
}

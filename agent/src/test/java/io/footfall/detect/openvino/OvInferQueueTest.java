package io.footfall.detect.openvino;

import io.footfall.detect.InputSpec;
import io.footfall.detect.OutputTensor;
import io.footfall.model.ModelCatalog;
import io.footfall.model.ModelManifest;
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

    private static final ModelManifest RETAIL = ModelCatalog.bundled().get("person-detection-retail-0013");
    private static OpenVinoBackend backend;
    private static Frame frame10;
    private static Frame frame600;

    /** Per test, not @BeforeAll, so a missing runtime or file is reported on each skipped test. */
    @BeforeEach
    void setUp() {
        if (backend != null) {
            return;
        }
        OpenVinoRuntime runtime = OpenVinoTestSupport.runtime();
        var video = OpenVinoTestSupport.shared(OpenVinoTestSupport.VIDEO);
        frame10 = OpenVinoTestSupport.frame(video, 10);
        frame600 = OpenVinoTestSupport.frame(video, 600);
        backend = OpenVinoBackend.open(runtime, OpenVinoTestSupport.shared(OpenVinoTestSupport.RETAIL_FP16),
                InputSpec.of(RETAIL), "detection_out", RETAIL.output().shape(),
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
        List<OvInferQueue.Result> results = new ArrayList<>();
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
        assertThat(results).extracting(OvInferQueue.Result::frameIndex)
                .containsExactly(10L, 600L, 10L, 600L, 10L, 600L, 10L, 600L);
        for (OvInferQueue.Result r : results) {
            OutputTensor out = r.output();
            assertThat(out.shape()).containsExactly(1, 1, 200, 7);
            assertThat(out.data()).containsExactly(r.frameIndex() == 10 ? sync10 : sync600, within(1e-5f));
        }
    }
}

package io.footfall.detect.openvino;

import io.footfall.detect.InputSpec;
import io.footfall.model.ModelCatalog;
import io.footfall.model.ModelManifest;
import io.footfall.video.Frame;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Native memory does not grow with the number of inferences: every per-frame handle (output tensor,
 * shape, strings) is freed. 1 000 inferences here; {@code io.footfall.bench.OpenVinoBench --leak}
 * runs 10 000 and its numbers are in docs/benchmarks.md.
 */
class OpenVinoLeakTest {

    /**
     * Measured on the dev box (2 cores, OpenVINO 2026.4.1): resident memory moves by about +-3 MB
     * over 1 000 inferences after warm-up (JVM heap and allocator noise). A leak of even one output
     * tensor (5.6 KB) per frame would add 5.6 MB; 30 MB leaves room for noise on other machines.
     */
    static final long MAX_GROWTH_KB = 30 * 1024;

    private static final ModelManifest RETAIL = ModelCatalog.bundled().get("person-detection-retail-0013");

    @Test
    void aThousandInferencesDoNotGrowResidentMemory() throws IOException {
        OpenVinoRuntime runtime = OpenVinoTestSupport.runtime();
        Frame frame = OpenVinoTestSupport.resize(
                OpenVinoTestSupport.frame(OpenVinoTestSupport.shared(OpenVinoTestSupport.VIDEO), 600), 192, 108);
        try (OpenVinoBackend backend = OpenVinoBackend.open(runtime,
                OpenVinoTestSupport.shared(OpenVinoTestSupport.RETAIL_FP16), InputSpec.of(RETAIL), "detection_out",
                RETAIL.output().shape(), OpenVinoOptions.defaults().withThreads(2))) {
            long[] growth = measureGrowthKb(backend, frame, 100, 1000);
            assertThat(growth[1] - growth[0]).as("VmRSS growth in KB over 1000 inferences after warm-up")
                    .isLessThan(MAX_GROWTH_KB);
        }
    }

    /** Runs {@code warmup} then {@code count} inferences; returns VmRSS in KB after warm-up and at the end. */
    static long[] measureGrowthKb(OpenVinoBackend backend, Frame frame, int warmup, int count) throws IOException {
        for (int i = 0; i < warmup; i++) {
            backend.infer(frame);
        }
        long before = settledRssKb();
        for (int i = 0; i < count; i++) {
            backend.infer(frame);
        }
        return new long[]{before, settledRssKb()};
    }

    private static long settledRssKb() throws IOException {
        System.gc();
        return OpenVinoTestSupport.rssKb();
    }
}

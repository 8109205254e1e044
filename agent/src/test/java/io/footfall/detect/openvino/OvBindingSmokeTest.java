package io.footfall.detect.openvino;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OvBindingSmokeTest {
    @Test
    void smoke() {
        OpenVinoRuntime rt = OpenVinoTestSupport.runtime();
        System.out.println(rt + " " + rt.buildNumber());
        try (OpenVinoCore core = rt.newCore();
             OvModel m = core.readModel(OpenVinoTestSupport.shared(OpenVinoTestSupport.RETAIL_FP16))) {
            System.out.println(m.inputs() + " " + m.outputs());
            try (OvCompiledModel cm = core.compile(m, "CPU", Map.of("PERFORMANCE_HINT", "LATENCY", "INFERENCE_NUM_THREADS", "2"))) {
                System.out.println(cm.property("PERFORMANCE_HINT") + " " + cm.property("INFERENCE_NUM_THREADS")
                        + " " + cm.property("OPTIMAL_NUMBER_OF_INFER_REQUESTS"));
            }
        }
        assertThat(rt.version()).startsWith("20");
    }
}

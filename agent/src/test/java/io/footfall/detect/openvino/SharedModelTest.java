package io.footfall.detect.openvino;

import io.footfall.detect.InferenceQueue;
import io.footfall.video.Frame;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Cameras on one compiled model: one compile, one pool of requests they borrow from, from their own threads. */
class SharedModelTest {

    @Test
    void camerasShareOneCompiledModelAndRunFromTheirOwnThreads() throws Exception {
        Frame person = OpenVinoTestSupport.clipFrame(OpenVinoTestSupport.ONE_PERSON);
        Frame empty = OpenVinoTestSupport.clipFrame(OpenVinoTestSupport.EMPTY_ROOM);
        OpenVinoBackend first = OpenVinoTestSupport.open(OpenVinoTestSupport.RETAIL, "FP16",
                OpenVinoOptions.defaults().withHint(PerformanceHint.THROUGHPUT).withThreads(2));
        float[] alone = first.infer(person).data();
        List<OpenVinoBackend> cameras = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            cameras.add(first.share());
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<InferenceQueue.Result>>> runs = new ArrayList<>();
            java.util.concurrent.atomic.AtomicInteger mostRequests = new java.util.concurrent.atomic.AtomicInteger();
            for (OpenVinoBackend camera : cameras) {
                runs.add(threads.submit(() -> {
                    List<InferenceQueue.Result> out = new ArrayList<>();
                    try (InferenceQueue queue = camera.queue(4).orElseThrow()) {
                        for (int i = 0; i < 20; i++) {
                            out.addAll(queue.submit(i % 2 == 0 ? person : empty));
                            mostRequests.accumulateAndGet(((OvInferQueue) queue).pooledRequests(), Math::max);
                        }
                        out.addAll(queue.drain());
                    }
                    return out;
                }));
            }
            for (Future<List<InferenceQueue.Result>> run : runs) {
                List<InferenceQueue.Result> results = run.get();
                assertThat(results).hasSize(20);
                for (int i = 0; i < 20; i += 2) {
                    assertThat(results.get(i).frameIndex()).isEqualTo(person.index());
                    assertThat(results.get(i).output().data()).containsExactly(alone, within(1e-5f));
                }
            }
            assertThat(first.compiledSizes()).as("one frame size, compiled once for all five").isEqualTo(1);
            // A set of 4 per camera would be 16; the pool holds 8, plus one lent to a camera with nothing in flight.
            assertThat(mostRequests.get()).as("requests made for 4 cameras with 4 frames in flight each")
                    .isBetween(4, 12);
        } finally {
            threads.shutdown();
        }
        first.close();
        OpenVinoBackend last = cameras.remove(3);
        cameras.forEach(OpenVinoBackend::close);
        assertThat(last.infer(person).data()).as("the model stays while one camera runs on it")
                .containsExactly(alone, within(1e-5f));
        last.close();
        assertThat(last.compiledSizes()).as("the last camera freed the compiled model").isZero();
        assertThatThrownBy(last::share).isInstanceOf(IllegalStateException.class);
    }
}

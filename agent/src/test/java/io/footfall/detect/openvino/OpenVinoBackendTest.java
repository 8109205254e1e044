package io.footfall.detect.openvino;

import io.footfall.detect.InputSpec;
import io.footfall.detect.OutputTensor;
import io.footfall.detect.StageTimes;
import io.footfall.model.ModelManifest;
import io.footfall.video.Frame;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The backend on real frames of the shared video with the real models. */
class OpenVinoBackendTest {

    private static final ModelManifest RETAIL = OpenVinoTestSupport.RETAIL;
    private static final OpenVinoOptions OPTIONS = OpenVinoOptions.defaults().withThreads(2);

    private static OpenVinoRuntime runtime;
    private static Frame frame10;
    private static Frame frame600;
    private static OpenVinoBackend retail;

    @BeforeEach
    void setUp() {
        if (retail != null) {
            return;
        }
        runtime = OpenVinoTestSupport.runtime();
        frame10 = OpenVinoTestSupport.clipFrame(OpenVinoTestSupport.EMPTY_ROOM);
        frame600 = OpenVinoTestSupport.clipFrame(OpenVinoTestSupport.ONE_PERSON);
        retail = openRetail("FP16", InputSpec.of(RETAIL));
    }

    @AfterAll
    static void tearDown() {
        if (retail != null) {
            retail.close();
        }
    }

    static OpenVinoBackend openRetail(String variant, InputSpec spec) {
        return OpenVinoTestSupport.open(RETAIL, variant, spec, OPTIONS);
    }

    /** Rows of an SSD [1,1,200,7] output with label 1 and confidence over 0.5, until the -1 padding. */
    static List<float[]> people(OutputTensor out) {
        List<float[]> rows = new ArrayList<>();
        for (int r = 0; r < out.dim(2); r++) {
            float[] row = new float[7];
            System.arraycopy(out.data(), r * 7, row, 0, 7);
            if (row[0] < 0) {
                break;
            }
            if (row[1] == 1 && row[2] > 0.5f) {
                rows.add(row);
            }
        }
        return rows;
    }

    @ParameterizedTest
    @ValueSource(strings = {"FP16", "FP32"})
    void retailFindsExactlyOnePersonOnFrame600AndNoneOnFrame10(String variant) {
        try (OpenVinoBackend b = openRetail(variant, InputSpec.of(RETAIL))) {
            OutputTensor out = b.infer(frame600);
            assertThat(out.name()).isEqualTo("detection_out");
            assertThat(out.shape()).containsExactly(1, 1, 200, 7);
            List<float[]> people = people(out);
            assertThat(people).hasSize(1);
            float[] p = people.get(0);
            // A standing person inside the picture: normalised box, taller than wide.
            assertThat(p[3]).isBetween(0f, 1f);
            assertThat(p[6]).isBetween(0f, 1.01f);
            assertThat((p[6] - p[4]) * frame600.height()).isGreaterThan((p[5] - p[3]) * frame600.width());

            assertThat(people(b.infer(frame10))).isEmpty();
        }
    }

    @Test
    void fp16AndFp32AgreeOnTheBox() {
        try (OpenVinoBackend fp32 = openRetail("FP32", InputSpec.of(RETAIL))) {
            float[] a = people(retail.infer(frame600)).get(0);
            float[] b = people(fp32.infer(frame600)).get(0);
            for (int i = 2; i < 7; i++) {
                assertThat(a[i]).isCloseTo(b[i], within(0.02f));
            }
        }
    }

    @Test
    void compiledModelHasTheRequestedHintAndThreads() {
        retail.infer(frame10);
        assertThat(retail.compiledProperty("PERFORMANCE_HINT")).isEqualTo("LATENCY");
        assertThat(retail.compiledProperty("INFERENCE_NUM_THREADS")).isEqualTo("2");
        assertThat(retail.describe()).isEqualTo("openvino " + runtime.version() + " CPU LATENCY threads=2");
    }

    @Test
    void timesSplitIntoPreprocessAndInfer() {
        retail.infer(frame600);
        StageTimes t = retail.lastTimes();
        assertThat(t.preprocessNanos()).isPositive();
        assertThat(t.inferNanos()).isPositive();
        assertThat(t.decodeNanos()).isZero();
    }

    @Test
    void paddedRowsGiveTheSameOutputAsPackedRows() {
        float[] packed = retail.infer(frame600).data();
        float[] padded = retail.infer(withPaddedRows(frame600, 64)).data();
        assertThat(padded).containsExactly(packed);
    }

    @Test
    void aNewFrameSizeRecompilesAndTheOldSizeStillWorks() {
        float[] before = retail.infer(frame600).data();
        OutputTensor half = retail.infer(OpenVinoTestSupport.resize(frame600, 384, 216));
        assertThat(half.shape()).containsExactly(1, 1, 200, 7);
        assertThat(people(half)).hasSize(1);
        assertThat(retail.infer(frame600).data()).containsExactly(before);
    }

    @Test
    void rgbModelsGetChannelsSwappedByOpenVino() {
        // An RGB spec on a frame with B and R swapped must see exactly what a BGR spec sees on the original.
        InputSpec bgr = InputSpec.of(RETAIL);
        InputSpec rgb = new InputSpec(bgr.name(), bgr.width(), bgr.height(), bgr.layout(), "RGB",
                bgr.mean(), bgr.scale(), bgr.resize(), bgr.padValue());
        try (OpenVinoBackend swapped = openRetail("FP16", rgb)) {
            float[] expected = retail.infer(frame600).data();
            float[] actual = swapped.infer(swapRedBlue(frame600)).data();
            assertThat(actual).containsExactly(expected, within(1e-4f));
        }
    }

    static Frame withPaddedRows(Frame f, int extra) {
        int stride = f.width() * 3 + extra;
        ByteBuffer buf = ByteBuffer.allocateDirect(stride * f.height());
        for (int y = 0; y < f.height(); y++) {
            for (int x = 0; x < f.width() * 3; x++) {
                buf.put(y * stride + x, f.bgr().get(y * f.stride() + x));
            }
            for (int x = f.width() * 3; x < stride; x++) {
                buf.put(y * stride + x, (byte) 0x5a);
            }
        }
        return new Frame(f.index(), f.ptsMillis(), f.width(), f.height(), stride, buf);
    }

    static Frame swapRedBlue(Frame f) {
        Frame copy = f.copy();
        ByteBuffer b = copy.bgr();
        for (int i = 0; i < f.width() * f.height() * 3; i += 3) {
            byte blue = b.get(i);
            b.put(i, b.get(i + 2));
            b.put(i + 2, blue);
        }
        return copy;
    }
}

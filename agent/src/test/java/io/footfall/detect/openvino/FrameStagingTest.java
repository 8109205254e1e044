package io.footfall.detect.openvino;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.footfall.detect.InputSpec;
import io.footfall.model.ModelCatalog;
import io.footfall.video.Frame;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;

/** How frames become input tensors: no copy when possible, one copy otherwise, letterbox canvas. */
class FrameStagingTest {

    private static final InputSpec STRETCH = InputSpec.of(ModelCatalog.bundled().get("person-detection-retail-0013"));
    private static final InputSpec LETTERBOX = InputSpec.of(ModelCatalog.bundled().get("yolox-nano"));

    /** The staging needs the runtime's tensors; see OpenVinoTestSupport for why per test. */
    @BeforeEach
    void runtime() {
        OpenVinoTestSupport.runtime();
    }

    @Test
    void packedFrameIsUsedInPlace() {
        Frame f = pattern(64, 36, 64 * 3);
        try (FrameStaging staging = new FrameStaging(STRETCH, false)) {
            OvTensor t = staging.stage(f);
            assertThat(t.shape()).containsExactly(1, 36, 64, 3);
            assertThat(t.elementType()).isEqualTo("U8");
            assertThat(Pointer.nativeValue(t.data())).isEqualTo(Pointer.nativeValue(Native.getDirectBufferPointer(f.bgr())));
            assertThat(staging.stage(f)).as("same buffer, same tensor").isSameAs(t);
        }
    }

    @Test
    void ownCopyCopiesSoTheCallerMayReuseItsBuffer() {
        Frame f = pattern(64, 36, 64 * 3);
        try (FrameStaging staging = new FrameStaging(STRETCH, true)) {
            OvTensor t = staging.stage(f);
            assertThat(Pointer.nativeValue(t.data())).isNotEqualTo(Pointer.nativeValue(Native.getDirectBufferPointer(f.bgr())));
            assertThat(bytes(t)).containsExactly(packed(f));
        }
    }

    @Test
    void paddedRowsArePacked() {
        Frame f = pattern(64, 36, 64 * 3 + 17);
        try (FrameStaging staging = new FrameStaging(STRETCH, false)) {
            assertThat(bytes(staging.stage(f))).containsExactly(packed(f));
        }
    }

    @Test
    void letterboxPutsTheFrameTopLeftOnAPaddedCanvasOfTheModelsAspect() {
        Frame f = pattern(80, 40, 80 * 3);
        try (FrameStaging staging = new FrameStaging(LETTERBOX, false)) {
            OvTensor t = staging.stage(f);
            assertThat(t.shape()).containsExactly(1, 80, 80, 3);
            byte[] canvas = bytes(t);
            byte[] src = packed(f);
            for (int y = 0; y < 80; y++) {
                for (int x = 0; x < 80 * 3; x++) {
                    byte expected = y < 40 ? src[y * 240 + x] : (byte) 114;
                    assertThat(canvas[y * 240 + x]).as("canvas y=%d x=%d", y, x).isEqualTo(expected);
                }
            }
            assertThat(staging.stage(pattern(80, 40, 80 * 3))).as("canvas reused").isSameAs(t);
            assertThat(staging.stage(pattern(40, 80, 40 * 3)).shape()).containsExactly(1, 80, 80, 3);
        }
    }

    @Test
    void aNewSizeGivesANewTensor() {
        try (FrameStaging staging = new FrameStaging(STRETCH, true)) {
            OvTensor a = staging.stage(pattern(64, 36, 64 * 3));
            long[] shapeA = a.shape();
            OvTensor b = staging.stage(pattern(32, 18, 32 * 3));
            assertThat(shapeA).containsExactly(1, 36, 64, 3);
            assertThat(b.shape()).containsExactly(1, 18, 32, 3);
            assertThat(a.isClosed()).isTrue();
        }
    }

    private static Frame pattern(int w, int h, int stride) {
        ByteBuffer buf = ByteBuffer.allocateDirect(stride * h);
        for (int i = 0; i < buf.capacity(); i++) {
            buf.put(i, (byte) (i * 7 + 3));
        }
        return new Frame(0, 0, w, h, stride, buf);
    }

    private static byte[] packed(Frame f) {
        byte[] out = new byte[f.width() * f.height() * 3];
        for (int y = 0; y < f.height(); y++) {
            f.bgr().get(y * f.stride(), out, y * f.width() * 3, f.width() * 3);
        }
        return out;
    }

    private static byte[] bytes(OvTensor t) {
        return t.data().getByteArray(0, (int) t.byteSize());
    }
}

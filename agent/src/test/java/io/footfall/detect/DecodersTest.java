package io.footfall.detect;

import io.footfall.geometry.Box;
import io.footfall.model.ModelCatalog;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

class DecodersTest {

    @Test
    void ssdRowsBecomeSourcePixelBoxesAndPaddingEndsTheList() {
        float[] d = new float[200 * 7];
        // person at 0.5 conf 0.9, relative box (0.25,0.1)-(0.5,0.9)
        put(d, 0, 0, 1, 0.9f, 0.25f, 0.1f, 0.5f, 0.9f);
        put(d, 1, 0, 1, 0.3f, 0.0f, 0.0f, 0.1f, 0.1f);   // below threshold
        put(d, 2, 0, 2, 0.99f, 0.0f, 0.0f, 0.1f, 0.1f);  // not a person
        put(d, 3, -1, 1, 0.99f, 0.0f, 0.0f, 0.5f, 0.5f); // padding starts: ignored
        put(d, 4, 0, 1, 0.99f, 0.0f, 0.0f, 0.5f, 0.5f);  // after padding: ignored
        var dec = new SsdDecoder(1, "person", 0.5f);
        var t = InputTransform.of(ResizeMode.STRETCH, 768, 432, 544, 320);
        List<Detection> out = dec.decode(new OutputTensor("detection_out", new long[]{1, 1, 200, 7}, d), t);
        assertThat(out).hasSize(1);
        Box b = out.get(0).box();
        assertThat(b.x()).isCloseTo(192, offset(1e-3));
        assertThat(b.y()).isCloseTo(43.2, offset(1e-3));
        assertThat(b.w()).isCloseTo(192, offset(1e-3));
        assertThat(b.h()).isCloseTo(345.6, offset(1e-3));
        assertThat(out.get(0).label()).isEqualTo("person");
    }

    @Test
    void ssdRejectsAnotherShapeNamingBoth() {
        var dec = new SsdDecoder(1, "person", 0.5f);
        assertThatThrownBy(() -> dec.checkShape(new long[]{1, 100, 7}))
                .isInstanceOf(DetectionException.class).hasMessageContaining("1x1xNx7").hasMessageContaining("[1, 100, 7]");
    }

    @Test
    void yoloxDecodesGridOffsetsUndoesLetterboxAndSuppressesDuplicates() {
        var manifest = ModelCatalog.bundled().get("yolox-nano");
        var dec = Decoders.forPeople(manifest, 0.3f);
        int anchors = 52 * 52 + 26 * 26 + 13 * 13;
        float[] d = new float[anchors * 85];
        // Stride-8 grid cell (gx=10, gy=20): anchor index 20*52+10. Centre offset 0.5 → (84, 164) model px,
        // size exp(ln 4)*8 = 32 → box 68..100 x 148..180 in model pixels.
        int a = 20 * 52 + 10;
        set(d, a, 0.5f, 0.5f, (float) Math.log(4), (float) Math.log(4), 0.9f, 0, 0.8f);
        // Its neighbour overlaps heavily with a lower score: suppressed.
        set(d, a + 1, -0.4f, 0.5f, (float) Math.log(4), (float) Math.log(4), 0.9f, 0, 0.5f);
        // A car (class 2) with a high score: not reported.
        set(d, 0, 0.5f, 0.5f, 0, 0, 0.9f, 2, 0.9f);
        var t = InputTransform.of(ResizeMode.LETTERBOX, 832, 416, 416, 416); // scale 0.5
        List<Detection> out = dec.decode(new OutputTensor("output", new long[]{1, anchors, 85}, d), t);
        assertThat(out).hasSize(1);
        Box b = out.get(0).box();
        assertThat(b.x()).isCloseTo(136, offset(1e-3));
        assertThat(b.y()).isCloseTo(296, offset(1e-3));
        assertThat(b.w()).isCloseTo(64, offset(1e-3));
        assertThat(out.get(0).score()).isCloseTo(0.72f, offset(1e-5f));
    }

    @Test
    void classAwareNmsKeepsOverlappingBoxesOfDifferentClasses() {
        var a = new Nms.Candidate(new Box(0, 0, 10, 10), 0.9f, 0);
        var b = new Nms.Candidate(new Box(1, 1, 10, 10), 0.8f, 0);
        var c = new Nms.Candidate(new Box(1, 1, 10, 10), 0.7f, 1);
        assertThat(Nms.classAware(List.of(b, c, a), 0.45f)).containsExactly(a, c);
    }

    private static void put(float[] d, int row, float img, float label, float conf, float x0, float y0, float x1, float y1) {
        System.arraycopy(new float[]{img, label, conf, x0, y0, x1, y1}, 0, d, row * 7, 7);
    }

    private static void set(float[] d, int anchor, float cx, float cy, float w, float h, float obj, int cls, float clsScore) {
        int o = anchor * 85;
        d[o] = cx;
        d[o + 1] = cy;
        d[o + 2] = w;
        d[o + 3] = h;
        d[o + 4] = obj;
        d[o + 5 + cls] = clsScore;
    }
}

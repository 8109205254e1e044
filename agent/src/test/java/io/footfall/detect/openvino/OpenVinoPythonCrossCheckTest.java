package io.footfall.detect.openvino;

import io.footfall.detect.OutputTensor;
import io.footfall.model.ModelManifest;
import io.footfall.testing.SharedData;
import io.footfall.video.Frame;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * yolox-nano from .onnx, checked number by number against the Python openvino package on the same
 * frame bytes: once through the same PrePostProcessor steps (must agree closely), once through a
 * plain numpy letterbox with bilinear resize as YOLOX's own demo does it (must agree loosely: the
 * resize differs at the image/pad border).
 */
class OpenVinoPythonCrossCheckTest {

    private static final ModelManifest YOLOX = OpenVinoTestSupport.YOLOX;

    /** argv: model, frame.raw, width, height, out_ppp.f32, out_numpy.f32 */
    private static final String SCRIPT = """
            import sys
            import numpy as np
            import openvino as ov
            from openvino.preprocess import PrePostProcessor, ResizeAlgorithm

            model, frame, w, h, out_ppp, out_np = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6]
            img = np.fromfile(frame, np.uint8).reshape(h, w, 3)
            mw = mh = 416
            s = min(mw / w, mh / h)
            core = ov.Core()
            props = {"INFERENCE_NUM_THREADS": "2", "PERFORMANCE_HINT": "LATENCY"}

            # 1. the Java backend's way: a top-left canvas with the model's aspect ratio, resized by OpenVINO
            ch, cw = max(h, round(mh / s)), max(w, round(mw / s))
            canvas = np.full((ch, cw, 3), 114, np.uint8)
            canvas[:h, :w] = img
            ppp = PrePostProcessor(core.read_model(model))
            ppp.input().tensor().set_element_type(ov.Type.u8).set_layout(ov.Layout("NHWC")).set_spatial_static_shape(ch, cw)
            ppp.input().preprocess().resize(ResizeAlgorithm.RESIZE_LINEAR).convert_element_type(ov.Type.f32)
            ppp.input().model().set_layout(ov.Layout("NCHW"))
            compiled = core.compile_model(ppp.build(), "CPU", props)
            compiled(canvas[None])[0].astype(np.float32).tofile(out_ppp)

            # 2. YOLOX's demo way: bilinear resize (half-pixel centres, like cv2 INTER_LINEAR), then pad
            rw, rh = int(w * s), int(h * s)
            def axis(n_out, n_in):
                x = (np.arange(n_out) + 0.5) * (n_in / n_out) - 0.5
                x = np.clip(x, 0, n_in - 1)
                lo = np.floor(x).astype(int)
                hi = np.minimum(lo + 1, n_in - 1)
                return lo, hi, x - lo
            y0, y1, fy = axis(rh, h)
            x0, x1, fx = axis(rw, w)
            f = img.astype(np.float32)
            top = f[y0][:, x0] * (1 - fx)[None, :, None] + f[y0][:, x1] * fx[None, :, None]
            bot = f[y1][:, x0] * (1 - fx)[None, :, None] + f[y1][:, x1] * fx[None, :, None]
            resized = np.round(top * (1 - fy)[:, None, None] + bot * fy[:, None, None])
            padded = np.full((mh, mw, 3), 114, np.float32)
            padded[:rh, :rw] = resized
            plain = core.compile_model(core.read_model(model), "CPU", props)
            plain(padded.transpose(2, 0, 1)[None].copy())[0].astype(np.float32).tofile(out_np)
            """;

    private static Frame frame;

    @BeforeEach
    void setUp() {
        if (frame != null) {
            return;
        }
        OpenVinoTestSupport.runtime();
        frame = OpenVinoTestSupport.clipFrame(OpenVinoTestSupport.ONE_PERSON);
    }

    @Test
    void yoloxOnnxMatchesPythonOpenVino(@TempDir Path dir) throws Exception {
        Path model = OpenVinoTestSupport.model(YOLOX, "FP32");
        OutputTensor java;
        try (OpenVinoBackend b = OpenVinoTestSupport.open(YOLOX, "FP32", OpenVinoOptions.defaults().withThreads(2))) {
            java = b.infer(frame);
        }
        assertThat(java.shape()).containsExactly(1, 3549, 85);

        Path python = SharedData.venvPython();
        Path raw = dir.resolve("frame.raw");
        try (FileChannel ch = FileChannel.open(raw, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ch.write(frame.bgr().duplicate().position(0).limit(frame.width() * frame.height() * 3));
        }
        Path script = Files.writeString(dir.resolve("ref.py"), SCRIPT);
        Path viaPpp = dir.resolve("ppp.f32");
        Path viaNumpy = dir.resolve("numpy.f32");
        Process p = new ProcessBuilder(List.of(python.toString(), script.toString(), model.toString(), raw.toString(),
                Integer.toString(frame.width()), Integer.toString(frame.height()), viaPpp.toString(), viaNumpy.toString()))
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("python reference failed:\n" + log).isZero();

        float[] ppp = floats(viaPpp);
        float[] numpy = floats(viaNumpy);
        assertThat(ppp).hasSameSizeAs(java.data());
        // Same graph, same input bytes: only thread scheduling may differ.
        assertThat(maxAbsDiff(java.data(), ppp)).isLessThan(1e-3f);
        // A different (but equivalent) resize: same best person anchor, scores within a few hundredths.
        int best = bestPerson(java.data());
        assertThat(bestPerson(numpy)).isEqualTo(best);
        assertThat(personScore(java.data(), best)).isGreaterThan(0.5f)
                .isCloseTo(personScore(numpy, best), within(0.05f));
        assertThat(meanAbsDiff(java.data(), numpy)).isLessThan(0.02);
    }

    private static float personScore(float[] out, int anchor) {
        return out[anchor * 85 + 4] * out[anchor * 85 + 5];
    }

    private static int bestPerson(float[] out) {
        int best = 0;
        for (int a = 1; a < out.length / 85; a++) {
            if (personScore(out, a) > personScore(out, best)) {
                best = a;
            }
        }
        return best;
    }

    private static float maxAbsDiff(float[] a, float[] b) {
        float m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    private static double meanAbsDiff(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += Math.abs(a[i] - b[i]);
        }
        return s / a.length;
    }

    private static float[] floats(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] f = new float[b.remaining() / 4];
        b.asFloatBuffer().get(f);
        return f;
    }
}

package io.footfall.detect.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.footfall.detect.DetectionException;
import io.footfall.detect.DetectorSetupException;
import io.footfall.detect.InferenceBackend;
import io.footfall.detect.InputSpec;
import io.footfall.detect.InputTransform;
import io.footfall.detect.OutputTensor;
import io.footfall.detect.StageTimes;
import io.footfall.video.Frame;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Runs an ONNX model with ONNX Runtime on the CPU: the portable backend for hosts without OpenVINO.
 * Preprocessing is done here (OpenCV resize, then layout, colour order, mean and scale into a
 * reused direct float buffer that ONNX Runtime reads without copying).
 *
 * <p>Not thread-safe: one caller at a time.
 */
public final class OnnxRuntimeBackend implements InferenceBackend {

    private final OrtEnvironment env;
    private final OrtSession session;
    private final InputSpec spec;
    private final String outputName;
    private final int threads;
    private final FloatBuffer input;
    private final byte[] resized;
    private final Mat resizedMat;
    private StageTimes last = StageTimes.ZERO;

    public OnnxRuntimeBackend(Path modelFile, InputSpec spec, String outputName, int threads) {
        if (!Files.isRegularFile(modelFile)) {
            throw new DetectorSetupException("model file " + modelFile + " does not exist (run 'footfall models fetch')");
        }
        this.spec = spec;
        this.outputName = outputName;
        this.threads = threads;
        this.env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
            opts.setIntraOpNumThreads(threads);
            opts.setInterOpNumThreads(1);
            opts.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            this.session = env.createSession(modelFile.toString(), opts);
        } catch (OrtException e) {
            throw new DetectorSetupException("ONNX Runtime cannot load model " + modelFile + ": " + e.getMessage(), e);
        }
        try {
            checkModel(modelFile);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        int plane = spec.width() * spec.height();
        this.input = ByteBuffer.allocateDirect(plane * 3 * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
        this.resized = new byte[plane * 3];
        this.resizedMat = new Mat(spec.height(), spec.width(), CV_8UC3);
    }

    private void checkModel(Path modelFile) {
        try {
            NodeInfo in = session.getInputInfo().get(spec.name());
            if (in == null) {
                throw new DetectorSetupException("model " + modelFile + " has no input '" + spec.name() + "'; it has "
                        + session.getInputNames());
            }
            long[] shape = ((TensorInfo) in.getInfo()).getShape();
            long[] expected = spec.layout().equals("NCHW")
                    ? new long[]{1, 3, spec.height(), spec.width()} : new long[]{1, spec.height(), spec.width(), 3};
            if (!Arrays.equals(shape, expected)) {
                throw new DetectorSetupException("model " + modelFile + " input '" + spec.name() + "' is "
                        + Arrays.toString(shape) + ", manifest expects " + Arrays.toString(expected));
            }
            if (!session.getOutputNames().contains(outputName)) {
                throw new DetectorSetupException("model " + modelFile + " has no output '" + outputName + "'; it has "
                        + session.getOutputNames());
            }
        } catch (OrtException e) {
            throw new DetectorSetupException("cannot read the inputs of " + modelFile + ": " + e.getMessage(), e);
        }
    }

    @Override
    public OutputTensor infer(Frame frame) {
        long t0 = System.nanoTime();
        fillInput(frame);
        long t1 = System.nanoTime();
        long[] shape = spec.layout().equals("NCHW")
                ? new long[]{1, 3, spec.height(), spec.width()} : new long[]{1, spec.height(), spec.width(), 3};
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, input, shape);
             OrtSession.Result result = session.run(Map.of(spec.name(), tensor))) {
            OnnxValue value = result.get(outputName).orElseThrow(
                    () -> new DetectionException("model returned no output '" + outputName + "'"));
            OnnxTensor out = (OnnxTensor) value;
            long[] outShape = out.getInfo().getShape();
            FloatBuffer fb = out.getFloatBuffer();
            float[] data = new float[fb.remaining()];
            fb.get(data);
            long t2 = System.nanoTime();
            last = new StageTimes(t1 - t0, t2 - t1, 0);
            return new OutputTensor(outputName, outShape, data);
        } catch (OrtException e) {
            throw new DetectionException("ONNX Runtime inference failed on frame " + frame.index() + ": " + e.getMessage(), e);
        }
    }

    /** Resize (stretch or top-left letterbox) with OpenCV, then BGR u8 HWC → float in the model's layout. */
    private void fillInput(Frame frame) {
        InputTransform t = spec.transformFor(frame.width(), frame.height());
        int cw = Math.min(spec.width(), t.contentWidth());
        int ch = Math.min(spec.height(), t.contentHeight());
        try (BytePointer src = new BytePointer(frame.bgr());
             Mat srcMat = new Mat(frame.height(), frame.width(), CV_8UC3, src, frame.stride());
             Mat dst = new Mat(resizedMat, new org.bytedeco.opencv.opencv_core.Rect(0, 0, cw, ch));
             Size size = new Size(cw, ch)) {
            resize(srcMat, dst, size, 0, 0, INTER_LINEAR);
        }
        resizedMat.data().get(resized);
        int w = spec.width();
        int h = spec.height();
        int plane = w * h;
        float mean = spec.mean();
        float inv = 1f / spec.scale();
        float pad = (spec.padValue() - mean) * inv;
        boolean rgb = spec.colorOrder().equals("RGB");
        boolean nchw = spec.layout().equals("NCHW");
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                boolean inside = x < cw && y < ch;
                for (int c = 0; c < 3; c++) {
                    int srcChannel = rgb ? 2 - c : c;
                    float v = inside ? ((resized[p * 3 + srcChannel] & 0xFF) - mean) * inv : pad;
                    input.put(nchw ? c * plane + p : p * 3 + c, v);
                }
            }
        }
    }

    @Override
    public String describe() {
        return "onnxruntime " + env.getVersion() + " CPU threads=" + threads;
    }

    @Override
    public StageTimes lastTimes() {
        return last;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new DetectionException("closing ONNX Runtime session failed: " + e.getMessage(), e);
        } finally {
            if (resizedMat != null) {
                resizedMat.close();
            }
        }
    }
}

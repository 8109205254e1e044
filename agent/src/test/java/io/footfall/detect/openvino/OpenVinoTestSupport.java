package io.footfall.detect.openvino;

import io.footfall.detect.DetectionException;
import io.footfall.video.Frame;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Shared data, runtime and frames for the OpenVINO tests and benchmark. A missing file or runtime
 * skips the test with the reason, except under env {@code CI=true}, where it fails.
 */
public final class OpenVinoTestSupport {

    static final String VIDEO = "videos/one-by-one-person-detection.mp4";
    static final String RETAIL_FP16 = "models/person-detection-retail-0013/FP16/person-detection-retail-0013.xml";
    static final String RETAIL_FP32 = "models/person-detection-retail-0013/FP32/person-detection-retail-0013.xml";
    static final String YOLOX = "models/yolox-nano/yolox_nano.onnx";

    private OpenVinoTestSupport() {
    }

    static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Skips (or fails on CI) with {@code reason} when {@code ok} is false. */
    static void require(boolean ok, String reason) {
        if (!ok) {
            if (onCi()) {
                throw new AssertionError("CI=true and " + reason);
            }
            Assumptions.abort(reason);
        }
    }

    static Path projectRoot() {
        String root = System.getProperty("footfall.root");
        return root == null ? Paths.get("").toAbsolutePath().getParent() : Paths.get(root);
    }

    static Path shared(String relative) {
        String dir = System.getProperty("footfall.shared");
        Path base = dir == null ? projectRoot().resolve("../shared/data") : Paths.get(dir);
        Path file = base.resolve(relative).normalize();
        require(Files.exists(file), "shared test data " + file + " is absent");
        return file;
    }

    /** The runtime from the normal search; skips (fails on CI) when it is not installed. */
    static OpenVinoRuntime runtime() {
        try {
            return OpenVinoRuntime.load(OpenVinoLibraryLocator.forThisProcess(Optional.empty()));
        } catch (DetectionException e) {
            require(false, "OpenVINO runtime unavailable (run scripts/setup-python.sh): " + e.getMessage());
            throw e;
        }
    }

    /** The project's venv python with openvino, when installed. */
    static Optional<Path> venvPython() {
        Path py = projectRoot().resolve(".footfall/venv/bin/python");
        return Files.isExecutable(py) ? Optional.of(py) : Optional.empty();
    }

    /** Decodes frame {@code index} (0-based) of a video as a packed BGR {@link Frame} copy. */
    static Frame frame(Path video, int index) {
        return decode(video, index, 1).get(0);
    }

    /** Decodes frames {@code first .. first+count-1} (0-based) as packed BGR copies. */
    public static List<Frame> decode(Path video, int first, int count) {
        List<Frame> frames = new ArrayList<>();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile())) {
            grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
            grabber.start();
            for (int i = 0; i < first + count; i++) {
                org.bytedeco.javacv.Frame f = grabber.grabImage();
                if (f == null) {
                    throw new IllegalStateException(video + " has fewer than " + (first + count) + " frames");
                }
                if (i >= first) {
                    ByteBuffer pixels = ((ByteBuffer) f.image[0]).duplicate().position(0);
                    frames.add(new Frame(i, Math.round(f.timestamp / 1000.0), f.imageWidth, f.imageHeight,
                            f.imageStride, pixels).copy());
                }
            }
            grabber.stop();
            return frames;
        } catch (FrameGrabber.Exception e) {
            throw new IllegalStateException("cannot decode " + video, e);
        }
    }

    /** Nearest-neighbour resize, to make other frame sizes from real frames (not for detection quality). */
    public static Frame resize(Frame f, int w, int h) {
        ByteBuffer buf = ByteBuffer.allocateDirect(w * h * 3);
        for (int y = 0; y < h; y++) {
            int sy = y * f.height() / h;
            for (int x = 0; x < w; x++) {
                int sx = x * f.width() / w;
                for (int c = 0; c < 3; c++) {
                    buf.put((y * w + x) * 3 + c, f.bgr().get(sy * f.stride() + sx * 3 + c));
                }
            }
        }
        return new Frame(f.index(), f.ptsMillis(), w, h, w * 3, buf);
    }

    /** This process's resident memory, VmRSS, in KB. */
    public static long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IOException("no VmRSS in /proc/self/status");
    }
}

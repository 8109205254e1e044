package io.footfall.detect.openvino;

import io.footfall.detect.DetectionException;
import io.footfall.video.Frame;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.Assumptions;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/**
 * Shared data, runtime and frames for the OpenVINO tests. A missing file or runtime skips the test
 * with the reason, except under env {@code CI=true}, where it fails.
 */
final class OpenVinoTestSupport {

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
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile())) {
            grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
            grabber.start();
            org.bytedeco.javacv.Frame f = null;
            for (int i = 0; i <= index; i++) {
                f = grabber.grabImage();
                if (f == null) {
                    throw new IllegalStateException(video + " has fewer than " + (index + 1) + " frames");
                }
            }
            ByteBuffer pixels = (ByteBuffer) f.image[0];
            Frame frame = new Frame(index, Math.round(f.timestamp / 1000.0), f.imageWidth, f.imageHeight,
                    f.imageStride, pixels.duplicate().position(0));
            Frame copy = frame.copy();
            grabber.stop();
            return copy;
        } catch (Exception e) {
            throw new IllegalStateException("cannot decode " + video + " frame " + index, e);
        }
    }
}

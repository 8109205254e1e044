package io.footfall.detect.openvino;

import io.footfall.detect.DetectionException;
import io.footfall.detect.InputSpec;
import io.footfall.model.ModelCatalog;
import io.footfall.model.ModelManifest;
import io.footfall.testing.SharedData;
import io.footfall.video.Frame;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one setup of the OpenVINO tests and the OpenVINO bench: the runtime, the catalogued models' files in the
 * shared data, and real frames of the one-by-one clip. Whatever is missing skips the test with the reason, except
 * under {@code CI=true}, where it fails: {@link SharedData}'s rule. Tests call this from {@code @BeforeEach}, not
 * {@code @BeforeAll}, so every skipped test reports why; the runtime and frames are loaded once per JVM.
 */
public final class OpenVinoTestSupport {

    public static final ModelManifest RETAIL = ModelCatalog.bundled().get("person-detection-retail-0013");
    public static final ModelManifest YOLOX = ModelCatalog.bundled().get("yolox-nano");
    /** Frame of the one-by-one clip with nobody in the room. */
    public static final int EMPTY_ROOM = 10;
    /** Frame of the one-by-one clip with one person at the table. */
    public static final int ONE_PERSON = 600;

    private static OpenVinoRuntime runtime;
    private static final Map<Integer, Frame> CLIP_FRAMES = new ConcurrentHashMap<>();

    private OpenVinoTestSupport() {
    }

    /** The runtime from the normal search; skips (fails on CI) when it is not installed. */
    static synchronized OpenVinoRuntime runtime() {
        if (runtime == null) {
            try {
                runtime = OpenVinoRuntime.load(OpenVinoLibraryLocator.forThisProcess(Optional.empty()));
            } catch (DetectionException e) {
                SharedData.assume(false, "OpenVINO runtime unavailable (run scripts/setup-python.sh): " + e.getMessage());
                throw e;
            }
        }
        return runtime;
    }

    /** A catalogued model's file for {@code variant} (FP16, FP32) in the shared data's {@code models/}. */
    public static Path model(ModelManifest manifest, String variant) {
        return SharedData.require(manifest.folderIn(Path.of("models")).resolve(manifest.modelFile(variant)).toString());
    }

    /** A catalogued model from the shared data on the test runtime, checked against its manifest's output. */
    public static OpenVinoBackend open(ModelManifest manifest, String variant, OpenVinoOptions options) {
        return open(manifest, variant, InputSpec.of(manifest), options);
    }

    /** As {@link #open(ModelManifest, String, OpenVinoOptions)} with another input spec (colour order, resize). */
    public static OpenVinoBackend open(ModelManifest manifest, String variant, InputSpec spec, OpenVinoOptions options) {
        return OpenVinoBackend.open(runtime(), model(manifest, variant), spec, manifest.output().name(),
                manifest.output().shape(), options);
    }

    /** Frame {@code index} (0-based) of the one-by-one clip, a copy of the one decoded once per JVM. */
    public static Frame clipFrame(int index) {
        Path clip = SharedData.require(SharedData.ONE_BY_ONE);
        return CLIP_FRAMES.computeIfAbsent(index, i -> frame(clip, i)).copy();
    }

    /** Decodes frame {@code index} (0-based) of a video as a packed BGR {@link Frame} copy. */
    private static Frame frame(Path video, int index) {
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

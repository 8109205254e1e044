package io.footfall.pipeline;

import io.footfall.video.Frame;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.ByteBuffer;
import java.util.OptionalLong;
import java.util.function.Consumer;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

/**
 * The last {@code keepMillis} of annotated frames, kept as JPEG (libjpeg-turbo through OpenCV), for the seconds before
 * an event that a clip starts with. Raw frames cost 1.3 MB each at 768x576 and 6 MB at 1080p, so six seconds of eight
 * cameras held over 600 MB; as JPEG they hold about 20 times less, for about 2 ms of CPU per frame, and only the
 * frames a clip opens with are ever decoded again. The JPEGs lie in one native {@link ByteRing} per camera, not in
 * byte arrays: frames that live a few seconds each made the JVM grow its heap to several times what they hold.
 * Not thread-safe.
 */
final class FrameHistory implements AutoCloseable {
    static final int QUALITY = 80;

    private record Kept(long index, long ptsMillis, int width, int height) {
    }

    private final long keepMillis;
    private final ByteRing<Kept> frames = new ByteRing<>();
    private final IntPointer params = new IntPointer(IMWRITE_JPEG_QUALITY, QUALITY);
    private final BytePointer encoded = new BytePointer();
    private ByteBuffer decoded;
    /** {@link #decoded} as OpenCV's decoding target, for the frame size of the last decode. */
    private Mat target;

    FrameHistory(long keepMillis) {
        this.keepMillis = keepMillis;
    }

    /** Keeps {@code f} (compressed), then lets go of the frames older than the time kept before it. */
    void add(Frame f) {
        try (BytePointer pixels = new BytePointer(f.bgr());
             Mat image = new Mat(f.height(), f.width(), CV_8UC3, pixels, f.stride())) {
            if (!imencode(".jpg", image, encoded, params)) {
                throw new IllegalStateException("could not compress frame " + f.index() + " for the clip history");
            }
        }
        frames.add(new Kept(f.index(), f.ptsMillis(), f.width(), f.height()),
                encoded.position(0).asByteBuffer());
        while (f.ptsMillis() - frames.oldest().ptsMillis() > keepMillis) {
            frames.removeOldest();
        }
    }

    /** The timestamp of the oldest frame kept at or after {@code ptsMillis}, if any. */
    OptionalLong firstAtOrAfter(long ptsMillis) {
        for (Kept k : frames.descriptions()) {
            if (k.ptsMillis() >= ptsMillis) {
                return OptionalLong.of(k.ptsMillis());
            }
        }
        return OptionalLong.empty();
    }

    /**
     * Hands the kept frames with {@code from <= pts < until} to {@code out}, oldest first, decompressed into one reused
     * buffer: each is valid only during its call.
     */
    void replay(long from, long until, Consumer<Frame> out) {
        frames.forEach((k, jpeg) -> {
            if (k.ptsMillis() >= from && k.ptsMillis() < until) {
                out.accept(decode(k, jpeg));
            }
        });
    }

    private Frame decode(Kept k, ByteBuffer jpeg) {
        int size = k.width() * k.height() * 3;
        if (target == null || target.cols() != k.width() || target.rows() != k.height()) {
            // Decoded straight into one reused buffer: a Mat of its own each frame was 1.3 MB (at 768x576) mapped, faulted
            // in and unmapped per frame of every clip's seconds before, and then copied once more.
            releaseTarget();
            if (decoded == null || decoded.capacity() < size) {
                decoded = ByteBuffer.allocateDirect(size);
            }
            target = new Mat(k.height(), k.width(), CV_8UC3, new BytePointer(decoded));
        }
        long address = target.data().address();
        try (BytePointer in = new BytePointer(jpeg);
             Mat buf = new Mat(1, jpeg.remaining(), CV_8UC1, in);
             Mat image = imdecode(buf, IMREAD_COLOR, target)) {
            if (image.empty() || image.cols() != k.width() || image.rows() != k.height() || image.type() != CV_8UC3
                    || target.data().address() != address) {
                // OpenCV gave the target memory of its own: it no longer shows the reused buffer, so make it again.
                releaseTarget();
                throw new IllegalStateException("frame " + k.index() + " of the clip history did not decompress");
            }
        }
        decoded.clear().limit(size);
        return new Frame(k.index(), k.ptsMillis(), k.width(), k.height(), k.width() * 3, decoded);
    }

    private void releaseTarget() {
        if (target != null) {
            target.close();
            target = null;
        }
    }

    /** Compressed bytes held. */
    long bytes() {
        return frames.bytes();
    }

    /** Frames held. */
    int size() {
        return frames.size();
    }

    /** Native memory held for the frames (at least {@link #bytes}). */
    long capacity() {
        return frames.capacity();
    }

    /** Forgets the frames; the memory is kept for the next ones. */
    void clear() {
        frames.clear();
    }

    /** Forgets the frames and frees their memory. */
    @Override
    public void close() {
        frames.close();
        releaseTarget();
    }
}

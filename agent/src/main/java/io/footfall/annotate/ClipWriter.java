package io.footfall.annotate;

import io.footfall.video.Frame;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2YUV_I420;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

/**
 * Writes BGR frames to an H.264 mp4 (OpenH264 through FFmpeg) at the source's frame rate, with each
 * frame stamped at its own presentation time so clips of variable-rate sources stay in sync.
 * Frames of even size are turned into the encoder's YUV 4:2:0 by OpenCV's vectorised conversion (BT.601, limited
 * range, as swscale would) rather than by FFmpeg's swscale, which took a tenth of a camera thread's time with clips
 * on; odd sizes, which 4:2:0 cannot hold, still go through swscale. Not thread-safe.
 */
public final class ClipWriter implements AutoCloseable {

    private final FFmpegFrameRecorder recorder;
    private final Path file;
    /** Hands BGR frames of odd sizes to the recorder (swscale converts those); null for even sizes. */
    private final org.bytedeco.javacv.Frame carrier;
    private final long firstPtsMillis;
    private final int width;
    private final int height;
    /** The frame in YUV 4:2:0, planes one after another; null for odd sizes. */
    private final Mat yuv;
    private final ByteBuffer yuvBytes;
    private long frames;

    static {
        // A clip may be the first FFmpeg use in the process (an image-folder source): its muxer and encoder log too.
        io.footfall.video.FFmpegLog.install();
    }

    public ClipWriter(Path file, int width, int height, double fps, long firstPtsMillis) {
        this.file = file;
        this.firstPtsMillis = firstPtsMillis;
        this.width = width;
        this.height = height;
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create folder for clip " + file, e);
        }
        recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 0);
        recorder.setFormat("mp4");
        recorder.setVideoCodecName("libopenh264");
        recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
        recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        recorder.setFrameRate(fps > 0 ? fps : 25);
        recorder.setVideoBitrate(Math.max(500_000, width * height * 3));
        recorder.setGopSize((int) Math.max(1, Math.round(fps > 0 ? fps * 2 : 50)));
        try {
            recorder.start();
        } catch (FrameRecorder.Exception | RuntimeException e) {
            // FFmpeg has created the file by now (a full disk fails on the header): no caller holds a writer to clean
            // up, so the encoder and the partial file go here.
            try {
                recorder.close();
            } catch (FrameRecorder.Exception | RuntimeException ignored) {
                // the start failed already; that is the error to report
            }
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the next agent start removes files no record names (UnrecordedClips)
            }
            throw new UncheckedIOException(new IOException("cannot start writing clip " + file + ": " + e.getMessage(), e));
        }
        boolean even = width % 2 == 0 && height % 2 == 0;
        // An empty carrier: a sized one would allocate a frame's worth of native memory that only a garbage collection
        // frees, per clip.
        carrier = even ? null : emptyCarrier(width, height);
        yuv = even ? new Mat(height * 3 / 2, width, CV_8UC1) : null;
        yuvBytes = even ? yuv.createBuffer() : null;
    }

    /** A BGR frame description of {@code width x height} whose pixels each write sets. */
    private static org.bytedeco.javacv.Frame emptyCarrier(int width, int height) {
        org.bytedeco.javacv.Frame c = new org.bytedeco.javacv.Frame();
        c.imageWidth = width;
        c.imageHeight = height;
        c.imageDepth = org.bytedeco.javacv.Frame.DEPTH_UBYTE;
        c.imageChannels = 3;
        c.image = new java.nio.Buffer[1];
        return c;
    }

    public Path file() {
        return file;
    }

    public long frames() {
        return frames;
    }

    public void write(Frame f) {
        try {
            long micros = (f.ptsMillis() - firstPtsMillis) * 1000;
            if (micros > recorder.getTimestamp()) {
                recorder.setTimestamp(micros);
            }
            if (yuv != null) {
                try (BytePointer pixels = new BytePointer(f.bgr());
                     Mat bgr = new Mat(height, width, CV_8UC3, pixels, f.stride())) {
                    cvtColor(bgr, yuv, COLOR_BGR2YUV_I420);
                }
                recorder.recordImage(width, height, org.bytedeco.javacv.Frame.DEPTH_UBYTE, 1, width,
                        avutil.AV_PIX_FMT_YUV420P, yuvBytes);
            } else {
                carrier.image[0] = f.bgr();
                carrier.imageStride = f.stride();
                recorder.record(carrier, avutil.AV_PIX_FMT_BGR24);
            }
            frames++;
        } catch (FrameRecorder.Exception e) {
            throw new UncheckedIOException(new IOException("writing clip " + file + " failed: " + e.getMessage(), e));
        }
    }

    @Override
    public void close() {
        try {
            recorder.close();
            if (yuv != null) {
                yuv.close();
            }
        } catch (FrameRecorder.Exception e) {
            throw new UncheckedIOException(new IOException("finishing clip " + file + " failed: " + e.getMessage(), e));
        }
    }
}

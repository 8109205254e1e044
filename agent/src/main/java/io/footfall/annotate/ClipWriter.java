package io.footfall.annotate;

import io.footfall.video.Frame;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes BGR frames to an H.264 mp4 (OpenH264 through FFmpeg) at the source's frame rate, with each
 * frame stamped at its own presentation time so clips of variable-rate sources stay in sync.
 * Not thread-safe.
 */
public final class ClipWriter implements AutoCloseable {

    private final FFmpegFrameRecorder recorder;
    private final Path file;
    private final org.bytedeco.javacv.Frame carrier;
    private final long firstPtsMillis;
    private long frames;

    public ClipWriter(Path file, int width, int height, double fps, long firstPtsMillis) {
        this.file = file;
        this.firstPtsMillis = firstPtsMillis;
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
        } catch (FrameRecorder.Exception e) {
            throw new UncheckedIOException(new IOException("cannot start writing clip " + file + ": " + e.getMessage(), e));
        }
        carrier = new org.bytedeco.javacv.Frame(width, height, org.bytedeco.javacv.Frame.DEPTH_UBYTE, 3);
    }

    public Path file() {
        return file;
    }

    public long frames() {
        return frames;
    }

    public void write(Frame f) {
        carrier.image[0] = f.bgr();
        carrier.imageStride = f.stride();
        try {
            long micros = (f.ptsMillis() - firstPtsMillis) * 1000;
            if (micros > recorder.getTimestamp()) {
                recorder.setTimestamp(micros);
            }
            recorder.record(carrier, avutil.AV_PIX_FMT_BGR24);
            frames++;
        } catch (FrameRecorder.Exception e) {
            throw new UncheckedIOException(new IOException("writing clip " + file + " failed: " + e.getMessage(), e));
        }
    }

    @Override
    public void close() {
        try {
            recorder.close();
        } catch (FrameRecorder.Exception e) {
            throw new UncheckedIOException(new IOException("finishing clip " + file + " failed: " + e.getMessage(), e));
        }
    }
}

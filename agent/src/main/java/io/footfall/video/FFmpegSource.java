package io.footfall.video;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * Frames decoded by FFmpeg (through JavaCV): files (mp4, avi, gif...), RTSP/HTTP streams and V4L2
 * cameras. One open of one input; {@link LiveSource} adds reconnects on top for cameras.
 */
public final class FFmpegSource implements FrameSource {

    static {
        // FFmpeg's own chatter would drown the progress line; real failures still surface as exceptions.
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    private final FFmpegFrameGrabber grabber;
    private final SourceInfo info;
    private long index;
    private long firstTimestampMicros = Long.MIN_VALUE;
    private long lastPtsMillis = -1;

    private FFmpegSource(FFmpegFrameGrabber grabber, SourceInfo info) {
        this.grabber = grabber;
        this.info = info;
    }

    /**
     * Opens an input.
     *
     * @param input   path, URL or device
     * @param format  FFmpeg input format ({@code v4l2} for cameras), or null to probe
     * @param options FFmpeg options (e.g. {@code rtsp_transport=tcp}, {@code timeout})
     * @param live    whether this is a camera stream
     */
    public static FFmpegSource open(String input, String format, Map<String, String> options, boolean live) {
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(input);
        if (format != null) {
            g.setFormat(format);
        }
        options.forEach(g::setOption);
        g.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
        try {
            g.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            closeQuietly(g);
            throw new UnreadableSourceException("cannot open " + Redaction.redact(input)
                    + " as video (expected a readable mp4/avi/gif file, an image folder, rtsp:// URL or camera): "
                    + firstLine(e.getMessage()), e);
        }
        if (g.getImageWidth() <= 0 || g.getImageHeight() <= 0) {
            closeQuietly(g);
            throw new UnreadableSourceException("cannot open " + Redaction.redact(input)
                    + " as video: it has no video stream");
        }
        long frames = live ? -1 : g.getLengthInFrames();
        SourceInfo info = new SourceInfo(Redaction.redact(input), g.getImageWidth(), g.getImageHeight(),
                g.getFrameRate(), frames <= 0 ? -1 : frames, live);
        return new FFmpegSource(g, info);
    }

    @Override
    public SourceInfo info() {
        return info;
    }

    @Override
    public Frame next() throws IOException {
        org.bytedeco.javacv.Frame f;
        try {
            f = grabber.grabImage();
        } catch (FrameGrabber.Exception e) {
            throw new IOException("decoding " + info.name() + " failed at frame " + index + ": " + firstLine(e.getMessage()), e);
        }
        if (f == null || f.image == null) {
            return null;
        }
        ByteBuffer bgr = (ByteBuffer) f.image[0];
        bgr.position(0);
        long pts = ptsMillis(f.timestamp);
        Frame frame = new Frame(index++, pts, f.imageWidth, f.imageHeight, f.imageStride, bgr);
        lastPtsMillis = pts;
        return frame;
    }

    /**
     * Milliseconds from the first frame. Falls back to the nominal frame rate when the container
     * gives no usable timestamps (some GIFs and raw streams), and never goes backwards.
     */
    private long ptsMillis(long timestampMicros) {
        if (firstTimestampMicros == Long.MIN_VALUE) {
            firstTimestampMicros = timestampMicros;
        }
        long pts = (timestampMicros - firstTimestampMicros) / 1000;
        if (index > 0 && pts <= lastPtsMillis) {
            double fps = info.fps() > 0 ? info.fps() : 25;
            pts = Math.max(lastPtsMillis + 1, Math.round(index * 1000.0 / fps));
        }
        return pts;
    }

    @Override
    public void close() {
        closeQuietly(grabber);
    }

    private static void closeQuietly(FFmpegFrameGrabber g) {
        try {
            g.close();
        } catch (Exception ignored) {
            // Closing a half-open grabber can fail again; the original error is what matters.
        }
    }

    static String firstLine(String s) {
        if (s == null) {
            return "no detail from FFmpeg";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}

package io.footfall.video;

import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Frames decoded by FFmpeg (through JavaCV): files (mp4, avi, gif...), RTSP/RTMP/HTTP/UDP streams and V4L2
 * cameras. One open of one input; {@link LiveSource} adds reconnects on top for cameras.
 *
 * <p>The input string is treated as a secret: nothing this class logs or throws quotes it except through
 * {@link Redaction}, and JavaCV's exceptions (whose messages quote the raw URL) are never kept as causes,
 * only {@linkplain Redaction#exception cleaned copies}.
 */
public final class FFmpegSource implements FrameSource {
    private static final Logger log = LoggerFactory.getLogger(FFmpegSource.class);
    /** JavaCV's {@code avformat_open_input() error -111: ...}: the FFmpeg error code. */
    private static final Pattern ERROR_CODE = Pattern.compile("error (-\\d+)");

    static {
        FFmpegLog.install();
    }

    private final FFmpegFrameGrabber grabber;
    private final String input;
    private final SourceInfo info;
    private long index;
    private long firstTimestampMicros = Long.MIN_VALUE;
    private long lastPtsMillis = -1;
    private boolean ended;

    private FFmpegSource(FFmpegFrameGrabber grabber, String input, SourceInfo info) {
        this.grabber = grabber;
        this.input = input;
        this.info = info;
    }

    /**
     * Opens an input.
     *
     * @param input    path, URL or device
     * @param format   FFmpeg input format ({@code video4linux2} for cameras), or null to probe
     * @param options  FFmpeg options (see {@link StreamProtocol})
     * @param live     whether this is a camera stream
     * @param expected what the input should have been, for the error message (e.g. "an RTSP stream")
     * @throws UnreadableSourceException naming the input (redacted), FFmpeg's reason and what was expected
     */
    public static FFmpegSource open(String input, String format, Map<String, String> options, boolean live, String expected) {
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(input);
        if (format != null) {
            g.setFormat(format);
        }
        options.forEach(g::setOption);
        g.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
        String name = Redaction.source(input);
        try {
            g.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            closeQuietly(g);
            throw new UnreadableSourceException("cannot open " + name + ": " + reason(e, input)
                    + " (expected " + expected + ")", Redaction.exception(e, input, FFmpegSource::withoutJavacvAdvice));
        }
        if (g.getImageWidth() <= 0 || g.getImageHeight() <= 0) {
            closeQuietly(g);
            throw new UnreadableSourceException("cannot open " + name + ": it has no video stream (expected " + expected + ")");
        }
        long stated = live ? 0 : statedFrames(g);
        long frames = live ? -1 : stated > 0 ? stated : g.getLengthInVideoFrames();
        SourceInfo info = new SourceInfo(name, g.getImageWidth(), g.getImageHeight(),
                g.getFrameRate(), frames <= 0 ? -1 : frames, live, stated > 0);
        return new FFmpegSource(g, input, info);
    }

    /** {@link #open(String, String, Map, boolean, String)} expecting a video file or stream FFmpeg can read. */
    public static FFmpegSource open(String input, String format, Map<String, String> options, boolean live) {
        return open(input, format, options, live, live ? "a camera stream" : "a video file FFmpeg can read: mp4, avi, mkv, mov, gif...");
    }

    /** The frame count the container stores for its video stream ({@code nb_frames}), 0 when it stores none. */
    private static long statedFrames(FFmpegFrameGrabber g) {
        AVFormatContext fc = g.getFormatContext();
        for (int i = 0; fc != null && i < fc.nb_streams(); i++) {
            AVStream st = fc.streams(i);
            if (st.codecpar().codec_type() == avutil.AVMEDIA_TYPE_VIDEO) {
                return Math.max(0, st.nb_frames());
            }
        }
        return 0;
    }

    @Override
    public SourceInfo info() {
        return info;
    }

    @Override
    public Frame next() throws IOException {
        if (ended) {
            return null;
        }
        org.bytedeco.javacv.Frame f;
        try {
            f = grabber.grabImage();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            throw new IOException("decoding " + info.name() + " failed at frame " + index + ": " + reason(e, input),
                    Redaction.exception(e, input, FFmpegSource::withoutJavacvAdvice));
        }
        if (f == null || f.image == null) {
            ended = true;
            if (info.endedEarly(index)) {
                log.warn("event=source_ended_early source={} frame={} expectedFrames={} lastPtsMillis={}",
                        info.name(), index, info.frameCount(), lastPtsMillis);
            }
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

    /**
     * Why FFmpeg failed, in its own words ({@code av_strerror}: "Connection refused", "Invalid data found when
     * processing input"), without JavaCV's advice to developers ("Has setFormat() been called?") and with the
     * input redacted.
     */
    static String reason(Throwable e, String input) {
        String msg = e.getMessage();
        if (msg == null) {
            return e.getClass().getSimpleName();
        }
        Optional<String> ffmpeg = errorCode(msg).map(FFmpegSource::describe);
        if (ffmpeg.isPresent()) {
            return ffmpeg.get();
        }
        return withoutJavacvAdvice(Redaction.message(msg.lines().findFirst().orElse("").strip(), input));
    }

    /** JavaCV's advice to developers ("Has setFormat() been called?") says nothing to a user. */
    static String withoutJavacvAdvice(String msg) {
        return msg.replaceAll("\\s*\\((Has setFormat\\(\\) been called\\?|For more details[^)]*)\\)", "");
    }

    private static Optional<Integer> errorCode(String msg) {
        Matcher m = ERROR_CODE.matcher(msg);
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    /** FFmpeg's description of an error code, e.g. -111 → "Connection refused". */
    static String describe(int code) {
        byte[] buf = new byte[256];
        if (avutil.av_strerror(code, buf, buf.length) < 0) {
            return "FFmpeg error " + code;
        }
        int len = 0;
        while (len < buf.length && buf[len] != 0) {
            len++;
        }
        return new String(buf, 0, len, java.nio.charset.StandardCharsets.UTF_8);
    }
}

package io.footfall.video;

import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Routes FFmpeg's native log lines ({@code [h264 @ 0x55d0...] error while decoding MB}) through the
 * {@code ffmpeg} logger instead of raw stderr, cleaned by {@link Redaction#text} (FFmpeg quotes URLs).
 * Its errors and warnings are DEBUG: what matters reaches the user as Footfall's own message (an open that
 * fails with FFmpeg's reason, {@code event=source_ended_early}, a reconnect), and a damaged stream would
 * otherwise print a line per broken macroblock. Only FFmpeg's fatal messages are WARN. With the {@code ffmpeg}
 * logger at DEBUG ({@code FOOTFALL_LOG_LEVEL=DEBUG}) FFmpeg's errors and warnings are shown; its own debug
 * levels, where request headers are printed, are never enabled.
 *
 * <p>FFmpeg has one process-wide log callback, so this is installed once; the callback object is kept
 * reachable here, since native code holds only its address.
 */
public final class FFmpegLog extends LogCallback {
    private static final Logger log = LoggerFactory.getLogger("ffmpeg");
    /** {@code [h264 @ 0x55d0c8e0a2c0] } → component {@code h264}. */
    private static final Pattern PREFIX = Pattern.compile("^\\[([\\w\\-.:]+) @ 0x[0-9a-f]+]\\s*");
    private static final FFmpegLog INSTANCE = new FFmpegLog();

    static {
        avutil.setLogCallback(INSTANCE);
        avutil.av_log_set_level(log.isDebugEnabled() ? avutil.AV_LOG_WARNING : avutil.AV_LOG_FATAL);
    }

    private FFmpegLog() {
    }

    /** Makes sure FFmpeg logs through here; cheap after the first call. */
    public static void install() {
        // Loading this class ran the static initialiser; nothing more to do.
    }

    @Override
    public void call(int level, BytePointer msg) {
        String line = msg.getString().strip();
        if (line.isEmpty()) {
            return;
        }
        String component = "ffmpeg";
        Matcher m = PREFIX.matcher(line);
        if (m.find()) {
            component = m.group(1);
            line = line.substring(m.end());
        }
        line = Redaction.text(line).replace("\"", "'");
        if (level <= avutil.AV_LOG_FATAL) {
            log.warn("event=ffmpeg component={} message=\"{}\"", component, line);
        } else {
            log.debug("event=ffmpeg component={} message=\"{}\"", component, line);
        }
    }
}

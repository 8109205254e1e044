package io.footfall.video;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Opens a source from what a user writes: a video file, an image folder (or a MOTChallenge sequence
 * folder), a network stream ({@link StreamProtocol}: rtsp, rtmp, http, udp...), or a USB camera ({@code usb:0} or
 * {@code /dev/video0}). Source strings are secret-bearing: messages show them only through {@link Redaction}.
 */
public final class Sources {

    /** Frame rate assumed for an image folder with no {@code seqinfo.ini}. */
    public static final double DEFAULT_IMAGE_FPS = 25;

    private Sources() {
    }

    public static FrameSource open(String spec) {
        return open(spec, SourceWatcher.NONE);
    }

    /**
     * Opens a source; a live one tells {@code watcher} when its stream drops and returns while it reconnects.
     *
     * @throws UnreadableSourceException naming the source (redacted) and what was expected
     */
    public static FrameSource open(String spec, SourceWatcher watcher) {
        String lower = spec.toLowerCase(Locale.ROOT);
        Optional<StreamProtocol> protocol = StreamProtocol.of(spec);
        if (protocol.isPresent()) {
            return openStream(spec, protocol.get(), watcher);
        }
        checkProtocol(spec);
        String name = Redaction.source(spec);
        if (lower.startsWith("usb:") || lower.startsWith("/dev/video")) {
            String device = lower.startsWith("usb:") ? "/dev/video" + spec.substring(4) : spec;
            return LiveSource.of(() -> FFmpegSource.open(device, "video4linux2", Map.of(), true, "a V4L2 camera at " + device),
                    watcher);
        }
        Path path = Path.of(spec);
        if (!Files.exists(path)) {
            throw new UnreadableSourceException("video source " + name + " does not exist (expected a video file, an image folder, "
                    + "an rtsp:// URL or usb:N)");
        }
        if (Files.isDirectory(path)) {
            return openFolder(path);
        }
        if (!Files.isReadable(path)) {
            throw new UnreadableSourceException("video file " + name + " is not readable by this user");
        }
        return FFmpegSource.open(path.toString(), null, Map.of(), false);
    }

    /**
     * Refuses a URL of a protocol Footfall does not open (ftp://...), without opening anything: what a config check
     * can tell before a camera runs.
     *
     * @throws UnreadableSourceException naming the source (redacted) and the protocols that are opened
     */
    public static void checkProtocol(String spec) {
        if (StreamProtocol.of(spec).isEmpty() && spec.contains("://")) {
            throw new UnreadableSourceException("source " + Redaction.source(spec) + " uses a protocol Footfall does not open"
                    + " (expected " + StreamProtocol.allSchemes() + ", a file, an image folder or usb:N)");
        }
    }

    /** A network stream with its protocol's client options; live protocols reconnect with backoff. */
    /**
     * Whether {@code spec} names a live camera (a stream of a live protocol, or a USB/V4L2 device): one that may come
     * back after failing, so its camera is retried rather than given up.
     */
    public static boolean isLive(String spec) {
        String lower = spec.toLowerCase(Locale.ROOT);
        return StreamProtocol.of(spec).map(StreamProtocol::live).orElse(false) || namesCameraStream(spec)
                || lower.startsWith("usb:") || lower.startsWith("/dev/video");
    }

    /**
     * An HTTP URL that names a camera's stream rather than a file: MJPEG ({@code .mjpg}, {@code mjpeg},
     * mjpg-streamer's {@code ?action=stream}) or a camera's CGI. Such a camera is waited for when it is not up yet;
     * other HTTP streams are recognised once open, by having no length.
     */
    static boolean namesCameraStream(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("http://") || lower.startsWith("https://"))) {
            return false;
        }
        return lower.contains("mjpg") || lower.contains("mjpeg") || lower.contains(".cgi") || lower.contains("action=stream");
    }

    private static FrameSource openStream(String url, StreamProtocol protocol, SourceWatcher watcher) {
        Map<String, String> options = protocol.options(StreamProtocol.IO_TIMEOUT);
        String expected = protocol.expected() + " there";
        if (!protocol.live()) {
            // HTTP serves files and camera streams alike (MJPEG, MPEG-TS): a stream with no length, or a URL that names
            // a camera stream, is a camera, reconnected when it drops; anything else is a file, read once.
            FFmpegSource opened = FFmpegSource.open(url, null, options, false, expected);
            if (!namesCameraStream(url) && opened.info().frameCount() > 0) {
                return opened;
            }
            // The first connection is kept: a camera may serve one client at a time.
            FrameSource[] first = {opened};
            return LiveSource.of(() -> {
                FrameSource f = first[0];
                first[0] = null;
                return f != null ? f : FFmpegSource.open(url, null, options, true, expected);
            }, watcher);
        }
        return LiveSource.of(() -> FFmpegSource.open(url, null, options, true, expected), watcher);
    }

    /** A MOTChallenge sequence ({@code img1/} or its one video), or a plain folder of images. */
    private static FrameSource openFolder(Path dir) {
        double fps = seqinfoFps(dir);
        Path img1 = dir.resolve("img1");
        if (Files.isDirectory(img1) && ImageFolderSource.hasImages(img1)) {
            return ImageFolderSource.open(img1, fps);
        }
        if (ImageFolderSource.hasImages(dir)) {
            return ImageFolderSource.open(dir, fps);
        }
        try (Stream<Path> s = Files.list(dir)) {
            var videos = s.filter(p -> p.toString().toLowerCase(Locale.ROOT).matches(".*\\.(mp4|avi|mkv|mov|gif)$")).sorted().toList();
            if (videos.size() == 1) {
                return FFmpegSource.open(videos.get(0).toString(), null, Map.of(), false);
            }
        } catch (IOException e) {
            throw new UnreadableSourceException("cannot list folder " + Redaction.source(dir.toString()) + ": " + e.getMessage(), e);
        }
        throw new UnreadableSourceException("folder " + Redaction.source(dir.toString()) + " holds no images (or img1/ of images) and not exactly one video file");
    }

    static double seqinfoFps(Path dir) {
        Path ini = dir.resolve("seqinfo.ini");
        if (!Files.isRegularFile(ini)) {
            return DEFAULT_IMAGE_FPS;
        }
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(ini)) {
            p.load(r);
            String text = p.getProperty("frameRate", Double.toString(DEFAULT_IMAGE_FPS)).trim();
            double fps = Double.parseDouble(text);
            // Timestamps are frame / rate: zero, negative or not-a-number rates give no time at all.
            if (!(fps > 0 && fps <= 1000)) {
                throw new UnreadableSourceException(ini + " has frameRate " + text
                        + " (expected frames per second, more than 0 and at most 1000)");
            }
            return fps;
        } catch (IOException | NumberFormatException e) {
            throw new UnreadableSourceException(ini + " has no valid frameRate (expected a number): " + e.getMessage(), e);
        }
    }
}

package io.footfall.testing;

import org.junit.jupiter.api.Assertions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A real streaming server on 127.0.0.1 serving a clip, for network-source tests: ffmpeg in listen mode for
 * RTMP and HTTP, GStreamer's RTSP server for RTSP (ffmpeg cannot serve RTSP to a client that pulls).
 * {@code scripts/install-test-tools.sh} installs both; when they are missing a test is skipped, except
 * under {@code CI=true}, where it fails.
 */
public final class LocalStreamServer implements AutoCloseable {
    /** python3-gi is a Debian package: only the system Python sees it, not a pyenv or venv one earlier on PATH. */
    private static final String SYSTEM_PYTHON = "/usr/bin/python3";
    private final Process process;
    private final Path log;
    private final String url;

    private LocalStreamServer(Process process, Path log, String url) {
        this.process = process;
        this.log = log;
        this.url = url;
    }

    /** The URL a client opens. */
    public String url() {
        return url;
    }

    /** {@code rtmp://127.0.0.1:PORT/live/s}, FLV with the clip's H.264 copied, looping. */
    public static LocalStreamServer rtmp(Path clip) {
        int port = freePort();
        String url = "rtmp://127.0.0.1:" + port + "/live/s";
        return startFfmpeg(port, url, List.of("-c", "copy", "-f", "flv", "-listen", "1", url), clip);
    }

    /** {@code http://127.0.0.1:PORT/live.ts}, MPEG-TS with the clip's H.264 copied, looping (a live HTTP stream). */
    public static LocalStreamServer httpTs(Path clip) {
        int port = freePort();
        String url = "http://127.0.0.1:" + port + "/live.ts";
        return startFfmpeg(port, url, List.of("-c", "copy", "-f", "mpegts", "-listen", "1", url), clip);
    }

    /**
     * {@code http://127.0.0.1:PORT/cam.mjpg}: the clip re-encoded as motion JPEG, multipart over HTTP (what cheap IP
     * cameras and mjpg-streamer serve), looping; one client.
     */
    public static LocalStreamServer httpMjpeg(Path clip) {
        int port = freePort();
        String url = "http://127.0.0.1:" + port + "/cam.mjpg";
        return startFfmpeg(port, url, List.of("-c:v", "mjpeg", "-q:v", "5", "-f", "mpjpeg", "-listen", "1", url), clip);
    }

    /** Skips the test when ffmpeg is missing, or fails it under {@code CI=true}. */
    public static void requireFfmpeg() {
        requireTool("ffmpeg", List.of("ffmpeg", "-version"));
    }

    /**
     * {@code clip} played {@code times} back to back as one file (ffmpeg's concat demuxer, streams copied, so every
     * frame is the original's and the timestamps run on), written to {@code out}.
     */
    public static Path concat(Path clip, int times, Path out) throws IOException, InterruptedException {
        requireFfmpeg();
        Path list = out.resolveSibling(out.getFileName() + ".txt");
        String entry = "file '" + clip.toAbsolutePath().toString().replace("'", "'\\''") + "'\n";
        Files.writeString(list, entry.repeat(times));
        Process p = new ProcessBuilder("ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-f", "concat",
                "-safe", "0", "-i", list.toString(), "-c", "copy", out.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("ffmpeg concat of " + clip + " failed: " + log);
        }
        return out;
    }

    private static LocalStreamServer startFfmpeg(int port, String url, List<String> output, Path clip) {
        requireFfmpeg();
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "warning",
                "-stream_loop", "-1", "-i", clip.toString()));
        cmd.addAll(output);
        return start(cmd, port, url);
    }

    /**
     * {@code rtsp://[USER:PASSWORD@]127.0.0.1:PORT/s}, RTP/H.264, with Basic authentication when a user is
     * given (the URL returned carries no credentials; add them to test a client that authenticates).
     */
    public static LocalStreamServer rtsp(Path clip, String user, String password) {
        return rtsp(clip, freePort(), user, password);
    }

    /**
     * The same on a given port: a camera that was not up yet when the agent started, or a server restarted where the
     * agent expects it. The clip plays once per client session; a client that reconnects after its end sees it anew.
     */
    public static LocalStreamServer rtsp(Path clip, int port, String user, String password) {
        requireTool("GStreamer RTSP server (python3-gi, gir1.2-gst-rtsp-server-1.0)", List.of(SYSTEM_PYTHON, "-c",
                "import gi; gi.require_version('GstRtspServer', '1.0'); from gi.repository import GstRtspServer"));
        List<String> cmd = new ArrayList<>(List.of(SYSTEM_PYTHON, script("servers/rtsp_server.py").toString(),
                Integer.toString(port), "s", clip.toString()));
        if (user != null) {
            cmd.addAll(List.of(user, password));
        }
        return start(cmd, port, "rtsp://127.0.0.1:" + port + "/s");
    }

    private static LocalStreamServer start(List<String> cmd, int port, String url) {
        try {
            Path log = Files.createTempFile("footfall-server-", ".log");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            LocalStreamServer server = new LocalStreamServer(p, log, url);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!listening(port)) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    String out = Files.readString(log);
                    server.close();
                    Assertions.fail("server " + cmd + " did not listen on port " + port + ": " + out);
                }
                Thread.sleep(50);
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A port nothing listens on (just released by the OS). */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether a socket listens on the port, read from {@code /proc/net/tcp}: connecting to probe would be
     * taken by ffmpeg's one-shot {@code -listen 1} as its client.
     */
    public static boolean listening(int port) {
        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table), StandardCharsets.US_ASCII)) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 3 && f[1].endsWith(hexPort) && f[3].equals("0A")) {
                        return true;
                    }
                }
            } catch (IOException e) {
                // tcp6 may be absent.
            }
        }
        return false;
    }

    private static Path script(String resource) {
        try {
            return Path.of(LocalStreamServer.class.getResource("/" + resource).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resource " + resource + " is missing", e);
        }
    }

    private static void requireTool(String what, List<String> probe) {
        boolean ok;
        try {
            Process p = new ProcessBuilder(probe).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            ok = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            ok = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ok = false;
        }
        SharedData.assume(ok, what + " is not installed (run scripts/install-test-tools.sh)");
    }

    /** What the server printed (for failure messages). */
    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // A temp file left behind is harmless.
        }
    }
}

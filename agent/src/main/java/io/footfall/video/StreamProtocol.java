package io.footfall.video;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The network protocols a source URL may use, each with the FFmpeg options that make it a client that
 * connects, gives up on a stalled peer, and never listens. FFmpeg's option names differ per protocol
 * and some turn a client into a server: RTMP's {@code timeout} means "wait this long for an incoming
 * connection" and implies {@code listen}, so RTMP gets the generic {@code rw_timeout} instead.
 * Names are those of FFmpeg 5 and later (JavaCV 1.5.13 bundles FFmpeg 8), where RTSP's
 * {@code stimeout} became {@code timeout}.
 */
public enum StreamProtocol {
    /** RTSP over TCP (UDP loses packets on busy networks and through NAT); {@code timeout} is RTSP's socket timeout. */
    RTSP(List.of("rtsp", "rtsps"), true, "an RTSP camera stream") {
        @Override
        Map<String, String> options(Duration ioTimeout) {
            return ordered("rtsp_transport", "tcp", "timeout", micros(ioTimeout));
        }
    },
    /** RTMP as a client: {@code rw_timeout} bounds connect and reads; {@code timeout}/{@code listen} would make it a server. */
    RTMP(List.of("rtmp", "rtmps", "rtmpt", "rtmpe", "rtmpte", "rtmpts"), true, "an RTMP stream") {
        @Override
        Map<String, String> options(Duration ioTimeout) {
            return ordered("rw_timeout", micros(ioTimeout));
        }
    },
    /**
     * HTTP(S): a file served over HTTP or a live MJPEG/TS stream. FFmpeg reconnects a transfer that drops
     * mid-stream itself, waiting at most 30 s between attempts; a server that refuses the first connection
     * fails the open at once (no {@code reconnect_on_network_error}, which would retry for half a minute).
     */
    HTTP(List.of("http", "https"), false, "a video file or stream served over HTTP") {
        @Override
        Map<String, String> options(Duration ioTimeout) {
            return ordered("rw_timeout", micros(ioTimeout), "reconnect", "1", "reconnect_streamed", "1",
                    "reconnect_delay_max", "30");
        }
    },
    /** MPEG-TS over UDP or RTP: {@code timeout} is the read timeout; a lost datagram burst is not fatal. */
    UDP(List.of("udp", "rtp"), true, "an MPEG-TS stream arriving over UDP/RTP") {
        @Override
        Map<String, String> options(Duration ioTimeout) {
            return ordered("timeout", micros(ioTimeout), "overrun_nonfatal", "1", "fifo_size", "1000000");
        }
    };

    /** How long a connect or a read may stall before the open or the read fails (then a live source reconnects). */
    public static final Duration IO_TIMEOUT = Duration.ofSeconds(5);

    private final List<String> schemes;
    private final boolean live;
    private final String expected;

    StreamProtocol(List<String> schemes, boolean live, String expected) {
        this.schemes = schemes;
        this.live = live;
        this.expected = expected;
    }

    /** What a source of this protocol should be, for messages: "an RTSP camera stream". */
    public String expected() {
        return expected;
    }

    /** The protocol of a URL ({@code scheme://...}, any case), or empty for files, folders and devices. */
    public static Optional<StreamProtocol> of(String source) {
        int sep = source.indexOf("://");
        if (sep <= 0) {
            return Optional.empty();
        }
        String scheme = source.substring(0, sep).toLowerCase(Locale.ROOT);
        for (StreamProtocol p : values()) {
            if (p.schemes.contains(scheme)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Whether a source of this protocol is a camera stream (no end; reconnect when it drops). */
    public boolean live() {
        return live;
    }

    /** The URL schemes of this protocol. */
    public List<String> schemes() {
        return schemes;
    }

    /** The FFmpeg options for a client of this protocol. */
    abstract Map<String, String> options(Duration ioTimeout);

    static String micros(Duration d) {
        return Long.toString(d.toNanos() / 1000);
    }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }

    /** Every scheme Footfall opens as a network stream, for messages. */
    public static String allSchemes() {
        StringBuilder sb = new StringBuilder();
        for (StreamProtocol p : values()) {
            for (String s : p.schemes) {
                sb.append(sb.length() == 0 ? "" : ", ").append(s).append("://");
            }
        }
        return sb.toString();
    }
}

package io.footfall.video;

import io.footfall.testing.LocalStreamServer;
import io.footfall.testing.SharedData;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sources over the network, each against a real server on 127.0.0.1 (see {@link LocalStreamServer}):
 * frames are decoded from RTSP (with authentication), RTMP and HTTP, and an RTMP source pointing at a
 * closed port fails with "Connection refused" instead of turning into a server that waits for a publisher.
 */
class NetworkSourcesTest {

    private static final int FRAMES = 5;

    private static Path clip() {
        return SharedData.require(SharedData.ONE_BY_ONE);
    }

    private static void decodes(String url, boolean live) throws Exception {
        try (FrameSource s = Sources.open(url)) {
            assertThat(s.info().width()).isEqualTo(768);
            assertThat(s.info().height()).isEqualTo(432);
            assertThat(s.info().live()).isEqualTo(live);
            assertThat(s.info().name()).doesNotContain("W0rd");
            for (int i = 0; i < FRAMES; i++) {
                Frame f = s.next();
                assertThat(f).as("frame %d from %s", i, url).isNotNull();
                assertThat(f.index()).isEqualTo(i);
                assertThat(f.width()).isEqualTo(768);
            }
        }
    }

    @Test
    void rtspWithAPasswordHoldingAnAt() throws Exception {
        try (LocalStreamServer server = LocalStreamServer.rtsp(clip(), "admin", "p@ssW0rd")) {
            decodes(server.url().replace("rtsp://", "rtsp://admin:p@ssW0rd@"), true);
        }
    }

    @Test
    void rtspWithAWrongPasswordSaysUnauthorizedAndShowsNoPassword() {
        try (LocalStreamServer server = LocalStreamServer.rtsp(clip(), "admin", "p@ssW0rd")) {
            String url = server.url().replace("rtsp://", "rtsp://admin:Wr0ngPass@");
            assertThatThrownBy(() -> Sources.open(url)).isInstanceOf(UnreadableSourceException.class)
                    .hasMessageContaining("401")
                    .hasMessageContaining("rtsp://***@127.0.0.1")
                    .hasMessageNotContaining("Wr0ngPass");
        }
    }

    @Test
    void rtmp() throws Exception {
        try (LocalStreamServer server = LocalStreamServer.rtmp(clip())) {
            decodes(server.url(), true);
        }
    }

    /** A stream with no length over HTTP is a camera: live, reconnected when it drops. */
    @Test
    void httpLiveTransportStream() throws Exception {
        try (LocalStreamServer server = LocalStreamServer.httpTs(clip())) {
            decodes(server.url(), true);
        }
    }

    @Test
    void httpMotionJpegCamera() throws Exception {
        assertThat(Sources.isLive("http://cam-7/video.mjpg")).as("waited for when not up yet").isTrue();
        assertThat(Sources.isLive("http://cam-7/axis-cgi/mjpg/video.cgi")).isTrue();
        assertThat(Sources.isLive("http://media.example/clips/day.mp4")).isFalse();
        try (LocalStreamServer server = LocalStreamServer.httpMjpeg(clip())) {
            decodes(server.url(), true);
        }
    }

    /**
     * FFmpeg's RTMP {@code timeout} option means "listen for a publisher this long": an RTMP camera URL must
     * connect, so a closed port is refused at once, and no socket ever listens on that port.
     */
    @Test
    void rtmpToAClosedPortIsRefusedAndNeverListens() throws Exception {
        int port = LocalStreamServer.freePort();
        String url = "rtmp://127.0.0.1:" + port + "/live/s";
        AtomicBoolean listened = new AtomicBoolean();
        CompletableFuture<Throwable> open = CompletableFuture.supplyAsync(() -> {
            try {
                Sources.open(url).close();
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        while (!open.isDone()) {
            listened.compareAndSet(false, LocalStreamServer.listening(port));
            Thread.sleep(20);
            if (listened.get()) {
                break;
            }
        }
        assertThat(listened).as("an RTMP source listened on port %d (server mode)", port).isFalse();
        // A hang guard, not a speed check: a client that listens would wait here forever.
        Throwable failure = open.get(Duration.ofMinutes(1).toSeconds(), TimeUnit.SECONDS);
        assertThat(failure).isInstanceOf(UnreadableSourceException.class)
                .hasMessageContaining("Connection refused").hasMessageContaining(url);
    }

    @Test
    void everyProtocolGetsClientOptionsThatNeverListen() {
        for (StreamProtocol p : StreamProtocol.values()) {
            var opts = p.options(StreamProtocol.IO_TIMEOUT);
            assertThat(opts).as(p.name()).doesNotContainKeys("listen", "rtmp_listen", "listen_timeout");
            if (p == StreamProtocol.RTMP) {
                assertThat(opts).as("RTMP's timeout makes it a server").doesNotContainKey("timeout").containsKey("rw_timeout");
            }
        }
        assertThat(StreamProtocol.RTSP.options(StreamProtocol.IO_TIMEOUT)).containsEntry("rtsp_transport", "tcp")
                .containsEntry("timeout", "5000000");
        assertThat(StreamProtocol.of("RTMPS://x/y")).contains(StreamProtocol.RTMP);
        assertThat(StreamProtocol.of("/media/a.mp4")).isEmpty();
    }
}

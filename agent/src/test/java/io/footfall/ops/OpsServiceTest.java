package io.footfall.ops;

import io.footfall.testing.MutableClock;

import io.footfall.BadInputException;
import io.footfall.agent.spi.AgentStatus;
import io.footfall.config.CameraConfig;
import io.footfall.config.FootfallConfig;
import io.footfall.config.OpsSettings;
import io.footfall.count.CountEvent;
import io.footfall.count.CountLine;
import io.footfall.count.Direction;
import io.footfall.count.LineCrossing;
import io.footfall.count.Zone;
import io.footfall.detect.StageTimes;
import io.footfall.pipeline.FrameStats;
import io.footfall.track.TrackId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The endpoint against a fake agent: routes, methods, escaping of what comes from the configuration, the health
 * answer turning 503 and back, and a port already taken.
 */
class OpsServiceTest {
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    /** Not a name a validated configuration allows: the page must stay safe even so. */
    private static final String EVIL = "<img src=x onerror=alert(1)>\"'&";

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final MutableClock clock = new MutableClock(T0);
    private OpsService ops;

    @AfterEach
    void stop() {
        if (ops != null) {
            ops.stop(Duration.ofSeconds(2));
        }
    }

    private FakeAgent agent(String cameraId, String state) {
        CameraConfig cam = new CameraConfig(cameraId, "rtsp://cam/1", Optional.empty(),
                List.of(CountLine.parse("door", "0.5,0,0.5,1")),
                List.of(Zone.parse("till", "0.1,0.1,0.4,0.1,0.4,0.5")));
        FootfallConfig cfg = FootfallConfig.builder().deviceId("dev-<1>").cameras(List.of(cam)).build();
        return new FakeAgent(cfg, tmp, clock, () -> status(new AgentStatus.CameraStatus(cameraId, state, 10, 100, Optional.empty())));
    }

    private static AgentStatus status(AgentStatus.CameraStatus... cams) {
        return new AgentStatus("1.2.3", "person-detection-retail-0013", "openvino", T0, List.of(cams), 7,
                Optional.of(T0.minusSeconds(30)), 2);
    }

    private String start(FakeAgent agent, OpsSettings settings) {
        ops = OpsService.open(agent, settings, "127.0.0.1");
        ops.start();
        return ops.url();
    }

    @Test
    void thePageAndTheJsonEscapeWhatComesFromTheConfiguration() throws Exception {
        String base = start(agent(EVIL, "running"), OpsSettings.defaults().onPort(0));
        String page = get(base, "").body();
        assertThat(page).doesNotContain("<img src=x", "onerror=alert(1)>").contains("&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;")
                .contains("dev-&lt;1&gt;");
        assertThat(page).as("the snapshot URL is percent-encoded").contains("/snapshot/%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E%22%27%26.jpg");
        HttpResponse<String> json = get(base, "api/status");
        assertThat(json.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(io.footfall.json.Json.mapper().readTree(json.body()).path("cameras").get(0).path("id").asText()).isEqualTo(EVIL);
        assertThat(json.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");
        assertThat(json.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void unknownPathsAre404OtherMethods405AndHeadHasNoBody() throws Exception {
        String base = start(agent("cam", "running"), OpsSettings.defaults().onPort(0));
        HttpResponse<String> missing = get(base, "nope/%3Cscript%3E");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(missing.body()).doesNotContain("<script>");

        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(base + "health"))
                .POST(HttpRequest.BodyPublishers.ofString("x=1")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
        HttpResponse<String> delete = http.send(HttpRequest.newBuilder(URI.create(base + "metrics")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(delete.statusCode()).isEqualTo(405);

        HttpResponse<String> head = http.send(HttpRequest.newBuilder(URI.create(base + "metrics"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
        assertThat(get(base, "snapshot/cam.jpg").statusCode()).as("no frame yet").isEqualTo(404);
    }

    @Test
    void clientsThatSendHalfARequestOrAnEndlessBodyCannotStopTheEndpointAnswering() throws Exception {
        String base = start(agent("cam", "running"), OpsSettings.defaults().onPort(0));
        URI uri = URI.create(base);
        List<java.net.Socket> slow = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                java.net.Socket s = new java.net.Socket(uri.getHost(), uri.getPort());
                String head = i % 2 == 0 ? "GET /health HTTP/1.1\r\nHost: x\r\n"   // headers never finished
                        : "GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\nabc"; // body never sent
                s.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                slow.add(s);
            }
            long t0 = System.nanoTime();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "health"))
                    .timeout(Duration.ofSeconds(OpsServer.REQUEST_SECONDS * 3)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - t0))
                    .as("answered once the slow requests timed out").isLessThan(Duration.ofSeconds(OpsServer.REQUEST_SECONDS * 3));
        } finally {
            for (java.net.Socket s : slow) {
                s.close();
            }
        }
    }

    @Test
    void healthTurns503WhenEveryCameraHasBeenDownTooLongAndBackWhenOneReturns() throws Exception {
        FakeAgent agent = agent("cam", "running");
        String base = start(agent, new OpsSettings(Optional.of(true), 0, Optional.empty(), Duration.ofSeconds(60)));
        assertThat(get(base, "health").statusCode()).isEqualTo(200);

        Instant wentOffline = clock.instant();
        agent.status = () -> status(new AgentStatus.CameraStatus("cam", "offline", 0, 100, Optional.of("connection refused"), 2,
                Optional.of(wentOffline)));
        assertThat(get(base, "health").statusCode()).as("just went offline").isEqualTo(200);
        clock.advance(Duration.ofSeconds(61));
        HttpResponse<String> down = get(base, "health");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).contains("\"status\":\"unhealthy\"", "every camera has been down for more than 60 s",
                "cam offline for 61 s (connection refused)");
        assertThat(get(base, "health/ready").statusCode()).isEqualTo(503);
        assertThat(get(base, "health/live").statusCode()).as("alive: restarting does not bring a camera back").isEqualTo(200);
        Map<String, PrometheusText.Family> m = PrometheusText.parse(get(base, "metrics").body());
        assertThat(OpsEndpointOnRealRunTest.value(m, "footfall_healthy", Map.of())).isZero();
        assertThat(OpsEndpointOnRealRunTest.value(m, "footfall_camera_up", Map.of("camera", "cam"))).isZero();
        assertThat(OpsEndpointOnRealRunTest.value(m, "footfall_camera_restarts_total", Map.of("camera", "cam"))).isEqualTo(2);

        agent.status = () -> status(new AgentStatus.CameraStatus("cam", "running", 10, 200, Optional.empty(), 2, Optional.empty()));
        assertThat(get(base, "health").statusCode()).isEqualTo(200);

        agent.status = () -> {
            throw new io.footfall.store.StoreException("outbox /data/outbox.mv.db is closed");
        };
        HttpResponse<String> broken = get(base, "health");
        assertThat(broken.statusCode()).isEqualTo(503);
        assertThat(broken.body()).contains("outbox: cannot read its state (outbox /data/outbox.mv.db is closed)");
        assertThat(get(base, "health/live").statusCode()).isEqualTo(503);
        assertThat(get(base, "metrics").statusCode()).as("metrics still answer without the status").isEqualTo(200);
    }

    @Test
    void metricsCountWhatTheObserverIsToldAndTheOutboxFromTheStatus() throws Exception {
        FakeAgent agent = agent("cam", "running");
        String base = start(agent, OpsSettings.defaults().onPort(0));
        List<CountEvent> crossing = List.of(new LineCrossing("id1", "dev", "cam", "door", Direction.IN, new TrackId(7), 3, 100, T0));
        ops.frameProcessed(new FrameStats("cam", 1, new StageTimes(1_000_000, 30_000_000, 2_000_000), 2, Map.of("till", 1), List.of()));
        ops.frameProcessed(new FrameStats("cam", 2, new StageTimes(1_000_000, 300_000_000, 2_000_000), 1, Map.of("till", 0), crossing));
        ops.framesDropped("cam", 3);
        ops.eventsFlushed("cam", List.of(new LineCrossing("id2", "dev", "cam", "door", Direction.OUT, new TrackId(8), 9, 300, T0)));

        String text = get(base, "metrics").body();
        Map<String, PrometheusText.Family> m = PrometheusText.parse(text);
        Map<String, String> cam = Map.of("camera", "cam");
        assertThat(OpsEndpointOnRealRunTest.value(m, "footfall_frames_processed_total", cam)).isEqualTo(2);
        assertThat(OpsEndpointOnRealRunTest.value(m, "footfall_frames_dropped_total", cam)).isEqualTo(3);
        assertThat(OpsEndpointOnRealRunTest.value(m, "footfall_frames_decoded_total", cam)).isEqualTo(5);
        assertThat(OpsEndpointOnRealRunTest.value(m, "footfall_active_tracks", cam)).isEqualTo(1);
        assertThat(OpsEndpointOnRealRunTest.value(m, "footfall_zone_occupancy", Map.of("camera", "cam", "zone", "till"))).isZero();
        assertThat(OpsEndpointOnRealRunTest.value(m, "footfall_line_crossings_total",
                Map.of("camera", "cam", "line", "door", "direction", "in"))).isEqualTo(1);
        assertThat(OpsEndpointOnRealRunTest.value(m, "footfall_line_crossings_total",
                Map.of("camera", "cam", "line", "door", "direction", "out"))).isEqualTo(1);
        PrometheusText.Family inference = m.get("footfall_inference_duration_seconds");
        assertThat(OpsEndpointOnRealRunTest.sample(inference, "footfall_inference_duration_seconds_bucket",
                Map.of("camera", "cam", "le", "0.05")).value()).as("33 ms in, 303 ms not").isEqualTo(1);
        assertThat(OpsEndpointOnRealRunTest.sample(inference, "footfall_inference_duration_seconds_sum", cam).value())
                .isCloseTo(0.336, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(OpsEndpointOnRealRunTest.value(m, "footfall_outbox_depth_records", Map.of())).isEqualTo(7);
        assertThat(OpsEndpointOnRealRunTest.value(m, "footfall_outbox_oldest_undelivered_age_seconds", Map.of())).isEqualTo(30);
        assertThat(OpsEndpointOnRealRunTest.value(m, "footfall_outbox_dropped_records_total", Map.of())).isEqualTo(2);
        assertThat(m.get("footfall_outbox_oldest_undelivered_age_seconds").help()).contains("sync lag");
        assertThat(m.get("footfall_build_info").samples().get(0).labels())
                .isEqualTo(Map.of("version", "1.2.3", "model", "person-detection-retail-0013", "runtime", "openvino"));
        assertThat(text).as("no track id label").doesNotContainPattern("track_?id=");

        String status = get(base, "api/status").body();
        assertThat(status).contains("\"in\":1", "\"out\":1", "\"occupancy\":0");
    }

    @Test
    void aPortAlreadyTakenIsAClearErrorNamingThePortAndTheSetting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            FootfallConfig cfg = FootfallConfig.builder().ops(OpsSettings.defaults().onPort(port)).build();
            assertThatThrownBy(() -> new OpsExtension().check(cfg, Map.of()))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("port " + port + " on 127.0.0.1 is already in use")
                    .hasMessageContaining("ops.port").hasMessageContaining("--ops-port");
            assertThatThrownBy(() -> OpsService.open(agent("cam", "running"), OpsSettings.defaults().onPort(port), "127.0.0.1"))
                    .isInstanceOf(BadInputException.class).hasMessageContaining("already in use");
        }
        FootfallConfig off = FootfallConfig.builder().ops(OpsSettings.defaults()).build();
        new OpsExtension().check(off, Map.of()); // not a module, nothing said: off, nothing to check
        assertThatThrownBy(() -> OpsServer.checkFree("192.0.2.1", 9)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("cannot listen on 192.0.2.1:9 (ops.bind, ops.port)");
    }

    @Test
    void onByDefaultOnlyInAnIotEdgeModuleAndThenOnEveryInterface() {
        OpsSettings d = OpsSettings.defaults();
        assertThat(d.on(false)).isFalse();
        assertThat(d.on(true)).isTrue();
        assertThat(d.port()).isEqualTo(9600);
        assertThat(d.bindAddress(true)).isEqualTo("0.0.0.0");
        assertThat(d.bindAddress(false)).isEqualTo("127.0.0.1");
        OpsSettings off = new OpsSettings(Optional.of(false), 9600, Optional.empty(), Duration.ofMinutes(2));
        assertThat(off.on(true)).as("enabled: false wins in a module").isFalse();
    }

    private HttpResponse<String> get(String base, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

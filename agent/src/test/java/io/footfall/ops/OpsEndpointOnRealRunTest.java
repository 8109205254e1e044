package io.footfall.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.agent.Agent;
import io.footfall.agent.AgentOptions;
import io.footfall.config.CameraConfig;
import io.footfall.config.ClipPolicy;
import io.footfall.config.FootfallConfig;
import io.footfall.config.OpsSettings;
import io.footfall.count.CountLine;
import io.footfall.count.LineTally;
import io.footfall.count.Zone;
import io.footfall.detect.BackendKind;
import io.footfall.detect.DetectorSettings;
import io.footfall.json.Json;
import io.footfall.pipeline.CameraPipeline;
import io.footfall.testing.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations endpoint of a real agent counting the one-by-one clip with the real detector: healthy and up while
 * the camera runs; after the clip, {@code /metrics} (read with a strict text-format parser) agrees with what the run
 * counted, the status JSON and page show the camera, its line and zone and today's counts; the server stops with the
 * agent and leaves no thread behind. One run serves every step (the clip takes a while), in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpsEndpointOnRealRunTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Path data;
    private Agent agent;
    private String base;
    private List<CameraPipeline.Summary> results;

    @BeforeAll
    void startAgent() throws Exception {
        Path clip = SharedData.require(SharedData.ONE_BY_ONE);
        data = Files.createTempDirectory("ops-real-run");
        CameraConfig cam = new CameraConfig("room-cam", clip.toString(), Optional.empty(),
                List.of(CountLine.parse("door", "0.8,0,0.8,1")), List.of(Zone.parse("room", "0,0,1,0,1,1,0,1")));
        FootfallConfig cfg = FootfallConfig.builder().deviceId("store-1")
                .detector(DetectorSettings.defaults("person-detection-retail-0013", BackendKind.OPENVINO))
                .clips(new ClipPolicy(ClipPolicy.Mode.OFF, Duration.ZERO, Duration.ZERO))
                .ops(OpsSettings.defaults().onPort(0)).cameras(List.of(cam)).build();
        agent = Agent.start(cfg, AgentOptions.builder(data.resolve("data")).build());
        OpsService ops = agent.service(OpsService.class).orElseThrow();
        assertThat(ops.url()).startsWith("http://127.0.0.1:").as("not an IoT Edge module: this host only");
        base = ops.url();
    }

    @AfterAll
    void stopAgent() throws Exception {
        if (agent != null) {
            agent.close();
        }
    }

    @Test
    @Order(1)
    void healthyAndUpWhileTheCameraRuns() throws Exception {
        assertThat(await(() -> "running".equals(state()), 120)).as("the camera runs").isTrue();
        assertThat(await(() -> processed() > 0, 120)).as("frames counted in /metrics").isTrue();
        HttpResponse<String> health = get("health");
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(Json.mapper().readTree(health.body()).path("status").asText()).isEqualTo("ok");
        Map<String, PrometheusText.Family> m = PrometheusText.parse(get("metrics").body());
        assertThat(value(m, "footfall_camera_up", Map.of("camera", "room-cam"))).isEqualTo(1);
        assertThat(get("health/live").statusCode()).isEqualTo(200);
        assertThat(get("health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void theSnapshotIsAJpegOfTheLatestFrame() throws Exception {
        assertThat(await(() -> {
            try {
                return http.send(request("snapshot/room-cam.jpg"), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        }, 60)).isTrue();
        HttpResponse<byte[]> jpg = http.send(request("snapshot/room-cam.jpg"), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(jpg.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(jpg.body()).hasSizeGreaterThan(2000);
        assertThat(jpg.body()[0] & 0xff).isEqualTo(0xff);
        assertThat(jpg.body()[1] & 0xff).isEqualTo(0xd8);
        assertThat(get("snapshot/no-such-camera.jpg").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void afterTheClipTheMetricsAgreeWithTheRun() throws Exception {
        results = agent.awaitCameras();
        CameraPipeline.Summary run = results.get(0);
        HttpResponse<String> resp = get("metrics");
        assertThat(resp.statusCode()).isEqualTo(200);
        assertThat(resp.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
        Map<String, PrometheusText.Family> m = PrometheusText.parse(resp.body());

        assertThat(m.keySet()).allSatisfy(n -> assertThat(n).startsWith("footfall_"));
        assertThat(m.keySet()).contains("footfall_frames_decoded_total", "footfall_frames_processed_total",
                "footfall_frames_dropped_total", "footfall_inference_duration_seconds", "footfall_active_tracks",
                "footfall_line_crossings_total", "footfall_zone_occupancy", "footfall_outbox_depth_records",
                "footfall_outbox_oldest_undelivered_age_seconds", "footfall_camera_up", "footfall_camera_restarts_total",
                "footfall_build_info", "footfall_healthy");
        for (PrometheusText.Family f : m.values()) {
            assertThat(f.help()).as("help of " + f.name()).isNotBlank();
            if (f.type().equals("counter")) {
                assertThat(f.name()).endsWith("_total");
            }
            Set<Set<String>> keySets = new HashSet<>();
            f.samples().forEach(s -> {
                Set<String> keys = new HashSet<>(s.labels().keySet());
                keys.remove("le");
                keySets.add(keys);
                assertThat(keys).as("bounded labels of " + f.name()).isSubsetOf("camera", "line", "direction", "zone",
                        "version", "model", "runtime");
            });
            assertThat(keySets).as("one label-key set for " + f.name()).hasSizeLessThanOrEqualTo(1);
        }
        Map<String, String> camera = Map.of("camera", "room-cam");
        assertThat(value(m, "footfall_frames_processed_total", camera)).isEqualTo(run.frames());
        assertThat(value(m, "footfall_frames_dropped_total", camera)).isEqualTo(run.droppedFrames());
        assertThat(value(m, "footfall_frames_decoded_total", camera)).isEqualTo(run.frames() + run.droppedFrames());
        LineTally door = run.lines().get("door");
        assertThat(door.in()).as("the clip's people cross").isGreaterThanOrEqualTo(SharedData.ONE_BY_ONE_MIN_COUNTED);
        assertThat(value(m, "footfall_line_crossings_total", Map.of("camera", "room-cam", "line", "door", "direction", "in")))
                .isEqualTo(door.in());
        assertThat(valueOr(m, "footfall_line_crossings_total", Map.of("camera", "room-cam", "line", "door", "direction", "out"), 0))
                .isEqualTo(door.out());
        assertThat(value(m, "footfall_camera_up", camera)).as("the file ended").isZero();
        assertThat(value(m, "footfall_camera_restarts_total", camera)).isZero();
        assertThat(value(m, "footfall_healthy", Map.of())).as("an ended file does not make the agent unhealthy").isEqualTo(1);
        assertThat(value(m, "footfall_outbox_depth_records", Map.of())).isGreaterThanOrEqualTo(0);
        assertThat(value(m, "footfall_outbox_oldest_undelivered_age_seconds", Map.of())).isGreaterThanOrEqualTo(0);

        // The inference histogram: one observation per processed frame, buckets cumulative.
        PrometheusText.Family inference = m.get("footfall_inference_duration_seconds");
        assertThat(inference.type()).isEqualTo("histogram");
        List<PrometheusText.Sample> buckets = inference.samples().stream().filter(s -> s.name().endsWith("_bucket")).toList();
        assertThat(buckets).hasSize(OpsMetrics.INFERENCE_BUCKETS.length + 1);
        double lastLe = Double.NEGATIVE_INFINITY;
        double lastCount = 0;
        for (PrometheusText.Sample b : buckets) {
            double le = b.label("le").equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(b.label("le"));
            assertThat(le).isGreaterThan(lastLe);
            assertThat(b.value()).isGreaterThanOrEqualTo(lastCount);
            lastLe = le;
            lastCount = b.value();
        }
        assertThat(lastLe).isInfinite();
        assertThat(lastCount).isEqualTo(run.frames());
        assertThat(sample(inference, "footfall_inference_duration_seconds_count", camera).value()).isEqualTo(run.frames());
        assertThat(sample(inference, "footfall_inference_duration_seconds_sum", camera).value()).isPositive();

        PrometheusText.Sample build = m.get("footfall_build_info").samples().get(0);
        assertThat(build.value()).isEqualTo(1);
        assertThat(build.labels()).containsEntry("model", "person-detection-retail-0013").containsEntry("runtime", "openvino")
                .containsKey("version");
    }

    @Test
    @Order(4)
    void theStatusJsonAndPageShowTheCameraItsShapesAndTodaysCounts() throws Exception {
        LineTally door = results.get(0).lines().get("door");
        JsonNode status = Json.mapper().readTree(get("api/status").body());
        JsonNode cam = status.path("cameras").get(0);
        assertThat(cam.path("id").asText()).isEqualTo("room-cam");
        assertThat(cam.path("state").asText()).isEqualTo("ended");
        assertThat(cam.path("frames").asLong()).isEqualTo(results.get(0).frames());
        assertThat(cam.path("lines").get(0).path("name").asText()).isEqualTo("door");
        assertThat(cam.path("lines").get(0).path("in").asInt()).as("today's in").isEqualTo(door.in());
        assertThat(cam.path("lines").get(0).path("out").asInt()).isEqualTo(door.out());
        assertThat(cam.path("lines").get(0).path("points").toString()).isEqualTo("[[0.8,0.0],[0.8,1.0]]");
        assertThat(cam.path("zones").get(0).path("name").asText()).isEqualTo("room");
        assertThat(status.path("health").path("status").asText()).isEqualTo("ok");

        HttpResponse<String> page = get("");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("data-camera=\"room-cam\"", "src=\"/snapshot/room-cam.jpg\"",
                "class=\"count-line\" data-line=\"door\"", "class=\"zone\" data-zone=\"room\"",
                "<td data-field=\"in\">" + door.in() + "</td>", "data-field=\"state\">ended<");
        assertThat(get("static/status.js").statusCode()).isEqualTo(200);
        assertThat(get("static/status.css").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(5)
    void theServerStopsWithTheAgentWithinTheDeadlineAndLeavesNoThread() throws Exception {
        long t0 = System.nanoTime();
        agent.close();
        agent = null;
        assertThat((System.nanoTime() - t0) / 1e9).as("IoT Edge allows 10 s").isLessThan(AgentOptions.DEFAULT_SHUTDOWN_DEADLINE.toSeconds());
        assertThat(await(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("ops-http-") || t.getName().equals("HTTP-Dispatcher")), 5))
                .as("no server thread left").isTrue();
        assertThat(await(() -> {
            try {
                get("health");
                return false;
            } catch (Exception e) {
                return true;
            }
        }, 5)).as("the port is closed").isTrue();
    }

    // ---------------------------------------------------------------------------------------------------------

    private String state() {
        try {
            return Json.mapper().readTree(get("api/status").body()).path("cameras").get(0).path("state").asText();
        } catch (Exception e) {
            return "?";
        }
    }

    private double processed() {
        try {
            return valueOr(PrometheusText.parse(get("metrics").body()), "footfall_frames_processed_total",
                    Map.of("camera", "room-cam"), 0);
        } catch (Exception e) {
            return 0;
        }
    }

    static double value(Map<String, PrometheusText.Family> m, String family, Map<String, String> labels) {
        assertThat(m).containsKey(family);
        return sample(m.get(family), family, labels).value();
    }

    static double valueOr(Map<String, PrometheusText.Family> m, String family, Map<String, String> labels, double fallback) {
        PrometheusText.Family f = m.get(family);
        return f == null ? fallback : f.samples().stream().filter(s -> s.name().equals(family) && s.labels().equals(labels))
                .mapToDouble(PrometheusText.Sample::value).findFirst().orElse(fallback);
    }

    static PrometheusText.Sample sample(PrometheusText.Family f, String name, Map<String, String> labels) {
        return f.samples().stream().filter(s -> s.name().equals(name) && s.labels().equals(labels)).findFirst()
                .orElseThrow(() -> new AssertionError("no sample " + name + labels + " in " + f.samples()));
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path), HttpResponse.BodyHandlers.ofString());
    }

    static boolean await(BooleanSupplier condition, int seconds) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return condition.getAsBoolean();
    }
}

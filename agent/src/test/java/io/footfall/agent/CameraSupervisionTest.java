package io.footfall.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.agent.spi.AgentStatus;
import io.footfall.config.CameraConfig;
import io.footfall.config.ClipPolicy;
import io.footfall.config.FootfallConfig;
import io.footfall.count.CountLine;
import io.footfall.count.LineTally;
import io.footfall.detect.BackendKind;
import io.footfall.detect.DetectorSettings;
import io.footfall.json.Json;
import io.footfall.pipeline.CameraPipeline;
import io.footfall.pipeline.JsonLinesSink;
import io.footfall.testing.JsonLines;
import io.footfall.testing.LocalStreamServer;
import io.footfall.testing.Runs;
import io.footfall.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cameras under supervision, against a real RTSP server (GStreamer's gst-rtsp-server on 127.0.0.1) and the real
 * detector: a camera that is not up yet is waited for, a server that dies mid-stream is reconnected to, the outage is
 * recorded as offline and online records and as intervals that say how much of them was watched, and a broken camera
 * never stops the others.
 */
class CameraSupervisionTest {
    private static final Instant START = Instant.parse("2026-11-25T09:00:00Z");
    private static final String PASSWORD = "Pl4nted-rtsp-s3cret";

    @TempDir
    Path tmp;

    @Test
    void aCameraNotUpYetIsWaitedForCountsLikeItsFileAndIsReconnectedWhenItsServerRestarts() throws Exception {
        LocalStreamServer.requireFfmpeg();
        Path clip = cut(SharedData.require(SharedData.ONE_BY_ONE), 30);
        Map<String, LineTally> fromFile = Runs.run(config(camera("door-cam", clip.toString(), Optional.of(START))),
                tmp.resolve("file")).get(0).lines();

        int port = LocalStreamServer.freePort();
        String url = "rtsp://viewer:" + PASSWORD + "@127.0.0.1:" + port + "/s";
        Path data = tmp.resolve("live");
        AgentOptions options = AgentOptions.builder(data).extensions(false)
                .cameraBackoff(Duration.ofMillis(200), Duration.ofSeconds(1)).build();
        try (Agent agent = Agent.start(config(camera("door-cam", url, Optional.empty())), options)) {
            await("the camera retried while its server is not up", () -> camera(agent).restarts() >= 2, 30);
            assertThat(camera(agent).state()).isEqualTo("offline");
            assertThat(camera(agent).offlineSince()).isPresent();
            assertThat(camera(agent).lastError().orElseThrow()).doesNotContain(PASSWORD);

            try (LocalStreamServer server = LocalStreamServer.rtsp(clip, port, "viewer", PASSWORD)) {
                // The clip plays once per session: its end is an outage like any other, and the source reconnects.
                await("online, the clip's end, online again", () -> states(data).equals(List.of("offline", "online",
                        "offline", "online")), 120);
                List<JsonNode> firstSession = between(records(data), 1, 3);
                for (Map.Entry<String, LineTally> line : fromFile.entrySet()) {
                    assertThat(crossings(firstSession, line.getKey(), "in")).as("line " + line.getKey() + " in, live vs file")
                            .isBetween(line.getValue().in() - 1L, line.getValue().in() + 1L);
                    assertThat(crossings(firstSession, line.getKey(), "out")).as("line " + line.getKey() + " out, live vs file")
                            .isBetween(line.getValue().out() - 1L, line.getValue().out() + 1L);
                }
                assertThat(fromFile.values().stream().mapToInt(t -> t.in() + t.out()).sum()).as("the file counts someone")
                        .isPositive();
                Thread.sleep(2000);
            }
            // The server is gone mid-stream: the read times out or the connection drops.
            await("offline after the server died", () -> states(data).size() == 5, 30);
            try (LocalStreamServer again = LocalStreamServer.rtsp(clip, port, "viewer", PASSWORD)) {
                await("online again and counting", () -> {
                    List<JsonNode> all = records(data);
                    return states(data).size() == 6 && between(all, 5, 6).stream().anyMatch(r -> type(r).equals("crossing"));
                }, 60);
            }
            agent.shutdown();
            List<CameraPipeline.Summary> done = agent.awaitCameras();
            assertThat(done).singleElement().satisfies(s -> assertThat(s.stopped()).isTrue());
        }
        List<JsonNode> states = records(data).stream().filter(r -> type(r).equals("camera-state")).toList();
        assertThat(states).allSatisfy(s -> {
            assertThat(s.get("camera").asText()).isEqualTo("door-cam");
            assertThat(s.get("reason").asText()).isNotBlank();
        });
        assertThat(states.get(1).get("reason").asText()).startsWith("frames again after");
        // The minutes of an outage say they were not fully watched: a gap, not zero people.
        List<JsonNode> aggregates = lines(data.resolve(JsonLinesSink.AGGREGATES));
        assertThat(aggregates).anySatisfy(a -> assertThat(a.get("observedMillis").asLong())
                .isLessThan(Duration.between(Instant.parse(a.get("start").asText()), Instant.parse(a.get("end").asText()))
                        .toMillis() - 1000));
        assertNoSecretIn(data);
    }

    @Test
    void oneBrokenCameraAmongThreeGoodOnesIsRetriedWhileTheOthersCount() throws Exception {
        String tud = SharedData.require(SharedData.TUD_CAMPUS).toString();
        String broken = "rtsp://viewer:" + PASSWORD + "@127.0.0.1:" + LocalStreamServer.freePort() + "/nothing-here";
        FootfallConfig cfg = config(camera("a", tud, Optional.of(START)), camera("broken", broken, Optional.empty()),
                camera("b", tud, Optional.of(START)), camera("c", tud, Optional.of(START)));
        Path data = tmp.resolve("data");
        AgentOptions options = AgentOptions.builder(data).extensions(false)
                .cameraBackoff(Duration.ofMillis(100), Duration.ofMillis(500)).build();
        List<CameraPipeline.Summary> done;
        try (Agent agent = Agent.start(cfg, options)) {
            await("the three file cameras end", () -> agent.status().cameras().stream()
                    .filter(c -> !c.id().equals("broken")).allMatch(c -> c.state().equals("ended")), 240);
            AgentStatus.CameraStatus b = agent.status().cameras().stream().filter(c -> c.id().equals("broken")).findFirst()
                    .orElseThrow();
            assertThat(b.state()).isEqualTo("offline");
            assertThat(b.restarts()).as("retried").isGreaterThanOrEqualTo(2);
            assertThat(b.lastError().orElseThrow()).contains("127.0.0.1").doesNotContain(PASSWORD);
            agent.shutdown();
            done = agent.awaitCameras();
        }
        assertThat(done).hasSize(4);
        Map<String, LineTally> a = summary(done, "a").lines();
        assertThat(a.get("mid").in() + a.get("mid").out()).as("TUD-Campus crossings").isGreaterThanOrEqualTo(3);
        assertThat(summary(done, "b").lines()).isEqualTo(a);
        assertThat(summary(done, "c").lines()).isEqualTo(a);
        assertThat(summary(done, "broken").frames()).isZero();
        List<JsonNode> states = records(data).stream().filter(r -> type(r).equals("camera-state")).toList();
        assertThat(states).as("one outage, still open").singleElement().satisfies(s -> {
            assertThat(s.get("camera").asText()).isEqualTo("broken");
            assertThat(s.get("state").asText()).isEqualTo("offline");
        });
        assertNoSecretIn(data);
    }

    private static CameraPipeline.Summary summary(List<CameraPipeline.Summary> done, String camera) {
        return done.stream().filter(s -> s.cameraId().equals(camera)).findFirst().orElseThrow();
    }

    private static AgentStatus.CameraStatus camera(Agent agent) {
        return agent.status().cameras().get(0);
    }

    private static CameraConfig camera(String id, String source, Optional<Instant> start) {
        return new CameraConfig(id, source, start, List.of(CountLine.parse("door", "0.8,0,0.8,1"),
                CountLine.parse("mid", "0.5,0,0.5,1")), List.of());
    }

    private static FootfallConfig config(CameraConfig... cameras) {
        return FootfallConfig.builder().deviceId("store-1")
                .detector(DetectorSettings.defaults("person-detection-retail-0013", BackendKind.OPENVINO))
                .clips(new ClipPolicy(ClipPolicy.Mode.OFF, Duration.ofSeconds(3), Duration.ofSeconds(3)))
                .cameras(List.of(cameras)).build();
    }

    /** The first {@code seconds} of a clip, streams copied. */
    private Path cut(Path clip, int seconds) throws IOException, InterruptedException {
        Path out = tmp.resolve("cut.mp4");
        Process p = new ProcessBuilder("ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-i", clip.toString(),
                "-t", Integer.toString(seconds), "-c", "copy", out.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as("ffmpeg cut: " + log).isTrue();
        return out;
    }

    private static void await(String what, BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("within " + seconds + " s: " + what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static List<JsonNode> records(Path data) {
        return lines(data.resolve(JsonLinesSink.EVENTS));
    }

    /** The camera's states so far, in order: offline, online, ... */
    private static List<String> states(Path data) {
        return records(data).stream().filter(r -> type(r).equals("camera-state")).map(r -> r.get("state").asText()).toList();
    }

    /** The records after the {@code from}-th camera-state record (0-based) and before the {@code to}-th. */
    private static List<JsonNode> between(List<JsonNode> records, int from, int to) {
        int seen = -1;
        List<JsonNode> out = new java.util.ArrayList<>();
        for (JsonNode r : records) {
            if (type(r).equals("camera-state")) {
                seen++;
                continue;
            }
            if (seen >= from && seen < to) {
                out.add(r);
            }
        }
        return out;
    }

    private static long crossings(List<JsonNode> records, String line, String direction) {
        return records.stream().filter(r -> type(r).equals("crossing") && r.get("line").asText().equals(line)
                && r.get("direction").asText().equals(direction)).count();
    }

    private static String type(JsonNode r) {
        return r.get("type").asText();
    }

    private static List<JsonNode> lines(Path file) {
        return JsonLines.read(file);
    }

    /** Credentials in a camera URL never reach a file: not the records, not the outbox, not run.json. */
    private static void assertNoSecretIn(Path data) throws IOException {
        try (Stream<Path> files = Files.walk(data)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain(PASSWORD);
            }
        }
    }
}

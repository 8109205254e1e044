package io.footfall.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.json.Json;
import io.footfall.store.Outbox;
import io.footfall.store.OutboxConfig;
import io.footfall.store.OutboxRecord;
import io.footfall.testing.ChildRun;
import io.footfall.testing.JsonLines;
import io.footfall.testing.LocalStreamServer;
import io.footfall.testing.SharedData;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM (IoT Edge, docker stop), SIGINT (Ctrl-C) and SIGHUP (a closed terminal) stop {@code footfall run}
 * gracefully: exit 0 well within IoT Edge's 10 s, the open interval written as a (partial) aggregate that agrees with
 * the crossings stored, the continuous clip finished and playable, its record in the outbox, and run.json written.
 */
class GracefulShutdownTest {

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"TERM", "INT", "HUP"})
    void aSignalDrainsThePipelineAndExitsZero(String signal) throws Exception {
        String clip = SharedData.require(SharedData.ONE_BY_ONE).toString();
        Path data = tmp.resolve("data");
        Path events = data.resolve(JsonLinesSink.EVENTS);
        try (ChildRun child = ChildRun.start(tmp.resolve("child.log"), "run", "--source", clip, "--line", "0.8,0,0.8,1:door",
                "--zone", "0,0,1,0,1,1,0,1:room", "--clips", "continuous", "--device", "store-1",
                "--start", "2026-11-25T09:00:00Z", "--data-dir", data.toString())) {
            assertThat(child.awaitCondition(() -> crossings(events) >= 1, 240)).as("a crossing before the signal; log "
                    + child.log()).isTrue();
            long signalled = System.nanoTime();
            child.signal(signal);
            int code = child.awaitExit(30);
            double seconds = (System.nanoTime() - signalled) / 1e9;
            assertThat(code).as("exit code after SIG" + signal + "; output:\n" + child.output()).isZero();
            assertThat(seconds).as("stopped within IoT Edge's 10 s").isLessThan(10);
            assertThat(child.output()).contains("stopped by SIG" + signal);
        }
        // The open interval is closed as an aggregate that agrees with the crossings stored.
        List<JsonNode> aggregates = lines(data.resolve(JsonLinesSink.AGGREGATES));
        assertThat(aggregates).isNotEmpty();
        long aggregatedIn = aggregates.stream().mapToLong(a -> a.get("lines").get(0).get("in").asLong()).sum();
        assertThat(aggregatedIn).isEqualTo(crossings(events));
        assertThat(Files.exists(data.resolve("run.json"))).as("run.json").isTrue();

        try (Outbox o = Outbox.open(OutboxConfig.readOnly(data))) {
            List<OutboxRecord> all = o.read(1, Long.MAX_VALUE, Integer.MAX_VALUE);
            assertThat(all.stream().filter(r -> r.kind().equals("aggregate"))).hasSameSizeAs(aggregates);
            List<OutboxRecord> clips = all.stream().filter(r -> r.kind().equals("clip")).toList();
            assertThat(clips).hasSize(1);
            Path mp4 = Path.of(Json.mapper().readTree(clips.get(0).payload()).get("file").asText());
            try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(mp4.toFile())) {
                g.start(); // fails with "moov atom not found" on an unfinished mp4
                assertThat(g.getLengthInFrames()).isGreaterThan(10);
                assertThat(g.grabImage()).isNotNull();
            }
        }
    }

    /**
     * A camera waiting out its backoff (its RTSP server is not there) stops at once, a streaming one drains: exit 0
     * within IoT Edge's 10 s, and the outage stands recorded as an offline record with no credentials.
     */
    @Test
    void sigtermWhileOneCameraIsInBackoffAndAnotherStreams() throws Exception {
        Path clip = SharedData.require(SharedData.ONE_BY_ONE);
        Path data = tmp.resolve("data");
        Path events = data.resolve(JsonLinesSink.EVENTS);
        try (LocalStreamServer server = LocalStreamServer.rtsp(clip, null, null)) {
            Path config = tmp.resolve("store.yaml");
            Files.writeString(config, String.join("\n",
                    "device: store-1",
                    "clips: {mode: off}",
                    "cameras:",
                    "  - id: streaming",
                    "    source: " + server.url(),
                    "    lines: [{name: door, points: [[0.8, 0.0], [0.8, 1.0]]}]",
                    "  - id: down",
                    "    source: rtsp://admin:Down-s3cret@127.0.0.1:" + LocalStreamServer.freePort() + "/s",
                    "    lines: [{name: door, points: [[0.8, 0.0], [0.8, 1.0]]}]",
                    ""));
            try (ChildRun child = ChildRun.start(tmp.resolve("child.log"), "run", "--config", config.toString(),
                    "--data-dir", data.toString())) {
                assertThat(child.awaitCondition(() -> crossings(events) >= 1 && lines(events).stream()
                        .anyMatch(e -> e.get("type").asText().equals("camera-state")), 120))
                        .as("a crossing on one camera, the other offline; log " + child.log()).isTrue();
                Thread.sleep(4000); // the down camera is in a backoff of several seconds by now
                long signalled = System.nanoTime();
                child.signal("TERM");
                int code = child.awaitExit(30);
                double seconds = (System.nanoTime() - signalled) / 1e9;
                assertThat(code).as("exit code; output:\n" + child.output()).isZero();
                assertThat(seconds).as("stopped within IoT Edge's 10 s").isLessThan(10);
                assertThat(child.output()).doesNotContain("Down-s3cret");
            }
        }
        List<JsonNode> states = lines(events).stream().filter(e -> e.get("type").asText().equals("camera-state")).toList();
        assertThat(states).singleElement().satisfies(s -> {
            assertThat(s.get("camera").asText()).isEqualTo("down");
            assertThat(s.get("state").asText()).isEqualTo("offline");
        });
        assertThat(Files.readString(events)).doesNotContain("Down-s3cret");
    }

    private static long crossings(Path events) {
        return lines(events).stream().filter(e -> e.get("type").asText().equals("crossing")).count();
    }

    private static List<JsonNode> lines(Path file) {
        return JsonLines.read(file);
    }
}

package io.footfall.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.footfall.config.CameraConfig;
import io.footfall.config.ClipPolicy;
import io.footfall.config.FootfallConfig;
import io.footfall.config.StoreSettings;
import io.footfall.count.AnalyticsConfig;
import io.footfall.count.CountLine;
import io.footfall.count.Zone;
import io.footfall.detect.BackendKind;
import io.footfall.detect.DetectorSettings;
import io.footfall.testing.SharedData;
import io.footfall.testing.TestFrames;
import io.footfall.track.TrackerConfig;
import io.footfall.video.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main job on the one-by-one clip with the default detector: six people, one at a time, each
 * crossing the line at x = 0.8 W left to right.
 */
class CountingOnRealVideoTest {

    @TempDir
    Path tmp;

    @Test
    void sixInNoneOutSixVisitsOccupancyNeverAboveOneAndAnAnnotatedClip() throws Exception {
        Path clip = SharedData.require(SharedData.ONE_BY_ONE);
        Instant start = Instant.parse("2026-11-25T09:00:30Z");
        CameraConfig cam = new CameraConfig("room-cam", clip.toString(), Optional.of(start),
                List.of(CountLine.parse("door", "0.8,0,0.8,1")), List.of(Zone.parse("room", "0,0,1,0,1,1,0,1")));
        FootfallConfig cfg = FootfallConfig.builder().deviceId("store-1")
                .detector(DetectorSettings.defaults("person-detection-retail-0013", BackendKind.OPENVINO))
                .clips(new ClipPolicy(ClipPolicy.Mode.CONTINUOUS, Duration.ofSeconds(3), Duration.ofSeconds(3)))
                .cameras(List.of(cam)).build();
        Path data = tmp.resolve("data");
        List<CameraPipeline.Summary> result = io.footfall.testing.Runs.run(cfg, data);
        assertThat(result).hasSize(1);
        assertThat(result.get(0).frames()).isEqualTo(1394);

        ObjectMapper json = new ObjectMapper();
        List<JsonNode> events = new ArrayList<>();
        for (String line : Files.readAllLines(data.resolve(JsonLinesSink.EVENTS))) {
            events.add(json.readTree(line));
        }
        List<JsonNode> crossings = events.stream().filter(e -> e.get("type").asText().equals("crossing")).toList();
        assertThat(crossings).hasSizeBetween(SharedData.ONE_BY_ONE_MIN_COUNTED, SharedData.ONE_BY_ONE_PEOPLE);
        assertThat(crossings).allSatisfy(c -> {
            assertThat(c.get("direction").asText()).isEqualTo("in");
            assertThat(c.get("line").asText()).isEqualTo("door");
            assertThat(c.get("camera").asText()).isEqualTo("room-cam");
            assertThat(c.get("id").asText()).startsWith("store-1:room-cam:crossing:door:");
            assertThat(c.has("trackId")).isTrue();
            assertThat(c.has("ptsMillis")).isTrue();
        });
        assertThat(crossings.stream().map(c -> c.get("trackId").asLong()).distinct()).as("a different person each time")
                .hasSameSizeAs(crossings);
        assertThat(events.stream().filter(e -> e.get("type").asText().equals("zone-enter"))).as("visits: six people, a broken track")
                .hasSizeBetween(6, 7);

        int in = 0;
        int out = 0;
        int visits = 0;
        List<String> starts = new ArrayList<>();
        for (String line : Files.readAllLines(data.resolve(JsonLinesSink.AGGREGATES))) {
            JsonNode a = json.readTree(line);
            starts.add(a.get("start").asText());
            in += a.get("lines").get(0).get("in").asInt();
            out += a.get("lines").get(0).get("out").asInt();
            JsonNode room = a.get("zones").get(0);
            // One person at a time; where the default model breaks a track at the door (SharedData.ONE_BY_ONE_*), the
            // lost track is still present in the zone for its inertia while the new one enters: at most 2, never more.
            assertThat(room.get("occupancyMax").asInt()).as("occupancy in " + a.get("start"))
                    .isLessThanOrEqualTo(crossings.size() == SharedData.ONE_BY_ONE_PEOPLE ? 1 : 2);
            visits += room.get("visits").asInt();
        }
        assertThat(in).as("aggregates agree with the crossings").isEqualTo(crossings.size());
        assertThat(out).isZero();
        assertThat(visits).isBetween(6, 7);
        // 139 s from 09:00:30: intervals aligned to the minute, the first and last partial.
        assertThat(starts).containsExactly("2026-11-25T09:00:00Z", "2026-11-25T09:01:00Z", "2026-11-25T09:02:00Z");

        // Continuous video comes as one-minute segments: 139 s at 10 frames/s are three, the second starting at frame 600.
        List<Path> segments;
        try (Stream<Path> clips = Files.list(data.resolve("clips"))) {
            segments = clips.filter(p -> p.getFileName().toString().startsWith("room-cam-annotated-")).sorted().toList();
        }
        assertThat(segments).hasSize(3);
        Path annotated = segments.get(1);
        Frame f = TestFrames.at(annotated, 0).get(0);
        assertThat(f.width()).isEqualTo(768);
        // The counting line is drawn in yellow (BGR 0,255,255) at x = 0.8 W, away from the people.
        int x = (int) Math.round(0.8 * 768);
        int y = 420;
        int o = y * f.stride() + x * 3;
        int b = f.bgr().get(o) & 0xFF;
        int g = f.bgr().get(o + 1) & 0xFF;
        int r = f.bgr().get(o + 2) & 0xFF;
        assertThat(b).as("blue at the line").isLessThan(120);
        assertThat(g).as("green at the line").isGreaterThan(170);
        assertThat(r).as("red at the line").isGreaterThan(170);
    }
}

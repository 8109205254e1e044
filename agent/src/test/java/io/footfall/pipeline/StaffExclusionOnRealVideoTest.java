package io.footfall.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.agent.Agent;
import io.footfall.agent.AgentOptions;
import io.footfall.cli.FootfallCommand;
import io.footfall.config.CameraConfig;
import io.footfall.config.ClipPolicy;
import io.footfall.config.FootfallConfig;
import io.footfall.count.CountLine;
import io.footfall.detect.BackendKind;
import io.footfall.detect.Detection;
import io.footfall.detect.Detector;
import io.footfall.detect.DetectorSettings;
import io.footfall.geometry.Box;
import io.footfall.identity.StaffGallery;
import io.footfall.json.Json;
import io.footfall.testing.SharedData;
import io.footfall.testing.TestDetectors;
import io.footfall.track.AppearanceConfig;
import io.footfall.track.TrackerConfig;
import io.footfall.video.Frame;
import io.footfall.video.FrameSource;
import io.footfall.video.Sources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff exclusion on the one-by-one clip: the first of the six people is enrolled as staff from two photos cut from
 * the clip ({@code footfall staff enroll}); the run then counts 6 in, of which 1 staff: 5 customer entries.
 */
class StaffExclusionOnRealVideoTest {
    private static final Instant START = Instant.parse("2026-11-25T09:00:00Z");

    @TempDir
    Path tmp;

    /**
     * @param from {@code photos}: two photos of the first person cut from the clip; {@code zone}: the clip's first 21 s
     *             (only the first person is in view, frames 63-190) with the whole view as the staff-only zone
     */
    @ParameterizedTest
    @ValueSource(strings = {"photos", "zone"})
    void oneOfTheSixEnrolledAsStaffLeavesFiveCustomerEntries(String from) throws Exception {
        Path clip = SharedData.require(SharedData.ONE_BY_ONE);
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        String key = Base64.getEncoder().encodeToString(raw);
        Path keyFile = tmp.resolve("staff.key");
        Files.writeString(keyFile, key);
        Path gallery = tmp.resolve("staff.bin");
        List<String> enrol = new ArrayList<>(List.of("staff", "enroll", "--out", gallery.toString(), "--key-file",
                keyFile.toString()));
        if (from.equals("photos")) {
            Path crops = Files.createDirectories(tmp.resolve("staff-photos"));
            // The first person stands at the table around frames 110-150 (about 4 s in view by then).
            photosOfTheOnlyPerson(clip, List.of(110L, 150L), crops);
            enrol.addAll(List.of("--crops", crops.toString()));
        } else {
            enrol.addAll(List.of("--source", clip.toString(), "--zone", "0,0,1,0,1,1,0,1", "--to", "21"));
        }
        int enrolled = FootfallCommand.newCommandLine().execute(enrol.toArray(String[]::new));
        assertThat(enrolled).isZero();
        assertThat(StaffGallery.read(gallery, StaffGallery.key(key, "test"), 0.5).size())
                .as("appearances enrolled: one per photo, or one per person who stood in the zone")
                .isEqualTo(from.equals("photos") ? 2 : 1);

        CameraConfig cam = new CameraConfig("room", clip.toString(), Optional.of(START),
                List.of(CountLine.parse("door", "0.8,0,0.8,1")), List.of());
        FootfallConfig cfg = FootfallConfig.builder().deviceId("store-1")
                .detector(DetectorSettings.defaults("person-detection-retail-0013", BackendKind.OPENVINO))
                .tracker(TrackerConfig.defaults().withAppearance(
                        AppearanceConfig.with(AppearanceConfig.DEFAULT_MODEL).withStaffGallery(gallery)))
                .clips(new ClipPolicy(ClipPolicy.Mode.OFF, Duration.ofSeconds(3), Duration.ofSeconds(3)))
                .cameras(List.of(cam)).build();
        Path data = tmp.resolve("data");
        try (Agent agent = Agent.start(cfg, AgentOptions.builder(data).extensions(false)
                .env(Map.of(StaffGallery.KEY_ENV, key)).build())) {
            agent.awaitCameras();
        }

        List<JsonNode> crossings = new ArrayList<>();
        int in = 0;
        int staffIn = 0;
        for (String l : Files.readAllLines(data.resolve(JsonLinesSink.EVENTS))) {
            JsonNode n = Json.mapper().readTree(l);
            if (n.get("type").asText().equals("crossing")) {
                crossings.add(n);
            }
        }
        for (String l : Files.readAllLines(data.resolve(JsonLinesSink.AGGREGATES))) {
            JsonNode line = Json.mapper().readTree(l).get("lines").get(0);
            in += line.get("in").asInt();
            staffIn += line.get("staffIn").asInt();
        }
        assertThat(crossings).hasSize(6).allSatisfy(c -> assertThat(c.has("staff")).isTrue());
        assertThat(crossings.stream().filter(c -> c.get("staff").asBoolean()).toList())
                .as("the first person, and only them").singleElement()
                .satisfies(c -> assertThat(Instant.parse(c.get("at").asText())).isBefore(START.plusSeconds(25)));
        assertThat(in).isEqualTo(6);
        assertThat(in - staffIn).as("customer entries").isEqualTo(5);
        assertThat(Files.readString(data.resolve(JsonLinesSink.EVENTS))).doesNotContain(key);
    }

    /** Cuts the best-scoring person box of each frame out of the clip and saves it as a PNG in {@code dir}. */
    private static void photosOfTheOnlyPerson(Path clip, List<Long> frames, Path dir) throws Exception {
        try (FrameSource source = Sources.open(clip.toString());
             Detector detector = TestDetectors.open(DetectorSettings.defaults("person-detection-retail-0013",
                     BackendKind.OPENVINO))) {
            Frame f;
            while ((f = source.next()) != null && f.index() <= frames.get(frames.size() - 1)) {
                if (!frames.contains(f.index())) {
                    continue;
                }
                Box b = detector.detect(f).detections().stream().max(Comparator.comparingDouble(Detection::score))
                        .orElseThrow(() -> new AssertionError("nobody detected in the staff photo frame")).box();
                ImageIO.write(crop(f, b), "png", dir.resolve("person1-" + f.index() + ".png").toFile());
            }
        }
    }

    private static BufferedImage crop(Frame f, Box b) {
        int x0 = (int) Math.max(0, b.x());
        int y0 = (int) Math.max(0, b.y());
        int x1 = (int) Math.min(f.width(), b.x() + b.w());
        int y1 = (int) Math.min(f.height(), b.y() + b.h());
        BufferedImage img = new BufferedImage(x1 - x0, y1 - y0, BufferedImage.TYPE_INT_RGB);
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int i = y * f.stride() + x * 3;
                int bl = f.bgr().get(i) & 0xFF;
                int g = f.bgr().get(i + 1) & 0xFF;
                int r = f.bgr().get(i + 2) & 0xFF;
                img.setRGB(x - x0, y - y0, (r << 16) | (g << 8) | bl);
            }
        }
        return img;
    }
}

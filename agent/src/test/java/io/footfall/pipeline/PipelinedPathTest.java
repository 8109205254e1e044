package io.footfall.pipeline;

import io.footfall.appearance.AppearanceOpener;
import io.footfall.config.CameraConfig;
import io.footfall.config.ClipPolicy;
import io.footfall.config.FootfallConfig;
import io.footfall.count.CountLine;
import io.footfall.count.Zone;
import io.footfall.detect.BackendKind;
import io.footfall.detect.Detector;
import io.footfall.detect.DetectorSettings;
import io.footfall.testing.SharedData;
import io.footfall.testing.TestDetectors;
import io.footfall.video.Sources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipelined frame path (several frames in flight through OpenVINO, results taken in frame order) must count
 * exactly as one frame at a time: same events and aggregates, byte for byte, on a real crowded clip with the real
 * model, and the same annotated event clips.
 */
class PipelinedPathTest {
    private static final Instant START = Instant.parse("2026-11-25T09:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void framesInFlightCountExactlyAsOneAtATime() throws Exception {
        Path video = SharedData.require(SharedData.VTEST);
        CameraPipeline.Summary one = run(video, 1, tmp.resolve("one"));
        CameraPipeline.Summary three = run(video, 3, tmp.resolve("three"));

        assertThat(one.frames()).isEqualTo(795);
        assertThat(three.frames()).isEqualTo(one.frames());
        assertThat(one.lines().get("middle").in() + one.lines().get("middle").out())
                .as("vtest: people cross the middle both ways").isGreaterThan(10);
        assertThat(three.lines()).isEqualTo(one.lines());
        for (String file : List.of(JsonLinesSink.EVENTS, JsonLinesSink.AGGREGATES)) {
            assertThat(Files.readAllLines(tmp.resolve("three").resolve(file))).as(file)
                    .isNotEmpty()
                    .containsExactlyElementsOf(Files.readAllLines(tmp.resolve("one").resolve(file)));
        }
        assertThat(three.clips()).as("event clips, annotated on the pipeline thread").isNotEmpty()
                .hasSameSizeAs(one.clips());
        for (int i = 0; i < one.clips().size(); i++) {
            assertThat(three.clips().get(i).frames()).isEqualTo(one.clips().get(i).frames());
            assertThat(three.clips().get(i).start()).isEqualTo(one.clips().get(i).start());
        }
    }

    private static CameraPipeline.Summary run(Path video, int inFlight, Path dir) throws Exception {
        CameraConfig cam = new CameraConfig("camera1", video.toString(), Optional.of(START),
                List.of(CountLine.parse("middle", "0.5,0,0.5,1")),
                List.of(Zone.parse("left", "0,0,0.5,0,0.5,1,0,1")));
        DetectorSettings detector = DetectorSettings.defaults("person-detection-retail-0013", BackendKind.OPENVINO)
                .withInFlight(inFlight);
        FootfallConfig cfg = FootfallConfig.builder().deviceId("store-1").detector(detector)
                .clips(new ClipPolicy(ClipPolicy.Mode.EVENTS, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .cameras(List.of(cam)).build();
        CameraPipeline pipeline = new CameraPipeline(CameraPipeline.Settings.of(cfg, cam), dir.resolve("clips"),
                Optional.empty(), AppearanceOpener.unavailable(), null, PipelineObserver.NONE);
        try (var frames = Sources.open(video.toString());
             Detector d = TestDetectors.open(cfg.detectorFor(cam));
             JsonLinesSink sink = new JsonLinesSink(dir)) {
            return pipeline.run(frames, d, inFlight, sink, START, JobProgress.NONE);
        }
    }
}

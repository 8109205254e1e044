package io.footfall.pipeline;

import io.footfall.appearance.AppearanceOpener;
import io.footfall.config.CameraConfig;
import io.footfall.config.ClipPolicy;
import io.footfall.config.FootfallConfig;
import io.footfall.count.CountLine;
import io.footfall.detect.BackendKind;
import io.footfall.detect.DetectorSettings;
import io.footfall.detect.FrameDetections;
import io.footfall.detect.RecordedDetections;
import io.footfall.schema.DetectionsLine;
import io.footfall.video.SourceInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Metrics must never cost counts: an observer that throws on every call leaves the run exactly as it is without one
 * (same events and aggregates, byte for byte), over the one-by-one clip's recorded detections (no model needed).
 */
class FailingObserverTest {
    private static final Instant START = Instant.parse("2026-11-25T09:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void anObserverThatThrowsOnEveryFrameChangesNothing() throws Exception {
        RecordedDetections recorded = recording();
        AtomicLong calls = new AtomicLong();
        PipelineObserver broken = new PipelineObserver() {
            @Override
            public void frameProcessed(FrameStats stats) {
                calls.incrementAndGet();
                throw new IllegalStateException("metrics registry is broken");
            }

            @Override
            public void eventsFlushed(String cameraId, List<io.footfall.count.CountEvent> events) {
                throw new IllegalStateException("metrics registry is broken");
            }
        };
        CameraPipeline.Summary quiet = run(recorded, PipelineObserver.NONE, tmp.resolve("quiet"));
        CameraPipeline.Summary loud = run(recorded, broken, tmp.resolve("loud"));

        assertThat(calls.get()).as("told of every frame, failing each time").isEqualTo(recorded.frames().size());
        assertThat(loud.frames()).isEqualTo(quiet.frames()).isEqualTo(1394);
        assertThat(loud.lines()).isEqualTo(quiet.lines());
        assertThat(quiet.lines().get("door").in()).as("the recording's crossings").isPositive();
        for (String file : List.of(JsonLinesSink.EVENTS, JsonLinesSink.AGGREGATES)) {
            assertThat(Files.readAllLines(tmp.resolve("loud").resolve(file))).as(file)
                    .isNotEmpty()
                    .containsExactlyElementsOf(Files.readAllLines(tmp.resolve("quiet").resolve(file)));
        }
    }

    private static CameraPipeline.Summary run(RecordedDetections recorded, PipelineObserver observer, Path dir) throws Exception {
        CameraConfig cam = new CameraConfig("camera1", "recorded", Optional.of(START),
                List.of(CountLine.parse("door", "0.8,0,0.8,1")), List.of());
        FootfallConfig cfg = FootfallConfig.builder().deviceId("store-1")
                .detector(DetectorSettings.defaults("person-detection-retail-0013", BackendKind.OPENVINO))
                .clips(new ClipPolicy(ClipPolicy.Mode.OFF, Duration.ofSeconds(3), Duration.ofSeconds(3)))
                .cameras(List.of(cam)).build();
        CameraPipeline pipeline = new CameraPipeline(CameraPipeline.Settings.of(cfg, cam), dir.resolve("clips"), Optional.empty(),
                AppearanceOpener.unavailable(), null, observer);
        try (var frames = recorded.replayFrames();
             var detector = recorded.replay(0f);
             JsonLinesSink sink = new JsonLinesSink(dir)) {
            return pipeline.run(frames, detector, sink, START, JobProgress.NONE);
        }
    }

    /** The one-by-one clip's detections as recorded for RunOutputsUnchangedTest (baseline/README.md). */
    private RecordedDetections recording() throws Exception {
        Path file = tmp.resolve("one-by-one.detections.jsonl.gz");
        try (InputStream in = getClass().getResourceAsStream("/baseline/one-by-one/detections.jsonl.gz")) {
            assertThat(in).isNotNull();
            Files.copy(in, file);
        }
        List<FrameDetections> frames = DetectionsLine.read(file).stream()
                .map(l -> new FrameDetections(l.frame(), l.ptsMillis(), 768, 432, l.toDetections())).toList();
        return new RecordedDetections(new SourceInfo("one-by-one (recorded)", 768, 432, 10, frames.size(), false), 0f,
                "recorded retail-0013", frames);
    }
}

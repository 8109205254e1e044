package io.footfall.job;

import io.footfall.FootfallPaths;
import io.footfall.config.ClipPolicy;
import io.footfall.detect.BackendKind;
import io.footfall.detect.DetectorSettings;
import io.footfall.testing.SharedData;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code footfall bench run} on real video with the real model: every camera analyses exactly its frames, every stage
 * is measured, and the bench leaves no working folder behind. Holds what the bench reports, never how fast.
 */
class PipelineBenchTest {

    @Test
    void twoCamerasOnTheSharedModelEachAnalyseTheirFramesAndEveryStageIsMeasured() throws Exception {
        Path clip = SharedData.require(SharedData.VTEST);
        List<Path> before = benchFolders();
        var plan = new PipelineBench.Plan(clip.toString(), 2, 40, ClipPolicy.Mode.EVENTS,
                DetectorSettings.defaults("person-detection-retail-0013", BackendKind.OPENVINO), Optional.empty());
        List<String> said = new ArrayList<>();
        List<PipelineBench.Result> runs = new PipelineBench(FootfallPaths.detect()).run(plan, 2, 10, said::add);

        assertThat(runs).hasSize(2).allSatisfy(r -> {
            assertThat(r.streams()).isEqualTo(2);
            assertThat(r.frames()).as("40 frames each of 2 cameras").isEqualTo(80);
            assertThat(r.inFlight()).isEqualTo(DetectorSettings.DEFAULT_IN_FLIGHT);
            assertThat(r.clips()).isEqualTo("events");
            assertThat(r.slowestCameraFps()).isPositive().isLessThanOrEqualTo(r.fastestCameraFps());
            assertThat(r.cpuSecondsPerFrame()).isPositive();
            assertThat(r.peakRssMb()).isGreaterThan(50);
            assertThat(r.stages().keySet()).containsExactlyElementsOf(PipelineBench.STAGES);
            for (String stage : List.of("decode", "infer", "track")) {
                assertThat(r.stages().get(stage).p90()).as(stage).isPositive()
                        .isGreaterThanOrEqualTo(r.stages().get(stage).p50());
            }
        });
        assertThat(PipelineBench.median(runs)).isIn(runs);
        assertThat(said).anyMatch(l -> l.startsWith("warm-up")).anyMatch(l -> l.contains("repeat 2 of 2"));
        assertThat(benchFolders()).as("its working folder is removed").isEqualTo(before);
    }

    private static List<Path> benchFolders() throws Exception {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("footfall-bench-")).sorted().toList();
        }
    }
}

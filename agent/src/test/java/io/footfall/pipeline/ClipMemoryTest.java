package io.footfall.pipeline;

import io.footfall.testing.ChildRun;
import io.footfall.testing.LocalStreamServer;
import io.footfall.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 1080p camera with event clips holds a bounded amount of memory: the clip history is kept as JPEG and the decoder
 * hands frames over in a fixed set of buffers. Before, each frame was copied into a new direct buffer
 * (twice with event clips), freed only when a garbage collection happened to run, and the process grew by
 * gigabytes on a long run.
 */
class ClipMemoryTest {
    /**
     * What the run may hold, resident: the JVM and its heap, the OpenVINO runtime and model, FFmpeg's decoder and
     * encoder, and the pixels: 6 s of clip history at 10 frames/s as JPEG (about 20 MB; 373 MB as raw 1080p frames,
     * when this peaked at 802 MB), the handoff buffers (frames in flight included, 62 MB), the live view's and
     * annotator's frames. Measured 2026-12-03 on the whole clip, 498 MB: see docs/benchmarks.md.
     */
    private static final long BOUND_BYTES = 800L << 20;
    /** Growth allowed between the first and the last third of the run, once the ring is full. */
    private static final long DRIFT_BYTES = 96L << 20;

    @TempDir
    Path tmp;

    @Test
    void a1080pCameraWithEventClipsStaysUnderItsBound() throws Exception {
        LocalStreamServer.requireFfmpeg();
        Path clip = upscaled(SharedData.require(SharedData.ONE_BY_ONE), tmp.resolve("one-by-one-1080p.mp4"));
        Path data = tmp.resolve("data");
        List<Long> rss = new ArrayList<>();
        try (ChildRun child = ChildRun.start(tmp.resolve("child.log"), "run", "--source", clip.toString(),
                "--line", "0.8,0,0.8,1:door", "--clips", "events", "--device", "store-1", "--data-dir", data.toString())) {
            while (child.isAlive()) {
                long r = child.residentBytes();
                if (r > 0) {
                    rss.add(r);
                }
                Thread.sleep(250);
            }
            assertThat(child.awaitExit(30)).as("exit; output:\n" + child.output()).isZero();
            assertThat(child.output()).containsPattern("camera camera1: 60[01] frames");
        }
        try (var clips = Files.list(data.resolve("clips"))) {
            assertThat(clips.filter(p -> p.toString().endsWith(".mp4")).count()).as("event clips written").isPositive();
        }
        long max = rss.stream().mapToLong(Long::longValue).max().orElseThrow();
        int third = rss.size() / 3;
        long early = rss.subList(0, 2 * third).stream().mapToLong(Long::longValue).max().orElseThrow();
        long late = rss.subList(2 * third, rss.size()).stream().mapToLong(Long::longValue).max().orElseThrow();
        System.out.printf("clip memory: %d samples, max RSS %d MB, first two thirds %d MB, last third %d MB%n", rss.size(),
                max >> 20, early >> 20, late >> 20);
        assertThat(max).as("max RSS, MB " + (max >> 20)).isLessThan(BOUND_BYTES);
        assertThat(late).as("RSS of the last third vs before, MB").isLessThan(early + DRIFT_BYTES);
    }

    /**
     * The clip's first minute scaled to 1920x1080 (H.264, fast preset): a 1080p camera's frames. A minute is ten
     * times the clip history, so the ring is full and reused for most of the run.
     */
    private static Path upscaled(Path clip, Path out) throws Exception {
        Process p = new ProcessBuilder("ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-i", clip.toString(),
                "-t", "60", "-vf", "scale=1920:1080", "-c:v", "libx264", "-preset", "ultrafast", "-crf", "30", "-an", out.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS) && p.exitValue() == 0).as("ffmpeg scale: " + log).isTrue();
        return out;
    }
}

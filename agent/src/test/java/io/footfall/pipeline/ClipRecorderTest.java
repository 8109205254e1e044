package io.footfall.pipeline;

import io.footfall.config.ClipPolicy;
import io.footfall.count.CountEvent;
import io.footfall.count.Direction;
import io.footfall.count.LineCrossing;
import io.footfall.testing.TinyTmpfs;
import io.footfall.track.TrackId;
import io.footfall.video.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Event clips around crossings, on synthetic 10 frames/s video: crossings are reported a cancel window (2 s) after
 * they happen, as the counter does, and each clip runs from 3 s before its first crossing to 3 s after its last.
 */
class ClipRecorderTest {
    private static final Instant START = Instant.parse("2026-12-03T09:00:00Z");
    private static final long FRAME_MILLIS = 100;
    private static final long CANCEL_WINDOW_MILLIS = 2_000;

    @TempDir
    Path folder;

    @Test
    void crossingsFarApartGetAClipEach() throws Exception {
        assertSpans(record(20_000, 5_000, 14_000), "2000-8000", "11000-17000");
    }

    @Test
    void aCrossingWhoseSecondsBeforeReachIntoTheLastClipCarriesItOnAndNoFrameIsEncodedTwice() throws Exception {
        // The first clip ends at 8 s; the second crossing's clip would start at 6 s.
        assertSpans(record(20_000, 5_000, 9_000), "2000-12000");
    }

    @Test
    void aCrossingJustAfterTheLastClipStartsTheNextWithoutOverlap() throws Exception {
        // The first clip ends at 8 s; the second crossing's clip starts at 9 s, reported while the first is held open.
        assertSpans(record(20_000, 5_000, 12_000), "2000-8000", "9000-15000");
    }

    @Test
    void aBusyDoorGivesOneMinuteClipsEndToEndNotOneEndlessFile() throws Exception {
        long[] crossings = new long[70];
        for (int i = 0; i < crossings.length; i++) {
            crossings[i] = 5_000 + 2_000L * i; // someone every 2 s for 140 s
        }
        List<ClipRef> clips = record(160_000, crossings);
        assertThat(clips).hasSize(3);
        assertThat(millis(clips.get(0).start())).isEqualTo(2_000);
        assertThat(millis(clips.get(2).end())).isEqualTo(crossings[crossings.length - 1] + 3_000);
        for (int i = 0; i < clips.size(); i++) {
            ClipRef c = clips.get(i);
            everyFrameOnce(c);
            assertThat(millis(c.end()) - millis(c.start())).isLessThanOrEqualTo(ClipRecorder.MAX_EVENT_CLIP_MILLIS);
            if (i > 0) {
                assertThat(millis(c.start())).as("clip %d follows on", i).isEqualTo(millis(clips.get(i - 1).end()) + FRAME_MILLIS);
            }
        }
        assertThat(clips.stream().mapToLong(ClipRef::frames).sum()).as("each frame of 2 s to 140 s once")
                .isEqualTo((crossings[crossings.length - 1] + 3_000 - 2_000) / FRAME_MILLIS + 1);
    }

    @Test
    void aFullDiskLosesOnlyTheClipThatCouldNotStartThenRecordingResumesAfterItsPause() throws Exception {
        // The first clip is done at 8 s; the second would start at 11 s on a full disk.
        assertSpans(recordOnTinyDisk(11_000), "2000-8000", "85000-91000");
    }

    @Test
    void aDiskFillingUpMidClipLosesThatClipNotTheOnesAfterThePause() throws Exception {
        assertSpans(recordOnTinyDisk(6_000), "85000-91000");
    }

    /**
     * Crossings at 5 s, 14 s and 88 s on a 2 MB disk that is filled at {@code fillAt} and given room again at 75 s
     * (a failed clip pauses recording for a minute). One failure, and no partial file left behind.
     */
    private List<ClipRef> recordOnTinyDisk(long fillAt) throws Exception {
        try (TinyTmpfs disk = TinyTmpfs.mount("2m")) {
            Path clipsDir = disk.path().resolve("clips");
            List<ClipRef> clips = new ArrayList<>();
            Set<Long> reportAt = Set.of(7_000L, 16_000L, 90_000L);
            try (ClipRecorder recorder = new ClipRecorder(policy(), clipsDir, "dev", "cam", START, 1000.0 / FRAME_MILLIS,
                    Duration.ofMillis(CANCEL_WINDOW_MILLIS))) {
                for (long pts = 0, i = 0; pts <= 100_000; pts += FRAME_MILLIS, i++) {
                    if (pts == fillAt) {
                        disk.fill("ballast");
                    }
                    if (pts == 75_000) {
                        Files.delete(disk.path().resolve("ballast"));
                    }
                    recorder.accept(noise(i, pts), reportAt.contains(pts) ? List.of(crossing(i, pts)) : List.of());
                    clips.addAll(recorder.drainFinished());
                }
                recorder.close();
                clips.addAll(recorder.drainFinished());
                assertThat(recorder.failures()).isEqualTo(1);
            }
            try (var files = Files.list(clipsDir)) {
                assertThat(files.map(f -> f.getFileName().toString()).sorted()).as("only the clips registered")
                        .containsExactlyElementsOf(clips.stream().map(c -> c.file().getFileName().toString()).sorted().toList());
            }
            return clips;
        }
    }

    /** Plays {@code lengthMillis} of video, reporting each crossing a cancel window after its time; the clips made. */
    private List<ClipRef> record(long lengthMillis, long... crossingMillis) throws Exception {
        List<ClipRef> clips = new ArrayList<>();
        Set<Long> reportAt = new TreeSet<>();
        for (long c : crossingMillis) {
            reportAt.add(c + CANCEL_WINDOW_MILLIS);
        }
        try (ClipRecorder recorder = new ClipRecorder(policy(), folder, "dev", "cam", START, 1000.0 / FRAME_MILLIS,
                Duration.ofMillis(CANCEL_WINDOW_MILLIS))) {
            for (long pts = 0, i = 0; pts <= lengthMillis; pts += FRAME_MILLIS, i++) {
                recorder.accept(frame(i, pts), reportAt.contains(pts) ? List.of(crossing(i, pts)) : List.of());
                clips.addAll(recorder.drainFinished());
            }
            recorder.close();
            clips.addAll(recorder.drainFinished());
        }
        for (ClipRef c : clips) {
            assertThat(c.file()).exists();
            assertThat(Files.size(c.file())).isEqualTo(c.bytes()).isPositive();
        }
        return clips;
    }

    private static ClipPolicy policy() {
        return new ClipPolicy(ClipPolicy.Mode.EVENTS, Duration.ofSeconds(3), Duration.ofSeconds(3));
    }

    /** A crossing reported at frame {@code index} ({@code reportedAt}), a cancel window after it happened. */
    private static CountEvent crossing(long index, long reportedAt) {
        long at = reportedAt - CANCEL_WINDOW_MILLIS;
        return new LineCrossing("e" + index, "dev", "cam", "door", Direction.IN, new TrackId(index), at / FRAME_MILLIS, at,
                START.plusMillis(at));
    }

    /** Frames no encoder can make small, so a clip fills a tiny disk. */
    private static Frame noise(long index, long pts) {
        Frame f = frame(index, pts);
        java.util.Random random = new java.util.Random(index);
        for (int p = 0; p < f.bgr().capacity(); p++) {
            f.bgr().put(p, (byte) random.nextInt(256));
        }
        return f;
    }

    /** The clips span these milliseconds of video ({@code "first-last"}), in order, each frame once. */
    private static void assertSpans(List<ClipRef> clips, String... spans) {
        assertThat(clips).extracting(c -> millis(c.start()) + "-" + millis(c.end())).containsExactly(spans);
        assertThat(clips).allSatisfy(ClipRecorderTest::everyFrameOnce);
    }

    /** A clip holds every frame from its start to its end, once: none twice, none missing. */
    private static void everyFrameOnce(ClipRef c) {
        assertThat(c.frames()).as(c.file().getFileName().toString())
                .isEqualTo((millis(c.end()) - millis(c.start())) / FRAME_MILLIS + 1);
    }

    private static long millis(Instant t) {
        return Duration.between(START, t).toMillis();
    }

    private static Frame frame(long index, long pts) {
        int w = 160;
        int h = 120;
        ByteBuffer bgr = ByteBuffer.allocateDirect(w * h * 3);
        for (int p = 0; p < w * h * 3; p++) {
            bgr.put(p, (byte) ((p / 3 + index * 7) & 0xFF));
        }
        return new Frame(index, pts, w, h, w * 3, bgr);
    }
}

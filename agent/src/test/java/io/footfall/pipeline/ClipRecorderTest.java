package io.footfall.pipeline;

import io.footfall.config.ClipPolicy;
import io.footfall.count.CountEvent;
import io.footfall.count.Direction;
import io.footfall.count.LineCrossing;
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

    /** Plays {@code lengthMillis} of video, reporting each crossing a cancel window after its time; the clips made. */
    private List<ClipRef> record(long lengthMillis, long... crossingMillis) throws Exception {
        ClipPolicy policy = new ClipPolicy(ClipPolicy.Mode.EVENTS, Duration.ofSeconds(3), Duration.ofSeconds(3));
        List<ClipRef> clips = new ArrayList<>();
        Set<Long> reportAt = new TreeSet<>();
        for (long c : crossingMillis) {
            reportAt.add(c + CANCEL_WINDOW_MILLIS);
        }
        try (ClipRecorder recorder = new ClipRecorder(policy, folder, "dev", "cam", START, 1000.0 / FRAME_MILLIS,
                Duration.ofMillis(CANCEL_WINDOW_MILLIS))) {
            for (long pts = 0, i = 0; pts <= lengthMillis; pts += FRAME_MILLIS, i++) {
                List<CountEvent> events = new ArrayList<>();
                if (reportAt.contains(pts)) {
                    long at = pts - CANCEL_WINDOW_MILLIS;
                    events.add(new LineCrossing("e" + i, "dev", "cam", "door", Direction.IN, new TrackId(i),
                            at / FRAME_MILLIS, at, START.plusMillis(at)));
                }
                recorder.accept(frame(i, pts), events);
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

package io.footfall.track;

import static io.footfall.track.Scenes.frame;
import static io.footfall.track.Scenes.person;
import static io.footfall.track.Scenes.pts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.footfall.detect.Detection;
import io.footfall.detect.FrameDetections;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteTrackerTest {

    @Test
    void singleMovingBoxKeepsOneIdThroughNoise() {
        ByteTracker tracker = new ByteTracker();
        Random noise = new Random(7);
        for (int i = 0; i < 150; i++) {
            double x = 100 + 4 * i + noise.nextGaussian() * 2;
            double y = 200 + noise.nextGaussian() * 2;
            float score = 0.6f + noise.nextFloat() * 0.35f;
            TrackedFrame out = tracker.update(frame(i, pts(i, 30), person(x, y, score)));
            assertThat(out.objects()).as("frame %d", i).singleElement().satisfies(o -> {
                assertThat(o.id()).isEqualTo(new TrackId(1));
                assertThat(o.state()).isEqualTo(TrackState.CONFIRMED);
            });
            assertThat(out.ended()).isEmpty();
        }
    }

    @Test
    void oneFrameDropoutKeepsTheId() {
        ByteTracker tracker = new ByteTracker();
        for (int i = 0; i < 10; i++) {
            tracker.update(frame(i, pts(i, 30), person(100 + 5 * i, 200, 0.9f)));
        }
        TrackedFrame gap = tracker.update(frame(10, pts(10, 30)));
        assertThat(gap.objects()).singleElement().satisfies(o -> {
            assertThat(o.id()).isEqualTo(new TrackId(1));
            assertThat(o.state()).isEqualTo(TrackState.LOST);
            assertThat(o.box().x()).as("coasts with its velocity").isCloseTo(150, org.assertj.core.data.Offset.offset(3.0));
        });
        TrackedFrame back = tracker.update(frame(11, pts(11, 30), person(155, 200, 0.9f)));
        assertThat(back.objects()).singleElement().satisfies(o -> {
            assertThat(o.id()).isEqualTo(new TrackId(1));
            assertThat(o.state()).isEqualTo(TrackState.CONFIRMED);
        });
        assertThat(back.ended()).isEmpty();
    }

    @Test
    void twoCrossingPeopleKeepTheirIds() {
        List<TrackedFrame> out = run(new ByteTracker(), crossingScene());
        TrackedFrame last = out.get(out.size() - 1);
        assertThat(last.objects()).hasSize(2);
        // id 1 started on the left (walking right), id 2 on the right (walking left)
        TrackedObject one = last.objects().get(0);
        TrackedObject two = last.objects().get(1);
        assertThat(one.id()).isEqualTo(new TrackId(1));
        assertThat(one.box().x()).as("id 1 ends on the right").isGreaterThan(700);
        assertThat(two.id()).isEqualTo(new TrackId(2));
        assertThat(two.box().x()).as("id 2 ends on the left").isLessThan(300);
        assertThat(out).allSatisfy(f -> assertThat(f.ended()).isEmpty());
    }

    @Test
    void lowScoreDetectionsExtendTracksButNeverStartThem() {
        ByteTracker tracker = new ByteTracker();
        for (int i = 0; i < 5; i++) {
            tracker.update(frame(i, pts(i, 30), person(100 + 3 * i, 200, 0.9f)));
        }
        for (int i = 5; i < 60; i++) { // 1.8 s of occlusion-grade scores, longer than the lost timeout
            TrackedFrame out = tracker.update(frame(i, pts(i, 30),
                    person(100 + 3 * i, 200, 0.3f), person(900, 300, 0.3f)));
            assertThat(out.objects()).as("frame %d", i).singleElement().satisfies(o -> {
                assertThat(o.id()).isEqualTo(new TrackId(1));
                assertThat(o.state()).isEqualTo(TrackState.CONFIRMED);
                assertThat(o.score()).isEqualTo(0.3f);
            });
        }
        assertThat(tracker.liveTracks()).as("the lone low detection started nothing").isEqualTo(1);
    }

    @Test
    void tentativeTrackNeverConfirmedHasNoId() {
        ByteTracker tracker = new ByteTracker();
        List<TrackedFrame> out = new ArrayList<>();
        out.add(tracker.update(frame(0, 0)));
        out.add(tracker.update(frame(1, pts(1, 30), person(400, 200, 0.9f)))); // one-frame false positive
        for (int i = 2; i < 60; i++) {
            out.add(tracker.update(frame(i, pts(i, 30))));
        }
        assertThat(out).allSatisfy(f -> {
            assertThat(f.objects()).isEmpty();
            assertThat(f.ended()).isEmpty();
        });
        tracker.update(frame(60, pts(60, 30), person(100, 200, 0.9f)));
        TrackedFrame real = tracker.update(frame(61, pts(61, 30), person(102, 200, 0.9f)));
        assertThat(real.objects()).singleElement()
                .satisfies(o -> assertThat(o.id()).as("the false positive used no id").isEqualTo(new TrackId(1)));
    }

    @Test
    void confirmsOnTheFirstFrameAtOnceAndLaterAfterMinHits() {
        ByteTracker tracker = new ByteTracker(TrackerConfig.defaults().withMinHits(3), new TrackIdSequence(40));
        assertThat(tracker.update(frame(0, 0, person(100, 200, 0.9f))).objects())
                .extracting(TrackedObject::id).containsExactly(new TrackId(40));
        List<List<TrackId>> ids = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            ids.add(tracker.update(frame(i, pts(i, 30), person(100, 200, 0.9f), person(700, 200, 0.9f)))
                    .objects().stream().map(TrackedObject::id).toList());
        }
        assertThat(ids).containsExactly(
                List.of(new TrackId(40)),
                List.of(new TrackId(40)),
                List.of(new TrackId(40), new TrackId(41)));
    }

    @Test
    void tentativeMaxAgeToleratesShortGapsBeforeConfirmation() {
        TrackerConfig config = TrackerConfig.defaults().withMinHits(3).withTentativeMaxAge(Duration.ofMillis(100));
        ByteTracker tracker = new ByteTracker(config, new TrackIdSequence());
        tracker.update(frame(0, 0));
        tracker.update(frame(1, pts(1, 30), person(100, 200, 0.9f)));
        tracker.update(frame(2, pts(2, 30))); // missed once, 33 ms < 100 ms
        tracker.update(frame(3, pts(3, 30), person(100, 200, 0.9f)));
        TrackedFrame out = tracker.update(frame(4, pts(4, 30), person(100, 200, 0.9f)));
        assertThat(out.objects()).extracting(TrackedObject::id).containsExactly(new TrackId(1));
    }

    @Test
    void lifecycleIsTheSameInSecondsAt5And30Fps() {
        for (int fps : new int[] {5, 30}) {
            ByteTracker tracker = new ByteTracker();
            tracker.update(frame(0, 0));
            long confirmedAt = -1;
            long endedAt = -1;
            long lastSeen = -1;
            List<Long> seen = new ArrayList<>();
            for (int i = 1; i < fps * 6; i++) {
                long t = pts(i, fps);
                boolean visible = t >= 1000 && t < 3000; // a person in view from 1 s to 3 s
                FrameDetections in = visible ? frame(i, t, person(300 + 60.0 * t / 1000, 200, 0.9f)) : frame(i, t);
                TrackedFrame out = tracker.update(in);
                if (visible) {
                    lastSeen = t;
                    seen.add(t);
                }
                if (confirmedAt < 0 && !out.objects().isEmpty()) {
                    confirmedAt = t;
                }
                if (!out.ended().isEmpty()) {
                    assertThat(out.ended()).containsExactly(new TrackId(1));
                    assertThat(endedAt).as("ended once").isEqualTo(-1);
                    endedAt = t;
                }
            }
            long frameMillis = (1000 + fps - 1) / fps; // pts are whole milliseconds
            assertThat(confirmedAt).as("%d fps: confirmed on the second hit", fps).isEqualTo(seen.get(1));
            assertThat(endedAt).as("%d fps: removed 1.5 s after last seen", fps)
                    .isGreaterThan(lastSeen + 1500).isLessThanOrEqualTo(lastSeen + 1500 + frameMillis);
            assertThat(tracker.liveTracks()).as("%d fps: removed tracks are dropped", fps).isZero();
        }
    }

    @Test
    void sameInputGivesSameOutput() {
        assertThat(run(new ByteTracker(), crossingScene())).isEqualTo(run(new ByteTracker(), crossingScene()));
    }

    @Test
    void rejectsTimeGoingBackwards() {
        ByteTracker tracker = new ByteTracker();
        tracker.update(frame(0, 1000));
        assertThatThrownBy(() -> tracker.update(frame(1, 900)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("backwards");
    }

    @Test
    void ignoresDegenerateBoxes() {
        ByteTracker tracker = new ByteTracker();
        TrackedFrame out = tracker.update(frame(0, 0, new Detection(new io.footfall.geometry.Box(10, 10, 0, 50), 0.9f, "person")));
        assertThat(out.objects()).isEmpty();
        assertThat(tracker.liveTracks()).isZero();
    }

    /**
     * Two people walking towards each other at 12 px/frame, crossing mid-frame; while they overlap the
     * detector only sees the one in front, so the other must coast on its velocity.
     */
    static List<FrameDetections> crossingScene() {
        Random noise = new Random(11);
        List<FrameDetections> frames = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            double ax = 100 + 12 * i + noise.nextGaussian();
            double bx = 940 - 12 * i + noise.nextGaussian();
            List<Detection> dets = new ArrayList<>();
            dets.add(person(ax, 200 + noise.nextGaussian(), 0.85f));
            boolean occluded = Math.abs(ax - bx) < 30;
            if (!occluded) {
                dets.add(person(bx, 215 + noise.nextGaussian(), 0.8f));
            }
            frames.add(frame(i, pts(i, 30), dets.toArray(Detection[]::new)));
        }
        return frames;
    }

    static List<TrackedFrame> run(ByteTracker tracker, List<FrameDetections> frames) {
        return frames.stream().map(tracker::update).toList();
    }
}

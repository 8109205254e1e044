package io.footfall.track;

import io.footfall.detect.Detection;
import io.footfall.detect.FrameDetections;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.footfall.track.Scenes.frame;
import static io.footfall.track.Scenes.person;
import static io.footfall.track.Scenes.pts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tracker with appearance samples (BoT-SORT-style), fed synthetic embeddings so the rules are seen exactly. */
class AppearanceTrackingTest {
    private static final TrackerConfig ON = TrackerConfig.defaults().withAppearance(AppearanceConfig.with("test-reid"));
    /** Two people who look alike to no model: orthogonal directions. */
    private static final Embedding RED = look(1, 0, 0);
    private static final Embedding BLUE = look(0, 1, 0);
    /** RED seen again, half cosine distance 0.044 (a new pose, other light). */
    private static final Embedding RED_AGAIN = look(1, 0.45, 0);

    private static Embedding look(double... v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return Embedding.of(f);
    }

    /** One person walking right 10 px a frame for {@code frames} frames from {@code x0}, sampled every frame. */
    private static List<TrackedFrame> walk(ByteTracker tracker, int first, int frames, double x0, Embedding look) {
        List<TrackedFrame> out = new ArrayList<>();
        for (int i = first; i < first + frames; i++) {
            FrameDetections f = frame(i, pts(i, 10), person(x0 + 10 * (i - first), 200, 0.9f));
            out.add(tracker.update(f, sampled(tracker, f, look)));
        }
        return out;
    }

    /** What the pipeline does: a sample only where the tracker asks for one. */
    private static List<Embedding> sampled(ByteTracker tracker, FrameDetections f, Embedding look) {
        boolean[] want = tracker.appearanceWanted(f);
        Embedding[] e = new Embedding[want.length];
        for (int i = 0; i < want.length; i++) {
            e[i] = want[i] ? look : null;
        }
        return Arrays.asList(e);
    }

    /** Frame {@code index} at 10 frames/s with these people, each sampled (where asked) as {@code look}. */
    private static TrackedFrame step(ByteTracker tracker, int index, Embedding look, Detection... people) {
        FrameDetections f = frame(index, pts(index, 10), people);
        return tracker.update(f, sampled(tracker, f, look));
    }

    private static TrackId onlyId(TrackedFrame f) {
        assertThat(f.confirmed()).hasSize(1);
        return f.confirmed().get(0).id();
    }

    @Test
    void aPersonWhoJumpsFartherThanTheMotionModelBridgesKeepsTheirIdWhenTheyLookTheSame() {
        ByteTracker tracker = new ByteTracker(ON, new TrackIdSequence());
        TrackId id = onlyId(walk(tracker, 0, 10, 100, RED).get(9));
        // Half a body width to the right and 3 frames later (a door frame hid them): no overlap with the prediction.
        List<TrackedFrame> after = walk(tracker, 13, 5, 320, RED_AGAIN);
        // Seen once, a look-alike is not yet the person (as a new track is not yet one); seen twice, it is.
        assertThat(after.get(0).objects()).isEmpty();
        assertThat(after.subList(1, 5)).allSatisfy(f -> assertThat(onlyId(f)).isEqualTo(id));
    }

    @Test
    void aLookAlikeSeenForOneFrameIsNeverReportedAsTheLostPersonAndTheirEndStands() {
        ByteTracker tracker = new ByteTracker(ON, new TrackIdSequence());
        TrackId id = onlyId(walk(tracker, 0, 10, 100, RED).get(9));
        List<TrackId> ended = new ArrayList<>();
        // Lost past the motion timeout (1.5 s): the end is reported, the track kept for appearance.
        for (int i = 10; i < 30; i++) {
            ended.addAll(step(tracker, i, RED).ended());
        }
        assertThat(ended).containsExactly(id);
        // One frame of a look-alike within reach, then nothing until the appearance window closes (5 s).
        TrackedFrame once = step(tracker, 30, RED_AGAIN, person(190, 200, 0.9f));
        assertThat(once.objects()).isEmpty();
        ended.addAll(once.ended());
        for (int i = 31; i < 90; i++) {
            TrackedFrame f = step(tracker, i, RED);
            assertThat(f.objects()).isEmpty();
            ended.addAll(f.ended());
        }
        assertThat(ended).as("ended once, never shown again in between").containsExactly(id);
        assertThat(tracker.drainEnded()).as("its appearance handed to the visitor count once").hasSize(1);
        assertThat(tracker.drainAll()).isEmpty();
    }

    @Test
    void withMinHitsOneARecoveredPersonIsReportedAtOnceAsANewTrackWouldBe() {
        ByteTracker tracker = new ByteTracker(ON.withMinHits(1), new TrackIdSequence());
        TrackId id = onlyId(walk(tracker, 0, 10, 100, RED).get(9));
        assertThat(onlyId(walk(tracker, 13, 1, 320, RED_AGAIN).get(0))).isEqualTo(id);
    }

    @Test
    void someoneElseAtThatPlaceIsANewPerson() {
        ByteTracker tracker = new ByteTracker(ON, new TrackIdSequence());
        TrackId id = onlyId(walk(tracker, 0, 10, 100, RED).get(9));
        TrackId other = onlyId(walk(tracker, 13, 5, 320, BLUE).get(4));
        assertThat(other).isNotEqualTo(id);
    }

    @Test
    void withoutAppearanceTheSameJumpStartsANewTrack() {
        ByteTracker tracker = new ByteTracker(TrackerConfig.defaults(), new TrackIdSequence());
        TrackId id = onlyId(walk(tracker, 0, 10, 100, RED).get(9));
        assertThat(onlyId(walk(tracker, 13, 5, 320, RED).get(4))).isNotEqualTo(id);
    }

    @Test
    void aCropOfTwoPeopleDoesNotRecoverALostPerson() {
        ByteTracker tracker = new ByteTracker(ON, new TrackIdSequence());
        TrackId red = onlyId(walk(tracker, 0, 10, 100, RED).get(9));
        // Back 3 frames later, but half hidden by someone beside them: each crop shows both people, so it looks like
        // RED and proves nothing (TUD-Campus: such a head-and-shoulders box took a lost id and crossed the line).
        assertThat(step(tracker, 13, RED_AGAIN, person(320, 200, 0.9f), person(340, 200, 0.9f)).confirmed())
                .noneSatisfy(o -> assertThat(o.id()).isEqualTo(red));
        // The same person alone in the next frames is RED again (reported from the second frame, as a new track).
        step(tracker, 14, RED_AGAIN, person(330, 200, 0.9f));
        assertThat(step(tracker, 15, RED_AGAIN, person(340, 200, 0.9f)).confirmed())
                .anySatisfy(o -> assertThat(o.id()).isEqualTo(red));
    }

    @Test
    void aLookAlikeOutOfReachIsNotTheLostPerson() {
        ByteTracker tracker = new ByteTracker(ON, new TrackIdSequence());
        TrackId id = onlyId(walk(tracker, 0, 10, 100, RED).get(9));
        // 0.3 s later on the far side of the frame: nobody walks 1000 px in 0.3 s.
        assertThat(onlyId(walk(tracker, 13, 5, 1150, RED).get(4))).isNotEqualTo(id);
    }

    @Test
    void aPersonLostLongerThanTheMotionTimeoutIsRecoveredWithinTheAppearanceWindowOnly() {
        ByteTracker tracker = new ByteTracker(ON, new TrackIdSequence());
        TrackId id = onlyId(walk(tracker, 0, 10, 100, RED).get(9));
        // Hidden 3 s (motion timeout 1.5 s, appearance window 5 s), back where they were: the same person.
        assertThat(onlyId(walk(tracker, 40, 3, 190, RED_AGAIN).get(2))).isEqualTo(id);

        ByteTracker late = new ByteTracker(ON, new TrackIdSequence());
        TrackId first = onlyId(walk(late, 0, 10, 100, RED).get(9));
        // Hidden 6 s: the window has closed, a new track.
        assertThat(onlyId(walk(late, 70, 3, 190, RED_AGAIN).get(2))).isNotEqualTo(first);
    }

    @Test
    void theModelRunsOnFewBoxesAFrameNotOnEveryBox() {
        ByteTracker tracker = new ByteTracker(ON, new TrackIdSequence());
        int sampled = 0;
        for (int i = 0; i < 50; i++) {
            FrameDetections f = frame(i, pts(i, 10), person(100 + 5 * i, 200, 0.9f), person(900 - 5 * i, 300, 0.9f));
            boolean[] want = tracker.appearanceWanted(f);
            for (boolean w : want) {
                sampled += w ? 1 : 0;
            }
            tracker.update(f, sampled(tracker, f, RED));
        }
        // New people, then one sample each per refresh (0.5 s = 5 frames): about 2 x 50 / 5, not 100.
        assertThat(sampled).isBetween(10, 30);
    }

    @Test
    void appearanceOffAsksForNothingAndSamplesThatDoNotLineUpAreRefused() {
        ByteTracker off = new ByteTracker();
        FrameDetections f = frame(0, 0, person(100, 100, 0.9f));
        assertThat(off.appearanceWanted(f)).containsExactly(false);
        assertThatThrownBy(() -> off.update(f, List.of(RED, BLUE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 appearance samples for 1 detections");
    }

    @Test
    void embeddingsCompareByHalfCosineDistanceAndNeverPrintTheirValues() {
        assertThat(RED.distance(RED)).isZero();
        assertThat(RED.distance(BLUE)).isEqualTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(RED.distance(look(-1, 0, 0))).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(RED.distance(RED_AGAIN)).isBetween(0.04, 0.06);
        assertThat(RED.toString()).isEqualTo("Embedding[3 dims]");
        assertThatThrownBy(() -> Embedding.of(new float[]{0, 0})).hasMessageContaining("non-zero finite");
        assertThatThrownBy(() -> RED.distance(look(1, 0))).hasMessageContaining("3 and 2 dimensions");
    }

    @Test
    void aLookAlikeDetectionBesideAFollowedPersonDoesNotStealTheTrack() {
        ByteTracker tracker = new ByteTracker(ON, new TrackIdSequence());
        TrackId red = onlyId(walk(tracker, 0, 10, 100, RED).get(9));
        // Next frame: RED continues (overlap) and a second person dressed alike appears 400 px away.
        FrameDetections f = frame(10, pts(10, 10), person(200, 200, 0.9f), person(600, 200, 0.9f));
        TrackedFrame out = tracker.update(f, sampled(tracker, f, RED));
        Detection near = f.detections().get(0);
        assertThat(out.objects()).anySatisfy(o -> {
            assertThat(o.id()).isEqualTo(red);
            assertThat(o.box().x()).isCloseTo(near.box().x(), org.assertj.core.data.Offset.offset(15.0));
        });
    }
}

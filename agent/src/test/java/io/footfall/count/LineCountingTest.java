package io.footfall.count;

import static io.footfall.count.Scene.count;
import static io.footfall.count.Scene.frames;
import static io.footfall.count.Scene.lineAnalytics;
import static io.footfall.count.Scene.only;
import static io.footfall.count.Scene.px;
import static io.footfall.count.Scene.run;
import static io.footfall.count.Scene.walk;
import static org.assertj.core.api.Assertions.assertThat;

import io.footfall.count.Scene.Walker;
import io.footfall.geometry.Box;
import io.footfall.detect.Detection;
import io.footfall.detect.FrameDetections;
import io.footfall.track.ByteTracker;
import io.footfall.track.TrackIdSequence;
import io.footfall.track.TrackState;
import io.footfall.track.TrackerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineCountingTest {
    /** Vertical line at x = 500 px, top to bottom: its normal points right, so left→right is IN. */
    private static final CountLine MIDDLE = CountLine.parse("door", "0.5,0,0.5,1");

    @Test
    void leftToRightIsInForAVerticalLineAt0_8() {
        CountLine line = CountLine.parse("door", "0.8,0,0.8,1");
        List<CountEvent> rightwards = run(lineAnalytics(line), frames(30, 4, walk(1, 0, 3, px(600, 500), px(950, 500))));
        List<CountEvent> leftwards = run(lineAnalytics(line), frames(30, 4, walk(1, 0, 3, px(950, 500), px(600, 500))));
        assertThat(only(rightwards, LineCrossing.class)).singleElement()
                .satisfies(c -> assertThat(c.direction()).isEqualTo(Direction.IN));
        assertThat(only(leftwards, LineCrossing.class)).singleElement()
                .satisfies(c -> assertThat(c.direction()).isEqualTo(Direction.OUT));
    }

    @Test
    void flickerAtTheLineNeverCounts() {
        // ±2 px for 20 s, then ±9 px (still inside the 10 px band) for 20 s
        Walker jitter = new Walker(1, 0, 40, t -> px(500 + (t < 20 ? 2 : 9) * (Math.round(t * 30) % 2 == 0 ? 1 : -1), 500));
        CameraAnalytics analytics = lineAnalytics(MIDDLE);
        List<CountEvent> events = run(analytics, frames(30, 40, jitter));
        assertThat(only(events, LineCrossing.class)).isEmpty();
        assertThat(only(events, CrossingCancelled.class)).isEmpty();
        assertThat(analytics.lineTallies().get("door")).isEqualTo(new LineTally(0, 0));
    }

    @Test
    void walkingAlongTheLineNeverCounts() {
        Walker along = new Walker(1, 0, 10, t -> px(500 + 3 * Math.sin(t * 7), 50 + 90 * t));
        assertThat(only(run(lineAnalytics(MIDDLE), frames(30, 11, along)), LineCrossing.class)).isEmpty();
    }

    @Test
    void crossingOutsideTheSegmentsEndsNeverCounts() {
        CountLine shortLine = CountLine.parse("door", "0.5,0.2,0.5,0.6"); // y from 200 to 600 px
        List<CountEvent> below = run(lineAnalytics(shortLine), frames(30, 4, walk(1, 0, 3, px(300, 800), px(700, 800))));
        List<CountEvent> above = run(lineAnalytics(shortLine), frames(30, 4, walk(1, 0, 3, px(300, 100), px(700, 150))));
        List<CountEvent> through = run(lineAnalytics(shortLine), frames(30, 4, walk(1, 0, 3, px(300, 400), px(700, 400))));
        assertThat(only(below, LineCrossing.class)).isEmpty();
        assertThat(only(above, LineCrossing.class)).isEmpty();
        assertThat(only(through, LineCrossing.class)).hasSize(1);
    }

    @Test
    void crossingBackWithinTheCancelWindowNetsZero() {
        // in at ~1 s, back out at ~2 s: within the 2 s window
        Walker uTurn = new Walker(1, 0, 4, t -> px(t < 1.5 ? 300 + 300 * t : 750 - 300 * (t - 1.5), 500));
        CameraAnalytics analytics = lineAnalytics(MIDDLE);
        List<CountEvent> events = run(analytics, frames(30, 6, uTurn));
        assertThat(only(events, LineCrossing.class)).isEmpty();
        assertThat(only(events, CrossingCancelled.class)).singleElement().satisfies(c -> {
            assertThat(c.direction()).isEqualTo(Direction.IN);
            assertThat(c.crossedPtsMillis()).isLessThan(c.ptsMillis());
        });
        assertThat(only(events, IntervalAggregate.class)).singleElement().satisfies(a ->
                assertThat(a.lines()).containsExactly(new IntervalAggregate.LineTotals("door", 0, 0)));
        assertThat(analytics.lineTallies().get("door")).isEqualTo(new LineTally(0, 0));
    }

    @Test
    void crossingBackAfterTheCancelWindowCountsBoth() {
        Walker inThenOut = new Walker(1, 0, 8, t -> px(t < 2 ? 300 + 200 * t : t < 5 ? 700 : 700 - 200 * (t - 5), 500));
        List<CountEvent> events = run(lineAnalytics(MIDDLE), frames(30, 9, inThenOut));
        assertThat(only(events, LineCrossing.class)).extracting(LineCrossing::direction)
                .containsExactly(Direction.IN, Direction.OUT);
        assertThat(only(events, CrossingCancelled.class)).isEmpty();
        assertThat(only(events, IntervalAggregate.class)).singleElement().satisfies(a ->
                assertThat(a.lines()).containsExactly(new IntervalAggregate.LineTotals("door", 1, 1)));
    }

    @Test
    void aCrossingIsEmittedOnlyAfterItsCancelWindowButDatedWhenItHappened() {
        CameraAnalytics analytics = lineAnalytics(MIDDLE);
        List<CountEvent> events = new ArrayList<>();
        long emittedAt = -1;
        for (var f : frames(30, 7, walk(1, 0, 8, px(300, 500), px(700, 500)))) {
            List<CountEvent> now = analytics.accept(f);
            if (!only(now, LineCrossing.class).isEmpty()) {
                emittedAt = f.ptsMillis();
            }
            events.addAll(now);
        }
        LineCrossing c = only(events, LineCrossing.class).get(0);
        assertThat(c.ptsMillis()).isBetween(4000L, 4040L); // reaches x = 500 at t = 4 s
        assertThat(emittedAt).isGreaterThan(c.ptsMillis() + 2000).isLessThan(c.ptsMillis() + 2100);
        assertThat(c.at()).isEqualTo(Scene.NOON.plusMillis(c.ptsMillis()));
    }

    @Test
    void zeroCancelWindowEmitsAtOnceAndNeverCancels() {
        CameraAnalytics analytics = Scene.analytics(AnalyticsConfig.defaults().withCancelWindow(Duration.ZERO),
                List.of(MIDDLE), List.of());
        Walker uTurn = new Walker(1, 0, 4, t -> px(t < 1.5 ? 300 + 300 * t : 750 - 300 * (t - 1.5), 500));
        List<CountEvent> events = run(analytics, frames(30, 6, uTurn));
        assertThat(only(events, LineCrossing.class)).extracting(LineCrossing::direction)
                .containsExactly(Direction.IN, Direction.OUT);
    }

    @Test
    void sameCountsAt5And30Fps() {
        Walker[] people = {
            walk(1, 0, 6, px(100, 300), px(900, 350)),
            walk(2, 1, 5, px(850, 600), px(200, 650)),
            walk(3, 2, 9, px(495, 100), px(505, 900)),                 // along the line, inside the band
            new Walker(4, 3, 12, t -> px(t < 6 ? 200 + 100 * (t - 3) : 500 + 6 * Math.sin(t * 10), 450)), // loiters on it
            walk(5, 10, 14, px(200, 800), px(800, 200)),
        };
        for (int fps : new int[] {5, 30}) {
            List<CountEvent> events = run(lineAnalytics(MIDDLE), frames(fps, 16, people));
            assertThat(count(events, Direction.IN)).as("%d fps in", fps).isEqualTo(2);
            assertThat(count(events, Direction.OUT)).as("%d fps out", fps).isEqualTo(1);
            assertThat(only(events, LineCrossing.class)).extracting(c -> c.trackId().value())
                    .as("%d fps", fps).containsExactlyInAnyOrder(1L, 2L, 5L);
        }
    }

    @Test
    void lostTracksNeverCount() {
        Walker coasting = new Walker(1, 0, 3, t -> px(300 + 150 * t, 500), TrackState.LOST);
        assertThat(only(run(lineAnalytics(MIDDLE), frames(30, 4, coasting)), LineCrossing.class)).isEmpty();
    }

    @Test
    void aTrackTheTrackerNeverConfirmsNeverCounts() {
        // minHits far beyond the walk: the tracker keeps the person tentative, so no id ever reaches the counter
        ByteTracker tracker = new ByteTracker(TrackerConfig.defaults().withMinHits(1000), new TrackIdSequence());
        CameraAnalytics analytics = lineAnalytics(MIDDLE);
        List<CountEvent> events = new ArrayList<>();
        events.addAll(analytics.accept(tracker.update(new FrameDetections(0, 0, 1000, 1000, List.of()))));
        for (int i = 1; i < 90; i++) {
            double foot = 300 + 5 * i;
            Detection d = new Detection(new Box(foot - 20, 400, 40, 100), 0.9f, "person");
            events.addAll(analytics.accept(tracker.update(new FrameDetections(i, i * 33L, 1000, 1000, List.of(d)))));
        }
        events.addAll(analytics.finish(90 * 33L));
        assertThat(only(events, LineCrossing.class)).isEmpty();
        assertThat(tracker.liveTracks()).as("the person was tracked, tentatively").isEqualTo(1);
    }

    @Test
    void aTrackThatEndsAfterCrossingStillCounts() {
        // ends 0.3 s after crossing, before its cancel window passed
        List<CountEvent> events = run(lineAnalytics(MIDDLE), frames(30, 4, walk(1, 0, 1.3, px(300, 500), px(560, 500))));
        assertThat(count(events, Direction.IN)).isEqualTo(1);
    }

    @Test
    void tallyIncludesPendingCrossings() {
        CameraAnalytics analytics = lineAnalytics(MIDDLE);
        for (var f : frames(30, 1.5, walk(1, 0, 2, px(300, 500), px(700, 500)))) {
            analytics.accept(f);
        }
        assertThat(analytics.lineTallies()).containsEntry("door", new LineTally(1, 0));
    }
}

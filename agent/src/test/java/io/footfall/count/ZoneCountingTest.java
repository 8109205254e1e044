package io.footfall.count;

import io.footfall.geometry.Point;
import static io.footfall.count.Scene.only;
import static io.footfall.count.Scene.px;
import static io.footfall.count.Scene.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.footfall.count.Scene.Walker;
import io.footfall.track.TrackId;
import io.footfall.track.TrackState;
import io.footfall.track.TrackedFrame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZoneCountingTest {
    /** 400..600 px square. */
    private static final Zone SHELF = Zone.parse("shelf", "0.4,0.4,0.6,0.4,0.6,0.6,0.4,0.6");
    private static final Point IN = px(500, 500);
    private static final Point OUT = px(100, 100);

    @Test
    void inertiaIgnoresShortVisitsAndBlips() {
        // 10 fps; 2 frames inside are not enough (minFrames 3), a 1-frame blip outside does not exit
        List<Point> path = new ArrayList<>();
        add(path, OUT, 3);
        add(path, IN, 2);
        add(path, OUT, 3);
        add(path, IN, 10);    // frames 8..17: enters at frame 8
        add(path, OUT, 1);
        add(path, IN, 10);
        add(path, OUT, 5);    // frames 29..33: exits at frame 29
        CameraAnalytics analytics = Scene.analytics(AnalyticsConfig.defaults(), List.of(), List.of(SHELF));
        List<CountEvent> events = new ArrayList<>();
        List<Integer> occupancy = new ArrayList<>();
        for (TrackedFrame f : framesOf(path)) {
            events.addAll(analytics.accept(f));
            occupancy.add(analytics.occupancy().get("shelf"));
        }
        assertThat(only(events, ZoneEntered.class)).singleElement().satisfies(e -> {
            assertThat(e.frame()).isEqualTo(8);
            assertThat(e.ptsMillis()).isEqualTo(800);
        });
        assertThat(only(events, ZoneExited.class)).singleElement().satisfies(e -> {
            assertThat(e.frame()).isEqualTo(29);
            assertThat(e.dwellMillis()).isEqualTo(2100);
            assertThat(e.reason()).isEqualTo(ZoneExited.Reason.LEFT);
        });
        assertThat(occupancy.subList(0, 10)).containsOnly(0);
        assertThat(occupancy.subList(10, 31)).containsOnly(1); // confirmed on the 3rd frame inside
        assertThat(occupancy.subList(31, 34)).containsOnly(0);
    }

    @Test
    void aTrackEndingInsideExitsWhenLastSeen() {
        List<TrackedFrame> frames = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            frames.add(frame(i, List.of(Scene.at(7, IN, TrackState.CONFIRMED)), List.of()));
        }
        for (int i = 20; i < 35; i++) {
            frames.add(frame(i, List.of(Scene.at(7, IN, TrackState.LOST)), List.of()));
        }
        frames.add(frame(35, List.of(), List.of(new TrackId(7))));
        List<CountEvent> events = run(Scene.analytics(AnalyticsConfig.defaults(), List.of(), List.of(SHELF)), frames);
        assertThat(only(events, ZoneExited.class)).singleElement().satisfies(e -> {
            assertThat(e.ptsMillis()).isEqualTo(1900);
            assertThat(e.dwellMillis()).isEqualTo(1900);
            assertThat(e.reason()).isEqualTo(ZoneExited.Reason.TRACK_ENDED);
        });
    }

    @Test
    void theStreamEndingEndsVisits() {
        List<TrackedFrame> frames = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            frames.add(frame(i, List.of(Scene.at(1, IN, TrackState.CONFIRMED)), List.of()));
        }
        List<CountEvent> events = run(Scene.analytics(AnalyticsConfig.defaults(), List.of(), List.of(SHELF)), frames);
        assertThat(only(events, ZoneExited.class)).singleElement().satisfies(e -> {
            assertThat(e.dwellMillis()).isEqualTo(4900);
            assertThat(e.reason()).isEqualTo(ZoneExited.Reason.STREAM_ENDED);
        });
        assertThat(only(events, IntervalAggregate.class).get(0).zones().get(0).dwell().p50Millis()).isEqualTo(4900);
    }

    @Test
    void dwellMeanP50AndP90OfVisitsEndedInTheInterval() {
        // ten people, the k-th inside for exactly k seconds; all leave within the first minute
        Walker[] people = new Walker[10];
        for (int k = 1; k <= 10; k++) {
            double enter = 2.0 * k;
            double leave = enter + k;
            people[k - 1] = new Walker(k, enter - 1, leave + 1, t -> t >= enter && t < leave ? IN : OUT);
        }
        AnalyticsConfig config = AnalyticsConfig.defaults().withZoneMinFrames(1);
        List<CountEvent> events = run(Scene.analytics(config, List.of(), List.of(SHELF)), Scene.frames(10, 59, people));
        assertThat(only(events, ZoneExited.class)).extracting(ZoneExited::dwellMillis)
                .containsExactlyInAnyOrder(1000L, 2000L, 3000L, 4000L, 5000L, 6000L, 7000L, 8000L, 9000L, 10000L);
        IntervalAggregate.ZoneStats stats = only(events, IntervalAggregate.class).get(0).zones().get(0);
        assertThat(stats.visits()).isEqualTo(10);
        assertThat(stats.dwell()).isEqualTo(new DwellStats(10, 5500, 5000, 9000));
        assertThat(stats.occupancyMin()).isZero();
        assertThat(stats.occupancyMax()).isEqualTo(4); // at 20 s people 7 to 10 are all inside
    }

    @Test
    void occupancyIsTimeWeighted() {
        Walker stays = new Walker(1, 0, 100, t -> IN);
        Walker leavesAt30 = new Walker(2, 0, 100, t -> t < 30 ? IN : OUT);
        AnalyticsConfig config = AnalyticsConfig.defaults().withZoneMinFrames(1);
        CameraAnalytics analytics = Scene.analytics(config, List.of(), List.of(SHELF));
        List<CountEvent> events = run(analytics, Scene.frames(10, 60, stays, leavesAt30));
        IntervalAggregate.ZoneStats stats = only(events, IntervalAggregate.class).get(0).zones().get(0);
        assertThat(stats.occupancyMean()).isCloseTo(1.5, within(1e-9));
        assertThat(stats.occupancyMin()).isEqualTo(1);
        assertThat(stats.occupancyMax()).isEqualTo(2);
        assertThat(stats.visits()).isEqualTo(2);
    }

    private static void add(List<Point> path, Point p, int frames) {
        for (int i = 0; i < frames; i++) {
            path.add(p);
        }
    }

    private static List<TrackedFrame> framesOf(List<Point> path) {
        List<TrackedFrame> frames = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) {
            frames.add(frame(i, List.of(Scene.at(1, path.get(i), TrackState.CONFIRMED)), List.of()));
        }
        return frames;
    }

    private static TrackedFrame frame(int i, List<io.footfall.track.TrackedObject> objects, List<TrackId> ended) {
        return new TrackedFrame(i, i * 100L, Scene.SIZE, Scene.SIZE, objects, ended);
    }

    @Test
    void aClosedRingIsTheSameZoneAndABadOneIsShownAsTheConfigWritesIt() {
        Zone open = Zone.parse("shelf", "0.1,0.1,0.4,0.1,0.4,0.5,0.1,0.5");
        Zone closed = Zone.parse("shelf", "0.1,0.1,0.4,0.1,0.4,0.5,0.1,0.5,0.1,0.1");
        assertThat(closed).isEqualTo(open);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Zone.parse("bow", "0,0,1,1,1,0,0,0.5"))
                .hasMessageContaining("self-intersecting one [[0.0, 0.0], [1.0, 1.0], [1.0, 0.0], [0.0, 0.5]]")
                .hasMessageNotContaining("Point[");
    }
}

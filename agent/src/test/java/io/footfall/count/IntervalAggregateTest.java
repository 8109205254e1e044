package io.footfall.count;

import static io.footfall.count.Scene.only;
import static io.footfall.count.Scene.px;
import static io.footfall.count.Scene.walk;
import static org.assertj.core.api.Assertions.assertThat;

import io.footfall.track.TrackedFrame;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntervalAggregateTest {
    private static final CountLine DOOR = CountLine.parse("door", "0.5,0,0.5,1");
    private static final Zone SHELF = Zone.parse("shelf", "0.4,0.4,0.6,0.4,0.6,0.6,0.4,0.6");
    private static final Instant HALF_PAST = Instant.parse("2024-06-10T12:00:30Z");

    @Test
    void intervalsAreAlignedToTheWallClock() {
        // starts 12:00:30; crossings at 12:00:40 and 12:01:20; ends 12:02:10
        List<TrackedFrame> frames = Scene.frames(10, 100,
                walk(1, 8, 12, px(300, 500), px(700, 500)),
                walk(2, 48, 52, px(300, 500), px(700, 500)));
        CameraAnalytics analytics = new CameraAnalytics("dev-1", "cam-1", List.of(DOOR), List.of(),
                AnalyticsConfig.defaults(), HALF_PAST);
        List<CountEvent> events = new ArrayList<>();
        long firstClosedAt = -1;
        for (TrackedFrame f : frames) {
            List<CountEvent> now = analytics.accept(f);
            if (firstClosedAt < 0 && !only(now, IntervalAggregate.class).isEmpty()) {
                firstClosedAt = f.ptsMillis();
            }
            events.addAll(now);
        }
        events.addAll(analytics.finish(100_000));
        List<IntervalAggregate> aggregates = only(events, IntervalAggregate.class);
        assertThat(aggregates).extracting(a -> a.start().toString(), a -> a.end().toString(),
                IntervalAggregate::observedMillis, a -> a.lines().get(0).in()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("2024-06-10T12:00:00Z", "2024-06-10T12:01:00Z", 30_000L, 1),
                org.assertj.core.groups.Tuple.tuple("2024-06-10T12:01:00Z", "2024-06-10T12:02:00Z", 60_000L, 1),
                org.assertj.core.groups.Tuple.tuple("2024-06-10T12:02:00Z", "2024-06-10T12:03:00Z", 10_000L, 0));
        // The stream began inside the first interval: that record is a segment of it, and says so in its id, so that
        // the segment a restart or a reconfiguration starts in the same interval never takes the same id.
        assertThat(aggregates.get(0).id()).isEqualTo("dev-1:cam-1:interval-60s:2024-06-10T12:00:00Z:from-2024-06-10T12:00:30Z");
        assertThat(aggregates.get(1).id()).isEqualTo("dev-1:cam-1:interval-60s:2024-06-10T12:01:00Z");
        assertThat(firstClosedAt).as("closed 5 s after 12:01:00").isEqualTo(35_000);
    }

    @Test
    void aGapLongerThanMaxFrameGapIsUnobserved() {
        List<TrackedFrame> frames = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            frames.add(new TrackedFrame(i, i * 100L, Scene.SIZE, Scene.SIZE, List.of(), List.of()));
        }
        for (int i = 1100; i < 1200; i++) {
            frames.add(new TrackedFrame(i, i * 100L, Scene.SIZE, Scene.SIZE, List.of(), List.of()));
        }
        List<CountEvent> events = Scene.run(Scene.analytics(AnalyticsConfig.defaults(), List.of(DOOR), List.of(SHELF)),
                frames);
        assertThat(only(events, IntervalAggregate.class)).extracting(IntervalAggregate::observedMillis)
                .containsExactly(9_900L + 2_000L, 10_000L);
    }

    @Test
    void sameInputGivesSameEventsAndIds() {
        List<CountEvent> first = mixedRun();
        List<CountEvent> second = mixedRun();
        assertThat(first).isEqualTo(second);
        assertThat(first).extracting(CountEvent::id).doesNotHaveDuplicates();
        assertThat(new HashSet<>(first.stream().map(e -> e.getClass().getSimpleName()).toList()))
                .contains("LineCrossing", "CrossingCancelled", "ZoneEntered", "ZoneExited", "IntervalAggregate");
        LineCrossing crossing = only(first, LineCrossing.class).get(0);
        assertThat(crossing.id()).isEqualTo("dev-1:cam-1:crossing:door:t" + crossing.trackId().value() + ":"
                + Scene.NOON.plusMillis(crossing.ptsMillis()).toEpochMilli());
    }

    private static List<CountEvent> mixedRun() {
        List<TrackedFrame> frames = Scene.frames(15, 130,
                walk(1, 0, 6, px(100, 500), px(900, 500)),
                walk(2, 5, 65, px(450, 450), px(550, 550)),
                new Scene.Walker(3, 20, 26, t -> px(t < 22 ? 300 + 150 * (t - 20) : 600 - 150 * (t - 22), 300)), // u-turn
                walk(4, 90, 95, px(900, 200), px(100, 200)));
        return Scene.run(Scene.analytics(AnalyticsConfig.defaults(), List.of(DOOR), List.of(SHELF)), frames);
    }
}

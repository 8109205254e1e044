package io.footfall.count;

import io.footfall.geometry.Point;
import io.footfall.geometry.Box;
import io.footfall.track.TrackId;
import io.footfall.track.TrackState;
import io.footfall.track.TrackedFrame;
import io.footfall.track.TrackedObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/** Synthetic tracker output: people whose feet follow given paths, on a 1000×1000 frame. */
final class Scene {
    static final int SIZE = 1000;
    static final double BOX_HEIGHT = 100;
    static final Instant NOON = Instant.parse("2024-06-10T12:00:00Z");

    /**
     * One person, visible from {@code from} to {@code to} seconds.
     *
     * @param foot feet position in pixels at a time in seconds
     */
    record Walker(long id, double from, double to, DoubleFunction<Point> foot, TrackState state) {
        Walker(long id, double from, double to, DoubleFunction<Point> foot) {
            this(id, from, to, foot, TrackState.CONFIRMED);
        }
    }

    private Scene() {
    }

    /** Straight walk from {@code a} (at {@code from}) to {@code b} (at {@code to}), pixels. */
    static Walker walk(long id, double from, double to, Point a, Point b) {
        return new Walker(id, from, to, t -> {
            double f = (t - from) / (to - from);
            return new Point(a.x() + (b.x() - a.x()) * f, a.y() + (b.y() - a.y()) * f);
        });
    }

    /** A box whose bottom-centre is {@code foot}. */
    static TrackedObject at(long id, Point foot, TrackState state) {
        Box box = new Box(foot.x() - 20, foot.y() - BOX_HEIGHT, 40, BOX_HEIGHT);
        return new TrackedObject(new TrackId(id), box, 0.9f, state);
    }

    /** Frames at {@code fps} for {@code seconds}; a walker's id is reported ended on the first frame after its end. */
    static List<TrackedFrame> frames(int fps, double seconds, Walker... walkers) {
        List<TrackedFrame> frames = new ArrayList<>();
        boolean[] ended = new boolean[walkers.length];
        for (int i = 0; i < seconds * fps; i++) {
            long pts = Math.round(i * 1000.0 / fps);
            double t = pts / 1000.0;
            List<TrackedObject> objects = new ArrayList<>();
            List<TrackId> gone = new ArrayList<>();
            for (int w = 0; w < walkers.length; w++) {
                Walker k = walkers[w];
                if (t >= k.from() && t <= k.to()) {
                    objects.add(at(k.id(), k.foot().apply(t), k.state()));
                } else if (t > k.to() && !ended[w]) {
                    ended[w] = true;
                    gone.add(new TrackId(k.id()));
                }
            }
            frames.add(new TrackedFrame(i, pts, SIZE, SIZE, objects, gone));
        }
        return frames;
    }

    /** Feeds all frames, then finishes one frame interval after the last. */
    static List<CountEvent> run(CameraAnalytics analytics, List<TrackedFrame> frames) {
        List<CountEvent> events = new ArrayList<>();
        frames.forEach(f -> events.addAll(analytics.accept(f)));
        long last = frames.get(frames.size() - 1).ptsMillis();
        long step = frames.size() > 1 ? last - frames.get(frames.size() - 2).ptsMillis() : 1;
        events.addAll(analytics.finish(last + step));
        return events;
    }

    static CameraAnalytics analytics(AnalyticsConfig config, List<CountLine> lines, List<Zone> zones) {
        return new CameraAnalytics("dev-1", "cam-1", lines, zones, config, NOON);
    }

    static CameraAnalytics lineAnalytics(CountLine line) {
        return analytics(AnalyticsConfig.defaults(), List.of(line), List.of());
    }

    static <T extends CountEvent> List<T> only(List<CountEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static long count(List<CountEvent> events, Direction d) {
        return only(events, LineCrossing.class).stream().filter(c -> c.direction() == d).count();
    }

    static Point px(double x, double y) {
        return new Point(x, y);
    }
}

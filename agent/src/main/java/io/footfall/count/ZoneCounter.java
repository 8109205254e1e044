package io.footfall.count;

import io.footfall.geometry.Point;
import io.footfall.track.TrackId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Presence of tracks in one zone, with inertia: a track enters (exits) only after being seen inside
 * (outside) for {@code zoneMinFrames} consecutive observations, and the event is dated at the first of
 * them. A track not observed (lost) keeps its state until it ends. Not thread-safe.
 */
final class ZoneCounter {
    private final Zone zone;
    private final int minFrames;
    private final EventFactory events;
    private final Map<TrackId, Presence> tracks = new TreeMap<>();
    private Zone.Shape shape;

    ZoneCounter(Zone zone, AnalyticsConfig config, EventFactory events) {
        this.zone = zone;
        this.minFrames = config.zoneMinFrames();
        this.events = events;
    }

    void resize(int width, int height) {
        shape = zone.inPixels(width, height);
    }

    void observe(TrackId id, Point anchor, long frame, long ptsMillis, List<CountEvent> sink) {
        Presence p = tracks.computeIfAbsent(id, k -> new Presence());
        p.lastSeenFrame = frame;
        p.lastSeenPts = ptsMillis;
        boolean inside = shape.contains(anchor);
        if (inside == p.inside) {
            p.held = 0;
            return;
        }
        if (p.held == 0) {
            p.changeFrame = frame;
            p.changePts = ptsMillis;
        }
        if (++p.held < minFrames) {
            return;
        }
        p.inside = inside;
        p.held = 0;
        if (inside) {
            p.enteredPts = p.changePts;
            sink.add(events.entered(zone.name(), id, p.changeFrame, p.changePts));
        } else {
            sink.add(events.exited(zone.name(), id, p.changeFrame, p.changePts, p.changePts - p.enteredPts,
                    ZoneExited.Reason.LEFT));
        }
    }

    /** The track is gone; a visit in progress ends when it was last seen inside. */
    void end(TrackId id, ZoneExited.Reason reason, List<CountEvent> sink) {
        Presence p = tracks.remove(id);
        if (p == null || !p.inside) {
            return;
        }
        boolean leaving = p.held > 0;
        long frame = leaving ? p.changeFrame : p.lastSeenFrame;
        long pts = leaving ? p.changePts : p.lastSeenPts;
        sink.add(events.exited(zone.name(), id, frame, pts, pts - p.enteredPts, reason));
    }

    void endAll(ZoneExited.Reason reason, List<CountEvent> sink) {
        List.copyOf(tracks.keySet()).forEach(id -> end(id, reason, sink));
    }

    /** Tracks inside now. */
    int occupancy() {
        int n = 0;
        for (Presence p : tracks.values()) {
            if (p.inside) {
                n++;
            }
        }
        return n;
    }

    private static final class Presence {
        boolean inside;
        /** Consecutive observations contradicting {@link #inside}. */
        int held;
        long changeFrame;
        long changePts;
        long enteredPts;
        long lastSeenFrame;
        long lastSeenPts;
    }
}

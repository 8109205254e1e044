package io.footfall.count;

import io.footfall.geometry.Point;
import io.footfall.track.TrackId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The crossing state machine of one line over all tracks of one camera (the rule is drawn in
 * {@link CountLine}). Per track it keeps the settled side, the last anchor on that side, the candidate
 * crossing while the anchor is on the far side but within the hysteresis band, and a crossing waiting out
 * the cancel window. Not thread-safe.
 */
final class LineCounter {
    private final CountLine line;
    private final double hysteresis;
    private final long cancelWindowMillis;
    private final EventFactory events;
    private final Map<TrackId, TrackOnLine> tracks = new TreeMap<>();
    private CountLine.Segment segment;
    private int in;
    private int out;

    LineCounter(CountLine line, AnalyticsConfig config, EventFactory events) {
        this.line = line;
        this.hysteresis = config.lineHysteresis();
        this.cancelWindowMillis = config.cancelWindow().toMillis();
        this.events = events;
    }

    /** Sets the frame size; positions seen at another size are forgotten (pending crossings are kept). */
    void resize(int width, int height) {
        segment = line.inPixels(width, height);
        tracks.values().forEach(TrackOnLine::forgetPosition);
    }

    /** Emits the pending crossings whose cancel window has passed by {@code ptsMillis}. */
    void expire(long ptsMillis, List<CountEvent> sink) {
        for (TrackOnLine t : tracks.values()) {
            if (t.pending != null && ptsMillis - t.pending.ptsMillis() > cancelWindowMillis) {
                emit(t.pending, sink);
                t.pending = null;
            }
        }
    }

    /**
     * One observation of a confirmed track.
     *
     * @param boxHeight the track's box height in pixels, the scale of the hysteresis band
     */
    void observe(TrackId id, Point anchor, double boxHeight, long frame, long ptsMillis, List<CountEvent> sink) {
        TrackOnLine t = tracks.computeIfAbsent(id, k -> new TrackOnLine());
        double distance = segment.signedDistance(anchor);
        int side = (int) Math.signum(distance);
        if (side == 0) {
            return; // exactly on the line: no evidence either way
        }
        if (t.settledSide == 0 || side == t.settledSide) {
            t.settledSide = side;
            t.lastOnSettledSide = anchor;
            t.candidate = null;
            return;
        }
        if (t.candidate == null) {
            t.candidate = new Candidate(segment.stepCrossesSegment(t.lastOnSettledSide, anchor), frame, ptsMillis);
        }
        if (Math.abs(distance) >= hysteresis * boxHeight) {
            Candidate c = t.candidate;
            t.settledSide = side;
            t.lastOnSettledSide = anchor;
            t.candidate = null;
            if (c.withinSegment()) {
                crossed(id, t, side > 0 ? Direction.IN : Direction.OUT, c, frame, ptsMillis, sink);
            }
        }
    }

    /** The track is gone: its pending crossing becomes final and its state is dropped. */
    void end(TrackId id, List<CountEvent> sink) {
        TrackOnLine t = tracks.remove(id);
        if (t != null && t.pending != null) {
            emit(t.pending, sink);
        }
    }

    /** Ends every track (stream end). */
    void endAll(List<CountEvent> sink) {
        List.copyOf(tracks.keySet()).forEach(id -> end(id, sink));
    }

    LineTally tally() {
        int pendingIn = 0;
        int pendingOut = 0;
        for (TrackOnLine t : tracks.values()) {
            if (t.pending != null) {
                if (t.pending.direction() == Direction.IN) {
                    pendingIn++;
                } else {
                    pendingOut++;
                }
            }
        }
        return new LineTally(in + pendingIn, out + pendingOut);
    }

    private void crossed(TrackId id, TrackOnLine t, Direction direction, Candidate c, long frame, long ptsMillis,
                         List<CountEvent> sink) {
        LineCrossing previous = t.pending;
        if (previous != null && previous.direction() != direction
                && ptsMillis - previous.ptsMillis() <= cancelWindowMillis) {
            sink.add(events.cancelled(previous, frame, ptsMillis));
            t.pending = null;
            return;
        }
        if (previous != null) {
            emit(previous, sink); // same way again (went round the line's end): both stand
        }
        LineCrossing crossing = events.crossing(line.name(), direction, id, c.frame(), c.ptsMillis());
        if (cancelWindowMillis == 0) {
            emit(crossing, sink);
            t.pending = null;
        } else {
            t.pending = crossing;
        }
    }

    private void emit(LineCrossing crossing, List<CountEvent> sink) {
        if (crossing.direction() == Direction.IN) {
            in++;
        } else {
            out++;
        }
        sink.add(crossing);
    }

    /** Where the anchor first reached the far side, and whether that step met the segment. */
    private record Candidate(boolean withinSegment, long frame, long ptsMillis) {
    }

    private static final class TrackOnLine {
        int settledSide;
        Point lastOnSettledSide;
        Candidate candidate;
        LineCrossing pending;

        void forgetPosition() {
            settledSide = 0;
            lastOnSettledSide = null;
            candidate = null;
        }
    }
}

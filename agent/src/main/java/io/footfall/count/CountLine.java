package io.footfall.count;

import io.footfall.geometry.Point;
import io.footfall.BadInputException;
import java.util.List;
import java.util.Objects;

/**
 * A counting line: the SEGMENT from {@code a} to {@code b}, in coordinates relative to the frame
 * ({@code 0..1}, x right, y down). Crossing it towards the side its normal {@code n = (y2-y1, -(x2-x1))}
 * points to is {@link Direction#IN}; so for {@code 0.8,0 → 0.8,1} (top to bottom) {@code n = (1, 0)} and
 * walking left to right is IN. Swap the ends to swap the directions.
 *
 * <p>How a crossing is counted, per confirmed track, on its anchor point (default: bottom-centre):
 * <pre>
 *                            a
 *                            |
 *              OUT side      |      IN side        n = (y2-y1, -(x2-x1)) points IN
 *                            |                     (x right, y down)
 *        P  ·  ·  ·  ·  ·  · X ·  Q1 ·  ·  ·  Q2
 *                            |
 *                            b
 *                    |<- h ->|<- h ->|    band: h = lineHysteresis × the track's box height
 *
 *   P    last anchor on the settled side (here OUT)
 *   Q1   first anchor on the other side. The step P→Q1 meets the line at X: X must lie between a and
 *        b, else the step went round the line's end and never counts. Within the band: undecided.
 *   Q2   first anchor at least h past the line: IN becomes the settled side and one IN crossing
 *        counts, dated at Q1's frame. Back on the OUT side before Q2: nothing counts.
 *
 *   jitter   ~~~~~~~~X~~~~~~~~      never h past on the far side: never counts
 *   u-turn   P ---> Q2 ---> P'      back h past on the OUT side within cancelWindow of Q1: the IN
 *                                   crossing is withdrawn ({@link CrossingCancelled}), net 0
 * </pre>
 * A crossing waits out {@code cancelWindow} before its {@link LineCrossing} is emitted, so emitted crossings
 * are final and can be summed downstream without corrections. A track's first position sets its
 * settled side, so a track first seen inside the band counts once it is h past on the other side.
 *
 * <p>Immutable and thread-safe.
 */
public record CountLine(String name, Point a, Point b) {
    public CountLine {
        Names.check("line", name);
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Names.relative("line " + name, List.of(a, b));
        if (a.equals(b)) {
            throw new BadInputException("line " + name + ": expected two different end points, got " + a + " twice");
        }
        // A line a few pixels long is a typo (0.08 for 0.8), not a door: no step of a walking person meets it.
        if (Math.hypot(b.x() - a.x(), b.y() - a.y()) < MIN_LENGTH) {
            throw new BadInputException("line " + name + ": expected end points at least " + MIN_LENGTH
                    + " of the frame apart, got (" + a.x() + ", " + a.y() + ") and (" + b.x() + ", " + b.y() + ")");
        }
    }

    /** The shortest line accepted, relative to the frame: 7 pixels of a 720p frame's width. */
    public static final double MIN_LENGTH = 0.01;

    /** Parses {@code "x1,y1,x2,y2"} (relative), as given to {@code --line}. */
    public static CountLine parse(String name, String spec) {
        List<Point> p = Names.points("line " + name, spec);
        if (p.size() != 2) {
            throw new BadInputException("line " + name + ": expected x1,y1,x2,y2, got '" + spec + "'");
        }
        return new CountLine(name, p.get(0), p.get(1));
    }

    /** This line in the pixels of a {@code width × height} frame. */
    Segment inPixels(int width, int height) {
        return new Segment(a.scaled(width, height), b.scaled(width, height));
    }

    /** The line in pixels. */
    record Segment(Point a, Point b) {

        /** Distance of {@code p} from the infinite line, positive on the IN side. */
        double signedDistance(Point p) {
            double nx = b.y() - a.y();
            double ny = -(b.x() - a.x());
            return ((p.x() - a.x()) * nx + (p.y() - a.y()) * ny) / Math.hypot(nx, ny);
        }

        /** Whether the step from {@code p} to {@code q}, on opposite sides, meets the segment itself. */
        boolean stepCrossesSegment(Point p, Point q) {
            double dp = signedDistance(p);
            double dq = signedDistance(q);
            double f = dp / (dp - dq);
            double x = p.x() + (q.x() - p.x()) * f;
            double y = p.y() + (q.y() - p.y()) * f;
            double ex = b.x() - a.x();
            double ey = b.y() - a.y();
            double t = ((x - a.x()) * ex + (y - a.y()) * ey) / (ex * ex + ey * ey);
            return t >= 0 && t <= 1;
        }
    }
}

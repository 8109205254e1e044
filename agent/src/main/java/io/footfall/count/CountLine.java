package io.footfall.count;

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
 *                      a
 *                      |
 *          OUT side    |    IN side  (n →)
 *                      |
 *      settled  P ·····X····· Q        1. P is the last anchor on the settled side; the step P→Q
 *                      |      :           changes side: X, where it meets the line, must lie
 *                      |      :           between a and b (a step past the ends never counts)
 *                      |      :        2. the side is taken only once the anchor is at least
 *                      b      :           hysteresis × box height past the line, here at Q;
 *                 |<-h->|<-h->|           the crossing is then counted once, at X's frame
 *                   band  band
 *
 *      jitter:  ~~~~~~~~~~~~           never leaves the band on the far side: no count
 *      u-turn:  P ---> Q ---> P'       back past the band within cancelWindow: the first
 *                                      crossing is withdrawn (CrossingCancelled), net 0
 * </pre>
 * A crossing waits out {@code cancelWindow} before its {@link LineCrossing} is emitted, so emitted crossings
 * are final and can be summed downstream without corrections.
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
    }

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

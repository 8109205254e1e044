package io.footfall.geometry;

import java.util.List;

/** Polygon tests. Stateless. */
public final class Polygons {
    private Polygons() {
    }

    /**
     * Whether no two non-adjacent edges of the closed polygon touch or cross: a bow-tie has area but no single
     * inside, so occupancy over it means nothing.
     */
    public static boolean isSimple(List<Point> polygon) {
        int n = polygon.size();
        for (int i = 0; i < n; i++) {
            Point a = polygon.get(i);
            Point b = polygon.get((i + 1) % n);
            for (int j = i + 1; j < n; j++) {
                if (j == i || (j + 1) % n == i || j == (i + 1) % n) {
                    continue; // adjacent edges share a vertex
                }
                Point c = polygon.get(j);
                Point d = polygon.get((j + 1) % n);
                if (segmentsIntersect(a, b, c, d)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether {@code p} lies inside the closed polygon, by the even-odd rule; any consistent units. */
    public static boolean contains(List<Point> polygon, Point p) {
        boolean inside = false;
        int n = polygon.size();
        for (int i = 0, j = n - 1; i < n; j = i++) {
            Point vi = polygon.get(i);
            Point vj = polygon.get(j);
            if ((vi.y() > p.y()) != (vj.y() > p.y())
                    && p.x() < (vj.x() - vi.x()) * (p.y() - vi.y()) / (vj.y() - vi.y()) + vi.x()) {
                inside = !inside;
            }
        }
        return inside;
    }

    /** Twice the signed area (shoelace); 0 for a degenerate polygon. */
    public static double doubleArea(List<Point> polygon) {
        double s = 0;
        for (int i = 0; i < polygon.size(); i++) {
            Point p = polygon.get(i);
            Point q = polygon.get((i + 1) % polygon.size());
            s += p.x() * q.y() - q.x() * p.y();
        }
        return s;
    }

    static boolean segmentsIntersect(Point a, Point b, Point c, Point d) {
        double d1 = cross(c, d, a);
        double d2 = cross(c, d, b);
        double d3 = cross(a, b, c);
        double d4 = cross(a, b, d);
        if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
            return true;
        }
        return (d1 == 0 && onSegment(c, d, a)) || (d2 == 0 && onSegment(c, d, b))
                || (d3 == 0 && onSegment(a, b, c)) || (d4 == 0 && onSegment(a, b, d));
    }

    private static double cross(Point o, Point p, Point q) {
        return (p.x() - o.x()) * (q.y() - o.y()) - (p.y() - o.y()) * (q.x() - o.x());
    }

    private static boolean onSegment(Point p, Point q, Point r) {
        return Math.min(p.x(), q.x()) <= r.x() && r.x() <= Math.max(p.x(), q.x())
                && Math.min(p.y(), q.y()) <= r.y() && r.y() <= Math.max(p.y(), q.y());
    }
}

package io.footfall.count;

import io.footfall.geometry.Point;
import io.footfall.BadInputException;
import java.util.List;

/**
 * A counting zone: a simple polygon in coordinates relative to the frame ({@code 0..1}, x right, y down).
 * A track is inside when its anchor point is (even-odd rule).
 *
 * <p>Immutable and thread-safe.
 */
public record Zone(String name, List<Point> polygon) {
    public Zone {
        Names.check("zone", name);
        polygon = List.copyOf(polygon);
        if (polygon.size() >= 4 && polygon.get(0).equals(polygon.get(polygon.size() - 1))) {
            // A closed ring, as GeoJSON and most drawing tools write it: the last corner is the first again.
            polygon = polygon.subList(0, polygon.size() - 1);
        }
        if (polygon.size() < 3) {
            throw new BadInputException("zone " + name + ": expected at least 3 points, got " + polygon.size());
        }
        Names.relative("zone " + name, polygon);
        if (Math.abs(area(polygon)) < MIN_AREA) {
            throw new BadInputException("zone " + name + ": expected a polygon with an area of at least 0.0001 of the frame"
                    + " (1 % of its width by 1 % of its height), got " + describe(polygon));
        }
        if (!io.footfall.geometry.Polygons.isSimple(polygon)) {
            throw new BadInputException("zone " + name + ": expected a simple polygon (edges that do not cross each other), "
                    + "got a self-intersecting one " + describe(polygon) + "; list the corners in order around the zone");
        }
    }

    /** The smallest zone accepted, relative to the frame: 1 % of its width by 1 % of its height, smaller than one person. */
    public static final double MIN_AREA = 1e-4;

    /** Parses {@code "x1,y1,x2,y2,x3,y3,..."} (relative), as given to {@code --zone}. */
    public static Zone parse(String name, String spec) {
        return new Zone(name, Names.points("zone " + name, spec));
    }

    /** Whether a point (pixels of a {@code width × height} frame) lies in this zone. */
    public boolean contains(Point p, int width, int height) {
        return inPixels(width, height).contains(p);
    }

    /** This zone in the pixels of a {@code width × height} frame. */
    Shape inPixels(int width, int height) {
        return new Shape(polygon.stream().map(p -> p.scaled(width, height)).toList());
    }

    /** {@code [[x, y], ...]} as a config writes it, the first few corners only of a long one. */
    static String describe(List<Point> ps) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < Math.min(ps.size(), 8); i++) {
            sb.append(i == 0 ? "" : ", ").append('[').append(ps.get(i).x()).append(", ").append(ps.get(i).y()).append(']');
        }
        return sb.append(ps.size() > 8 ? ", ... " + ps.size() + " points]" : "]").toString();
    }

    private static double area(List<Point> ps) {
        double twice = 0;
        for (int i = 0; i < ps.size(); i++) {
            Point p = ps.get(i);
            Point q = ps.get((i + 1) % ps.size());
            twice += p.x() * q.y() - q.x() * p.y();
        }
        return twice / 2;
    }

    /** The polygon in pixels. */
    record Shape(List<Point> vertices) {
        boolean contains(Point p) {
            return io.footfall.geometry.Polygons.contains(vertices, p);
        }
    }
}

package io.footfall.detect;

import io.footfall.BadInputException;
import io.footfall.geometry.Point;
import io.footfall.geometry.Polygons;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a camera looks for people: regions of interest and regions to ignore (a poster, a mirror, a TV wall), as
 * polygons relative to the frame. Applied to detections before tracking, so what is masked out never becomes a track,
 * a crossing or an occupant. A detection is judged by its foot point (bottom centre of the box): where a person
 * stands, which is what a floor area means, and a printed or reflected person stands inside their poster or mirror.
 *
 * @param include regions of interest; empty = the whole frame
 * @param exclude regions to ignore, even inside a region of interest
 */
public record DetectionMask(List<Region> include, List<Region> exclude) {

    public static final DetectionMask NONE = new DetectionMask(List.of(), List.of());

    /** A named polygon in relative coordinates (0..1, x right, y down). */
    public record Region(String name, List<Point> polygon) {
        public Region {
            Objects.requireNonNull(name, "name");
            polygon = List.copyOf(polygon);
            if (polygon.size() < 3) {
                throw new BadInputException("region " + name + ": expected at least 3 points, got " + polygon.size());
            }
            if (Math.abs(Polygons.doubleArea(polygon)) < 1e-9) {
                throw new BadInputException("region " + name + ": expected a polygon with an area, got " + polygon);
            }
        }
    }

    public DetectionMask {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    public boolean isEmpty() {
        return include.isEmpty() && exclude.isEmpty();
    }

    /** The detections whose foot point is in a region of interest (if any) and in no ignored region. */
    public FrameDetections apply(FrameDetections found) {
        if (isEmpty()) {
            return found;
        }
        List<Detection> kept = new ArrayList<>(found.detections().size());
        for (Detection d : found.detections()) {
            Point foot = new Point(d.box().centerX() / found.width(), d.box().bottom() / found.height());
            if (keeps(foot)) {
                kept.add(d);
            }
        }
        return new FrameDetections(found.frame(), found.ptsMillis(), found.width(), found.height(), kept);
    }

    boolean keeps(Point foot) {
        boolean wanted = include.isEmpty() || include.stream().anyMatch(r -> Polygons.contains(r.polygon(), foot));
        return wanted && exclude.stream().noneMatch(r -> Polygons.contains(r.polygon(), foot));
    }
}

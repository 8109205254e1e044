package io.footfall.schema;

import io.footfall.detect.Detection;
import io.footfall.detect.FrameDetections;

import java.util.List;

/**
 * One line of {@code footfall detect}'s JSON-lines output: what was found in one frame, boxes in
 * source pixels (top-left x, y, width, height), rounded to 0.1 px.
 */
public record DetectionsLine(long frame, long ptsMillis, List<Box> detections) {

    /** A box as written: {@code {"x":..,"y":..,"w":..,"h":..,"score":..,"label":"person"}}. */
    public record Box(double x, double y, double w, double h, double score, String label) {
    }

    public static DetectionsLine of(FrameDetections fd) {
        return new DetectionsLine(fd.frame(), fd.ptsMillis(), fd.detections().stream().map(DetectionsLine::box).toList());
    }

    private static Box box(Detection d) {
        return new Box(round(d.box().x(), 10), round(d.box().y(), 10), round(d.box().w(), 10), round(d.box().h(), 10),
                round(d.score(), 10000), d.label());
    }

    private static double round(double v, double scale) {
        return Math.round(v * scale) / scale;
    }
}

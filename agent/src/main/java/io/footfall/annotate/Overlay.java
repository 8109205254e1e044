package io.footfall.annotate;

import io.footfall.geometry.Box;

import java.util.List;

/**
 * What to draw on one frame, in source pixels: tracked people, counting lines with their in/out
 * counts, zones with their occupancy, and a header line. Built by the pipeline from its state so
 * drawing knows nothing about tracking or counting.
 */
public record Overlay(List<TrackBox> tracks, List<LineMark> lines, List<ZoneMark> zones, String header) {

    public Overlay {
        tracks = List.copyOf(tracks);
        lines = List.copyOf(lines);
        zones = List.copyOf(zones);
    }

    /** A tracked person: its box and id; the id picks a stable colour. */
    public record TrackBox(Box box, long trackId) {
    }

    /** A counting segment from (x1, y1) to (x2, y2), with the label drawn at its middle and an arrow toward "in". */
    public record LineMark(double x1, double y1, double x2, double y2, String label) {
    }

    /** A zone polygon as x0, y0, x1, y1, ... with its label. */
    public record ZoneMark(double[] xy, String label) {
    }
}

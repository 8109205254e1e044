package io.footfall.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import io.footfall.detect.Detection;
import io.footfall.detect.FrameDetections;
import io.footfall.json.Json;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

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

    /** The boxes as the detector's own records, as a tracker takes them. */
    public List<Detection> toDetections() {
        return detections.stream()
                .map(b -> new Detection(new io.footfall.geometry.Box(b.x(), b.y(), b.w(), b.h()), (float) b.score(), b.label()))
                .toList();
    }

    /**
     * Reads a whole {@code footfall detect} output, in its order; gzipped when the name ends in {@code .gz}.
     *
     * @throws IOException naming the file and line when it cannot be read or a line is not a detections line
     */
    public static List<DetectionsLine> read(Path file) throws IOException {
        ObjectReader json = Json.mapper().readerFor(DetectionsLine.class);
        List<DetectionsLine> out = new ArrayList<>();
        // Recordings of hours are large; gzip keeps them a tenth of the size.
        try (BufferedReader r = new BufferedReader(new InputStreamReader(file.toString().endsWith(".gz")
                ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file), StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                DetectionsLine l;
                try {
                    l = json.readValue(line);
                } catch (JsonProcessingException e) {
                    throw new IOException(file + " line " + n + ": not a 'footfall detect' line {\"frame\":..,\"ptsMillis\":.., "
                            + "\"detections\":[..]}: " + e.getOriginalMessage(), e);
                }
                if (l.detections() == null || l.frame() < 0) {
                    throw new IOException(file + " line " + n + ": expected a frame index >= 0 and a detections list");
                }
                for (Box b : l.detections()) {
                    if (b == null || b.label() == null || !(b.w() > 0) || !(b.h() > 0) || !Double.isFinite(b.x())
                            || !Double.isFinite(b.y()) || !(b.score() >= 0 && b.score() <= 1)) {
                        throw new IOException(file + " line " + n + ": expected boxes {\"x\",\"y\",\"w\">0,\"h\">0,\"score\" in 0..1,"
                                + "\"label\"}, got " + b);
                    }
                }
                out.add(l);
            }
        }
        return out;
    }

    private static Box box(Detection d) {
        return new Box(round(d.box().x(), 10), round(d.box().y(), 10), round(d.box().w(), 10), round(d.box().h(), 10),
                round(d.score(), 10000), d.label());
    }

    private static double round(double v, double scale) {
        return Math.round(v * scale) / scale;
    }
}

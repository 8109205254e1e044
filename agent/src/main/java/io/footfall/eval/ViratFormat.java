package io.footfall.eval;

import io.footfall.BadInputException;
import io.footfall.geometry.Box;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * VIRAT Ground object annotations ({@code *.viratdata.objects.txt}): whitespace-separated
 * {@code objectId duration frame left top width height type}, frame 0-based (= decode index),
 * type 1 person, 2 car, 3 vehicle, 4 object, 5 bike.
 *
 * <p>Stateless and thread-safe.
 */
public final class ViratFormat {

    private static final String LAYOUT = "object id, duration, frame, left, top, width, height, type";
    private static final long PERSON = 1;

    private ViratFormat() {
    }

    /**
     * Reads the person boxes (type 1) of frames before {@code frameCount}: VIRAT annotations may run
     * past the end of the video as decoded, and boxes on frames that do not exist would all count as misses.
     *
     * @param frameCount number of frames the video decodes to
     * @throws BadInputException when the file is missing or a line is not an 8-column VIRAT row
     */
    public static GroundTruth readPersons(Path objectsFile, long frameCount) {
        if (frameCount < 0) {
            throw new IllegalArgumentException("frameCount must be >= 0, got " + frameCount);
        }
        List<GtBox> boxes = new ArrayList<>();
        Set<List<Long>> seen = new HashSet<>();
        TextRows.forEach(objectsFile, row -> {
            if (row.size() != 8) {
                throw row.error("expected 8 columns (" + LAYOUT + "), found " + row.size());
            }
            long id = row.integer(0, "object id");
            long frame = row.integer(2, "frame");
            if (frame < 0) {
                throw row.error("expected a 0-based frame >= 0 in column 3, found " + frame);
            }
            double w = row.number(5, "width");
            double h = row.number(6, "height");
            if (w < 0 || h < 0) {
                throw row.error("expected a non-negative width and height, found " + w + " x " + h);
            }
            Box box = new Box(row.number(3, "left"), row.number(4, "top"), w, h);
            if (row.integer(7, "object type") != PERSON || frame >= frameCount) {
                return;
            }
            if (!seen.add(List.of(frame, id))) {
                throw row.error("expected one box per object and frame, but object " + id
                        + " already has a box in frame " + frame);
            }
            boxes.add(new GtBox(frame, id, box));
        });
        return GroundTruth.of(boxes);
    }
}

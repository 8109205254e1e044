package io.footfall.eval;

import io.footfall.schema.TrackBox;
import io.footfall.BadInputException;
import io.footfall.schema.MotRows;
import io.footfall.geometry.Box;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MOTChallenge text files: {@code frame, id, x, y, w, h, conf, class, visibility, unused}, one box
 * per line, frames 1-BASED on disk (frame N is decode index N-1 in memory), and {@code seqinfo.ini}.
 *
 * <p>Ground-truth rules: rows with {@code conf == 0} are "ignore" rows and are dropped. When the
 * class column holds a class (MOT16/17: not -1), only class 1 (pedestrian) is kept; distractor
 * classes are dropped, and unlike the MOTChallenge devkit, hypotheses on them are not forgiven
 * (they count as false positives, as in {@code motmetrics.utils.compare_to_groundtruth}).
 * MOT15 files (class column -1, e.g. TUD-Campus) keep every row with {@code conf != 0}.
 *
 * <p>Stateless and thread-safe.
 */
public final class MotChallengeFormat {

    private static final String LAYOUT = "frame, id, x, y, w, h, conf, ...";

    private MotChallengeFormat() {
    }

    /**
     * Reads a {@code gt.txt}, and the sequence's {@code seqinfo.ini} when it lies beside the file or
     * one folder up (the MOTChallenge layout {@code SEQ/gt/gt.txt}, {@code SEQ/seqinfo.ini}).
     *
     * @throws BadInputException when the file is missing or a line is not a MOTChallenge row
     */
    public static GroundTruth readGroundTruth(Path gtFile) {
        List<GtBox> boxes = new ArrayList<>();
        Set<List<Long>> seen = new HashSet<>();
        TextRows.forEach(gtFile, row -> {
            row.requireFields(7, LAYOUT);
            GtBox box = new GtBox(frameOf(row), row.integer(1, "object id"), boxOf(row));
            double conf = row.number(6, "conf");
            long cls = row.size() > 7 ? row.integer(7, "class") : -1;
            if (conf == 0 || (cls != -1 && cls != 1)) {
                return;
            }
            requireUnique(seen, row, box.frame(), box.objectId(), "object");
            boxes.add(box);
        });
        return GroundTruth.of(boxes, findSequenceInfo(gtFile));
    }

    /**
     * Reads a tracker result file (the same layout; every row is kept, whatever its conf).
     *
     * @return boxes sorted by frame, file order within a frame
     * @throws BadInputException when the file is missing, a line is malformed, or a track id appears
     *                           twice in one frame
     */
    public static List<TrackBox> readTracks(Path resultFile) {
        List<TrackBox> boxes = new ArrayList<>();
        Set<List<Long>> seen = new HashSet<>();
        TextRows.forEach(resultFile, row -> {
            row.requireFields(6, "frame, id, x, y, w, h, ...");
            TrackBox box = new TrackBox(frameOf(row), row.integer(1, "track id"), boxOf(row));
            requireUnique(seen, row, box.frame(), box.trackId(), "track");
            boxes.add(box);
        });
        boxes.sort(Comparator.comparingLong(TrackBox::frame));
        return List.copyOf(boxes);
    }

    /** Writes tracker output as a MOTChallenge result file (1-based frames, conf 1), sorted by frame. */
    public static void writeTracks(Path resultFile, List<TrackBox> tracks) {
        List<TrackBox> sorted = new ArrayList<>(tracks);
        sorted.sort(Comparator.comparingLong(TrackBox::frame));
        write(resultFile, sorted.stream().map(t -> line(t.frame(), t.trackId(), t.box())).toList());
    }

    /** Writes ground truth in the MOT15 layout (1-based frames, conf 1, class -1), e.g. to feed VIRAT to py-motmetrics. */
    public static void writeGroundTruth(Path gtFile, GroundTruth gt) {
        write(gtFile, gt.boxes().stream().map(b -> line(b.frame(), b.objectId(), b.box())).toList());
    }

    /**
     * Reads a {@code seqinfo.ini} ({@code [Sequence]} with name, frameRate, seqLength, imWidth, imHeight).
     *
     * @throws BadInputException when the file is missing or a key is absent or not a number
     */
    public static SequenceInfo readSequenceInfo(Path iniFile) {
        Map<String, String> keys = new HashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        TextRows.forEachLine(iniFile, (text, line) -> {
            int eq = text.indexOf('=');
            if (eq > 0) {
                String key = text.substring(0, eq).strip();
                keys.put(key, text.substring(eq + 1).strip());
                lines.put(key, line);
            }
        });
        return new SequenceInfo(
                keys.getOrDefault("name", iniFile.toAbsolutePath().getParent().getFileName().toString()),
                iniNumber(iniFile, keys, lines, "frameRate"),
                (int) iniNumber(iniFile, keys, lines, "imWidth"),
                (int) iniNumber(iniFile, keys, lines, "imHeight"),
                (long) iniNumber(iniFile, keys, lines, "seqLength"));
    }

    private static SequenceInfo findSequenceInfo(Path gtFile) {
        Path dir = gtFile.toAbsolutePath().getParent();
        for (Path d : new Path[] {dir, dir.getParent()}) {
            if (d != null && Files.isRegularFile(d.resolve("seqinfo.ini"))) {
                return readSequenceInfo(d.resolve("seqinfo.ini"));
            }
        }
        return null;
    }

    private static double iniNumber(Path file, Map<String, String> keys, Map<String, Integer> lines, String key) {
        String v = keys.get(key);
        if (v == null) {
            throw new BadInputException(file + ": expected a '" + key + "=' entry in [Sequence]");
        }
        try {
            double d = Double.parseDouble(v);
            if (Double.isFinite(d) && d > 0) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadInputException(file + ":" + lines.get(key) + ": expected " + key + " to be a positive number, found '" + v + "'");
    }

    private static long frameOf(TextRows.Row row) {
        long frame = row.integer(0, "frame");
        if (frame < 1) {
            throw row.error("expected a 1-based frame number >= 1 in column 1, found " + frame);
        }
        return frame - 1;
    }

    private static Box boxOf(TextRows.Row row) {
        double w = row.number(4, "width");
        double h = row.number(5, "height");
        if (w < 0 || h < 0) {
            throw row.error("expected a non-negative width and height, found " + row.fields()[4] + " x " + row.fields()[5]);
        }
        return new Box(row.number(2, "x"), row.number(3, "y"), w, h);
    }

    private static void requireUnique(Set<List<Long>> seen, TextRows.Row row, long frame, long id, String what) {
        if (!seen.add(List.of(frame, id))) {
            throw row.error("expected one box per " + what + " and frame, but " + what + " " + id
                    + " already has a box in frame " + (frame + 1));
        }
    }

    private static String line(long frame, long id, Box b) {
        return MotRows.format(frame, id, b);
    }

    private static void write(Path file, List<String> lines) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (String l : lines) {
                out.write(l);
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}

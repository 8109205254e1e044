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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MOTChallenge text files: {@code frame, id, x, y, w, h, conf, ...}, one box per line, frames
 * 1-BASED on disk (frame N is decode index N-1 in memory), and {@code seqinfo.ini}.
 *
 * <p>Ground truth comes in two flavours ({@link Flavour}), which differ in columns 8-10:
 * <ul>
 *   <li>MOT16 and later (MOT17, MOT20): {@code class, visibility, unused}. Rows with
 *       {@code conf == 0} are "ignore" rows and are dropped; of the classified rows only class 1
 *       (pedestrian) is kept, distractor classes are dropped, and unlike the MOTChallenge devkit,
 *       hypotheses on them are not forgiven (they count as false positives, as in
 *       {@code motmetrics.utils.compare_to_groundtruth}). A row with class -1 (unclassified) is kept.</li>
 *   <li>MOT15 (2D MOT 2015, e.g. TUD-Campus, PETS09-S2L1): {@code world x, world y, world z}, often
 *       non-integers or -1; they are ignored. Every row with {@code conf != 0} is a pedestrian.</li>
 * </ul>
 * {@link #detectFlavour(Path)} tells them apart per file, see there for the rule.
 *
 * <p>Stateless and thread-safe.
 */
public final class MotChallengeFormat {

    private static final Logger log = LoggerFactory.getLogger(MotChallengeFormat.class);
    private static final String LAYOUT = "frame, id, x, y, w, h, conf, ...";
    /** Highest MOTChallenge class id: 1 pedestrian ... 12 reflection (MOT16/17), 13 crowd (MOT20). */
    static final int MAX_CLASS = 13;

    /** The layout of a ground-truth file's columns 8-10. */
    public enum Flavour {
        /** MOT 2015: columns 8-10 are world x, y, z (ignored); every row with conf != 0 is a pedestrian. */
        MOT15("frame, id, x, y, w, h, conf, world x, world y, world z"),
        /** MOT16, MOT17, MOT20: columns 8-10 are class, visibility, unused; only class 1 (or -1) is kept. */
        MOT16("frame, id, x, y, w, h, conf, class, visibility, unused");

        private final String layout;

        Flavour(String layout) {
            this.layout = layout;
        }

        /** {@code mot15} or {@code mot16}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        String describe() {
            return name() + " layout: " + layout;
        }
    }

    /** How one row's columns 8-10 fit the flavours. */
    private enum Fit { EITHER, MOT16, MOT15_ONLY }

    private MotChallengeFormat() {
    }

    /**
     * Reads a {@code gt.txt} of the flavour {@link #detectFlavour(Path)} finds, and the sequence's
     * {@code seqinfo.ini} when it lies beside the file or one folder up (the MOTChallenge layout
     * {@code SEQ/gt/gt.txt}, {@code SEQ/seqinfo.ini}).
     *
     * @throws BadInputException when the file is missing or a line is not a MOTChallenge row
     */
    public static GroundTruth readGroundTruth(Path gtFile) {
        return readGroundTruth(gtFile, detectFlavour(gtFile));
    }

    /**
     * Reads a {@code gt.txt} of the given flavour (see the class comment for which rows are kept),
     * and its {@code seqinfo.ini} as {@link #readGroundTruth(Path)} does.
     *
     * @throws BadInputException when the file is missing or a line is not a row of that flavour; the
     *                           message names the file, the line, the column and what was expected
     */
    public static GroundTruth readGroundTruth(Path gtFile, Flavour flavour) {
        List<GtBox> boxes = new ArrayList<>();
        Set<List<Long>> seen = new HashSet<>();
        TextRows.forEach(gtFile, row -> {
            row.requireFields(7, LAYOUT);
            GtBox box = new GtBox(frameOf(row), row.integer(1, "object id"), boxOf(row));
            double conf = row.number(6, "conf");
            boolean pedestrian = switch (flavour) {
                case MOT15 -> {
                    requireWorldCoordinates(row);
                    yield true;
                }
                case MOT16 -> {
                    long cls = classOf(row);
                    requireVisibility(row);
                    yield cls == -1 || cls == 1;
                }
            };
            if (conf == 0 || !pedestrian) {
                return;
            }
            requireUnique(seen, row, box.frame(), box.objectId(), "object");
            boxes.add(box);
        });
        return GroundTruth.of(boxes, findSequenceInfo(gtFile));
    }

    /**
     * Tells a ground-truth file's flavour by its columns 8-10, looking at every row:
     * <ul>
     *   <li>a row fits MOT16 when column 8 is a whole number in 1..13 (a class; 13 is MOT20's crowd)
     *       and column 9 a number in [0, 1] (a visibility);</li>
     *   <li>a row fits either flavour when it has fewer than 8 columns, or column 8 is -1 and column 9
     *       is -1 or absent: both flavours keep such a row when its conf is not 0;</li>
     *   <li>any other row (world coordinates such as {@code -4.1554, 12.034, 0}, or a value that is
     *       neither) fits MOT15 only.</li>
     * </ul>
     * The file is {@link Flavour#MOT16} when at least one row fits MOT16 and no row fits MOT15 only;
     * otherwise it is {@link Flavour#MOT15}. So a file whose columns 8-10 are all -1 (TUD-Campus),
     * or absent, is MOT15, which keeps the same rows as MOT16 would. A file that is mostly MOT16 with
     * a few rows that are not is read as MOT15, with a warning naming the first such line: use
     * {@code --gt-format mot16} to read it as MOT16 and have that line reported as an error.
     *
     * <p>Never throws on a malformed row: the reader of the flavour found reports it.
     *
     * @throws BadInputException when the file is missing or unreadable
     */
    public static Flavour detectFlavour(Path gtFile) {
        int[] counts = new int[Fit.values().length];
        int[] firstMot15Line = {0};
        TextRows.forEach(gtFile, row -> {
            Fit fit = fit(row);
            counts[fit.ordinal()]++;
            if (fit == Fit.MOT15_ONLY && firstMot15Line[0] == 0) {
                firstMot15Line[0] = row.line();
            }
        });
        int mot16 = counts[Fit.MOT16.ordinal()];
        int mot15Only = counts[Fit.MOT15_ONLY.ordinal()];
        if (mot16 > 0 && mot15Only == 0) {
            return Flavour.MOT16;
        }
        if (mot16 > mot15Only) {
            log.warn("event=gt_flavour_mixed file={} mot16_rows={} other_rows={} first_other_line={}: read as MOT15 (columns 8-10"
                    + " ignored, every row with conf != 0 kept); if it is MOT16+, pass --gt-format mot16 to see what is wrong"
                    + " on that line", gtFile, mot16, mot15Only, firstMot15Line[0]);
        }
        return Flavour.MOT15;
    }

    private static Fit fit(TextRows.Row row) {
        if (row.size() < 8) {
            return Fit.EITHER;
        }
        double cls = parseOrNaN(row.fields()[7]);
        double vis = row.size() > 8 ? parseOrNaN(row.fields()[8]) : Double.NaN;
        if (cls == -1 && (row.size() < 9 || vis == -1)) {
            return Fit.EITHER;
        }
        if (cls == Math.rint(cls) && cls >= 1 && cls <= MAX_CLASS && vis >= 0 && vis <= 1) {
            return Fit.MOT16;
        }
        return Fit.MOT15_ONLY;
    }

    private static double parseOrNaN(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** MOT16+ column 8: a class id in 1..13, or -1 (unclassified). */
    private static long classOf(TextRows.Row row) {
        if (row.size() < 8) {
            return -1;
        }
        String s = row.fields()[7];
        double v = parseOrNaN(s);
        if (v == Math.rint(v) && (v == -1 || (v >= 1 && v <= MAX_CLASS))) {
            return (long) v;
        }
        throw row.error("expected class (a whole number 1.." + MAX_CLASS + ", or -1) in column 8, found '" + s + "' ("
                + Flavour.MOT16.describe() + (Double.isFinite(v) ? "; if columns 8-10 are world coordinates, the file is"
                + " MOT15: use --gt-format mot15" : "") + ")");
    }

    /** MOT16+ column 9: a visibility ratio in [0, 1], or -1 (not annotated). */
    private static void requireVisibility(TextRows.Row row) {
        if (row.size() < 9) {
            return;
        }
        String s = row.fields()[8];
        double v = parseOrNaN(s);
        if (!(v == -1 || (v >= 0 && v <= 1))) {
            throw row.error("expected visibility (a number in [0, 1], or -1) in column 9, found '" + s + "' ("
                    + Flavour.MOT16.describe() + ")");
        }
    }

    /** MOT15 columns 8-10, where present: world x, y, z, numbers (-1 when unknown). */
    private static void requireWorldCoordinates(TextRows.Row row) {
        String[] names = {"world x", "world y", "world z"};
        for (int col = 7; col < Math.min(10, row.size()); col++) {
            String s = row.fields()[col];
            if (!Double.isFinite(parseOrNaN(s))) {
                throw row.error("expected " + names[col - 7] + " (a number, or -1) in column " + (col + 1) + ", found '" + s
                        + "' (" + Flavour.MOT15.describe() + ")");
            }
        }
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

package io.footfall.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of {@code footfall eval}: one camera's tracking scores and counting errors against ground truth.
 * Immutable.
 *
 * @param camera        the camera's id
 * @param frames        frames scored (the run's decoded frames)
 * @param groundTruth   the ground-truth file
 * @param format        its format
 * @param gtPeople      distinct ground-truth persons in the scored frames
 * @param extent        how the ground truth's frames line up with the run's (what was left out, and why to look)
 * @param tracks        the tracker result file scored
 * @param trackedPeople distinct track ids in it (confirmed tracks: people the run saw)
 * @param tracking      CLEAR-MOT and identity scores
 * @param countsFrom    where the run's crossings come from: {@link #FROM_EVENTS} or {@link #FROM_TRACKS}
 * @param lines         counting error of each line, in configuration order
 */
public record EvalReport(String camera, long frames, Path groundTruth, GroundTruthFormat format, int gtPeople,
                         GroundTruthExtent extent, Path tracks,
                         int trackedPeople, MotMetrics tracking, String countsFrom, List<CountingError> lines) {

    /** Crossings as the run emitted them ({@code events.jsonl}). */
    public static final String FROM_EVENTS = "events";
    /** Crossings of the scored tracks replayed through the run's counting rules (another tracker's output). */
    public static final String FROM_TRACKS = "tracks";

    public EvalReport {
        lines = List.copyOf(lines);
    }

    /** What the user should check before trusting the scores, each naming the file; also in {@link #toJson()}. */
    public List<String> warnings() {
        return extent.warnings(groundTruth);
    }

    /** Harmless differences between the ground truth and the run, said so the numbers add up. */
    public List<String> notes() {
        return extent.notes(groundTruth);
    }

    /** Plain-text report for a terminal: a header, the tracking table, then one row per line. */
    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "camera %s, %d frames; ground truth %s (%s, %d people); tracks %s (%d ids)%n",
                camera, frames, groundTruth, format.label(), gtPeople, tracks, trackedPeople));
        out.append('\n').append(MotReport.table(Map.of(camera, tracking)));
        out.append('\n');
        if (lines.isEmpty()) {
            out.append("no counting lines configured for camera ").append(camera).append('\n');
            return out.toString();
        }
        int width = Math.max("line".length(), lines.stream().mapToInt(l -> l.line().length()).max().orElse(0));
        out.append(String.format(Locale.ROOT, "%-" + width + "s %6s %6s %7s %7s %7s %7s %7s   (run counts from %s)%n",
                "line", "GT in", "GT out", "run in", "run out", "in err", "out err", "abs err", countsFrom));
        for (CountingError e : lines) {
            out.append(String.format(Locale.ROOT, "%-" + width + "s %6d %6d %7d %7d %+7d %+7d %7d%n", e.line(),
                    e.groundTruth().in(), e.groundTruth().out(), e.run().in(), e.run().out(), e.inError(), e.outError(),
                    e.absError()));
        }
        return out.toString();
    }

    /** The report as JSON; ratios that are undefined (NaN) are {@code null}. */
    public ObjectNode toJson() {
        ObjectMapper json = io.footfall.json.Json.mapper();
        ObjectNode root = json.createObjectNode();
        root.put("camera", camera);
        root.put("frames", frames);
        ObjectNode gt = root.putObject("groundTruth");
        gt.put("file", groundTruth.toString());
        gt.put("format", format.label());
        gt.put("people", gtPeople);
        gt.putObject("pastRunEnd").put("boxes", extent.boxesPastEnd()).put("frames", extent.framesPastEnd());
        extent.seqLength().ifPresent(length -> gt.put("seqLength", length));
        ObjectNode tr = root.putObject("tracks");
        tr.put("file", tracks.toString());
        tr.put("people", trackedPeople);
        ObjectNode m = root.putObject("tracking");
        ratio(m, "mota", tracking.mota());
        ratio(m, "motp", tracking.motp());
        ratio(m, "idf1", tracking.idf1());
        ratio(m, "idp", tracking.idp());
        ratio(m, "idr", tracking.idr());
        ratio(m, "precision", tracking.precision());
        ratio(m, "recall", tracking.recall());
        m.put("idSwitches", tracking.idSwitches());
        m.put("falsePositives", tracking.falsePositives());
        m.put("misses", tracking.misses());
        m.put("gtCount", tracking.gtCount());
        m.put("matches", tracking.matches());
        m.put("predictions", tracking.predictions());
        root.put("countsFrom", countsFrom);
        ArrayNode ls = root.putArray("lines");
        for (CountingError e : lines) {
            ObjectNode l = ls.addObject();
            l.put("line", e.line());
            l.putObject("groundTruth").put("in", e.groundTruth().in()).put("out", e.groundTruth().out());
            l.putObject("run").put("in", e.run().in()).put("out", e.run().out());
            l.put("inError", e.inError());
            l.put("outError", e.outError());
            l.put("countError", e.countError());
            l.put("absError", e.absError());
        }
        ArrayNode warnings = root.putArray("warnings");
        warnings().forEach(warnings::add);
        ArrayNode notes = root.putArray("notes");
        notes().forEach(notes::add);
        return root;
    }

    /** Writes {@link #toJson()} to {@code file}, pretty-printed. */
    public void write(Path file) {
        io.footfall.json.Json.writeReport(file, toJson());
    }

    private static void ratio(ObjectNode node, String name, double v) {
        if (Double.isFinite(v)) {
            node.put(name, v);
        } else {
            node.putNull(name);
        }
    }
}

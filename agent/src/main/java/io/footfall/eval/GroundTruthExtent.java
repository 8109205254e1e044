package io.footfall.eval;

import io.footfall.BadInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a ground truth's frames line up with the frames a run decoded. Only the run's frames are scored, so
 * annotations past its end are left out; they are counted here and reported, because otherwise a run that
 * stopped early would score as if it were complete (py-motmetrics would count those boxes as misses).
 *
 * <p>Immutable.
 *
 * @param runFrames    frames the run decoded (0-based indexes below this are scored)
 * @param boxesPastEnd person boxes on frames at or after {@code runFrames}
 * @param framesPastEnd annotated frames at or after {@code runFrames}
 * @param lastFrame    the last annotated frame, 0-based
 * @param seqLength    the sequence length its {@code seqinfo.ini} states, when it has one
 */
public record GroundTruthExtent(long runFrames, int boxesPastEnd, int framesPastEnd, long lastFrame,
                                Optional<Long> seqLength) {

    /**
     * Annotations this many frames past the decoded end are only a note: VIRAT's annotations and a decoder that
     * drops the last frame or two commonly disagree by that much, and a warning on every such clip would hide the
     * ones that matter.
     */
    static final long DECODE_SLACK_FRAMES = 2;

    /**
     * Measures {@code gt} (read in full, not yet clipped) against a run of {@code runFrames} frames.
     *
     * @param file the ground-truth file, for messages
     * @throws BadInputException naming the file when it has no person boxes, or none in the run's frames: there is
     *                           nothing to score, and the scores would be undefined
     */
    public static GroundTruthExtent of(Path file, GroundTruth gt, long runFrames) {
        if (gt.byFrame().isEmpty()) {
            throw new BadInputException(file + ": no ground-truth person boxes (expected rows of annotated people;"
                    + " rows with conf 0 and other classes are not counted)");
        }
        var pastEnd = gt.byFrame().tailMap(runFrames, true);
        int boxesPastEnd = pastEnd.values().stream().mapToInt(List::size).sum();
        if (boxesPastEnd == gt.size()) {
            throw new BadInputException(file + ": none of its " + gt.size() + " person boxes lies in the run's " + runFrames
                    + " frames (the first is on the " + ordinal(gt.byFrame().firstKey()) + "); expected the ground truth"
                    + " of the video the run decoded");
        }
        return new GroundTruthExtent(runFrames, boxesPastEnd, pastEnd.size(), gt.byFrame().lastKey(),
                gt.info().map(SequenceInfo::length));
    }

    /** Whether boxes past the run's end are more than the {@link #DECODE_SLACK_FRAMES} a decoder may lose. */
    public boolean overrunsRun() {
        return lastFrame >= runFrames + DECODE_SLACK_FRAMES;
    }

    /** What the user should look at before trusting the scores: a run shorter than its ground truth. */
    public List<String> warnings(Path file) {
        List<String> out = new ArrayList<>();
        if (overrunsRun()) {
            out.add(file + ": " + pastEnd() + " past the run's last frame are not scored (the run decoded " + runFrames
                    + " frames, the ground truth goes on to the " + ordinal(lastFrame) + "); did the run stop early, or is"
                    + " it the ground truth of a longer video?");
        }
        seqLength.filter(length -> length != runFrames).ifPresent(length -> out.add(file + ": its seqinfo.ini says the"
                + " sequence has " + length + " frames (seqLength), but the run decoded " + runFrames + "; did the run stop"
                + " early, or is it the ground truth of another video?"));
        return out;
    }

    /** Harmless differences, said so the numbers add up: a frame or two of annotations past the decoded end. */
    public List<String> notes(Path file) {
        if (boxesPastEnd == 0 || overrunsRun()) {
            return List.of();
        }
        return List.of(file + ": " + pastEnd() + " just past the run's last frame are not scored (annotations often"
                + " run a frame or two past the decoded end)");
    }

    private String pastEnd() {
        return boxesPastEnd + " person box" + (boxesPastEnd == 1 ? "" : "es") + " on " + framesPastEnd + " frame"
                + (framesPastEnd == 1 ? "" : "s");
    }

    /** A 0-based frame index as the 1-based count people read ("the 142nd frame"), whatever the file's numbering. */
    private static String ordinal(long frame) {
        long n = frame + 1;
        String suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : switch ((int) (n % 10)) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return String.format(Locale.ROOT, "%d%s frame", n, suffix);
    }
}

package io.footfall.eval;

import io.footfall.BadInputException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The ground-truth file formats {@code footfall eval} reads. Stateless and thread-safe.
 */
public enum GroundTruthFormat {
    /** MOTChallenge {@code gt.txt}: comma-separated, 1-based frames (see {@link MotChallengeFormat}). */
    MOT,
    /** VIRAT Ground {@code *.viratdata.objects.txt}: 0-based frames, persons only (see {@link ViratFormat}). */
    VIRAT;

    private static final String VIRAT_SUFFIX = ".viratdata.objects.txt";

    /** VIRAT when the file is named {@code *.viratdata.objects.txt}, else MOTChallenge. */
    public static GroundTruthFormat detect(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(VIRAT_SUFFIX) ? VIRAT : MOT;
    }

    /** Parses {@code mot} or {@code virat}, any case. */
    public static GroundTruthFormat parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "mot" -> MOT;
            case "virat" -> VIRAT;
            default -> throw new BadInputException("--format must be mot or virat, got '" + s + "'");
        };
    }

    /**
     * Reads the person boxes of the frames before {@code frameCount} (annotations past the end of the
     * video as decoded are left out).
     *
     * @throws BadInputException when the file is missing or not in this format
     */
    public GroundTruth read(Path file, long frameCount) {
        return switch (this) {
            case MOT -> MotChallengeFormat.readGroundTruth(file).clipped(frameCount);
            case VIRAT -> ViratFormat.readPersons(file, frameCount);
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

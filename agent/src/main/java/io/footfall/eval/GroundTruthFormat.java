package io.footfall.eval;

import io.footfall.BadInputException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The ground-truth file formats {@code footfall eval} reads. Stateless and thread-safe.
 */
public enum GroundTruthFormat {
    /**
     * MOTChallenge {@code gt.txt} of either flavour, told by its content
     * ({@link MotChallengeFormat#detectFlavour(Path)}); {@link #resolve(Path)} says which.
     */
    MOT,
    /** MOTChallenge 2015 {@code gt.txt}: columns 8-10 are world coordinates, ignored (see {@link MotChallengeFormat}). */
    MOT15,
    /** MOTChallenge 2016 and later {@code gt.txt}: columns 8-9 are class and visibility (see {@link MotChallengeFormat}). */
    MOT16,
    /** VIRAT Ground {@code *.viratdata.objects.txt}: 0-based frames, persons only (see {@link ViratFormat}). */
    VIRAT;

    /** Every value {@link #parse(String)} accepts, for the options' help. */
    public static final String VALUES = "auto|mot|mot15|mot16|mot17|mot20|virat";
    private static final String VIRAT_SUFFIX = ".viratdata.objects.txt";
    private static final String OPTION = "--gt-format";

    /**
     * VIRAT when the file is named {@code *.viratdata.objects.txt}, else MOTChallenge of the flavour
     * its content shows ({@link #MOT15} or {@link #MOT16}).
     *
     * @throws BadInputException when a MOTChallenge file is missing or unreadable
     */
    public static GroundTruthFormat detect(Path file) {
        Path name = file.getFileName();
        boolean virat = name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(VIRAT_SUFFIX);
        return virat ? VIRAT : MOT.resolve(file);
    }

    /**
     * Parses a {@code --gt-format} value, any case: {@code auto} (empty: tell by the file's name and
     * content), {@code mot} (MOTChallenge, flavour by content), {@code mot15}, {@code mot16} (also
     * {@code mot17}, {@code mot20}: the same layout) or {@code virat}.
     */
    public static Optional<GroundTruthFormat> parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "auto" -> Optional.empty();
            case "mot" -> Optional.of(MOT);
            case "mot15" -> Optional.of(MOT15);
            case "mot16", "mot17", "mot20" -> Optional.of(MOT16);
            case "virat" -> Optional.of(VIRAT);
            default -> throw new BadInputException(OPTION + " must be one of " + VALUES + ", got '" + s + "'");
        };
    }

    /** This format, with {@link #MOT} narrowed to the flavour the file's content shows. */
    public GroundTruthFormat resolve(Path file) {
        if (this != MOT) {
            return this;
        }
        return switch (MotChallengeFormat.detectFlavour(file)) {
            case MOT15 -> MOT15;
            case MOT16 -> MOT16;
        };
    }

    /**
     * Reads all the person boxes, also those past the end of the video as decoded: the caller clips them
     * ({@link GroundTruth#clipped(long)}) after saying how many there are ({@link GroundTruthExtent}).
     *
     * @throws BadInputException when the file is missing or not in this format
     */
    public GroundTruth read(Path file) {
        return switch (this) {
            case MOT -> MotChallengeFormat.readGroundTruth(file);
            case MOT15 -> MotChallengeFormat.readGroundTruth(file, MotChallengeFormat.Flavour.MOT15);
            case MOT16 -> MotChallengeFormat.readGroundTruth(file, MotChallengeFormat.Flavour.MOT16);
            case VIRAT -> ViratFormat.readPersons(file, Long.MAX_VALUE);
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package io.footfall.eval;

import io.footfall.BadInputException;
import io.footfall.track.TrackerConfig;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The values a sweep tries for each threshold; an empty list keeps the configuration's value. Every combination is one
 * {@link SweepSetting}. Immutable.
 *
 * <p>ByteTrack starts tracks a fixed margin above its high threshold ({@code det_thresh = track_thresh + 0.1}), so
 * when the high threshold is swept and {@code newTrackThresh} is not, each setting keeps the configuration's margin
 * (capped at 1) rather than its absolute value, which a higher {@code highThresh} would overtake.
 */
public record SweepGrid(List<Float> minScores, List<Float> highThresh, List<Float> lowThresh, List<Float> newTrackThresh,
                        List<Float> matchThresh) {

    public SweepGrid {
        minScores = List.copyOf(minScores);
        highThresh = List.copyOf(highThresh);
        lowThresh = List.copyOf(lowThresh);
        newTrackThresh = List.copyOf(newTrackThresh);
        matchThresh = List.copyOf(matchThresh);
    }

    /**
     * Parses one option's values ({@code 0.1,0.2} or repeated options, already split at commas).
     *
     * @param option the option's name, for messages
     * @throws BadInputException when a value is empty, not a number or outside 0..1
     */
    public static List<Float> values(String option, List<String> raw) {
        Set<Float> out = new LinkedHashSet<>();
        for (String text : raw) {
            String v = text.strip();
            if (v.isEmpty()) {
                throw new BadInputException(option + ": empty value in '" + String.join(",", raw)
                        + "'; expected numbers within 0..1 separated by commas, e.g. 0.3,0.4,0.5");
            }
            float f;
            try {
                f = Float.parseFloat(v);
            } catch (NumberFormatException e) {
                throw new BadInputException(option + ": '" + v + "' is not a number; expected values within 0..1, e.g. 0.3,0.4,0.5");
            }
            if (!(f >= 0 && f <= 1)) {
                throw new BadInputException(option + ": " + v + " is outside 0..1; thresholds are scores between 0 and 1");
            }
            out.add(f);
        }
        return List.copyOf(out);
    }

    /**
     * Every combination, in option order, the configuration's values standing in for lists left empty.
     *
     * @param minScore the camera's configured detector threshold, if it has one
     * @param base     the camera's configured tracker
     */
    public List<SweepSetting> settings(Optional<Float> minScore, TrackerConfig base) {
        Objects.requireNonNull(base, "base");
        List<Optional<Float>> mins = minScores.isEmpty() ? List.of(minScore) : minScores.stream().map(Optional::of).toList();
        float margin = base.newTrackThresh() - base.trackThresh();
        List<SweepSetting> out = new ArrayList<>();
        for (Optional<Float> min : mins) {
            for (float high : or(highThresh, base.trackThresh())) {
                for (float low : or(lowThresh, base.lowThresh())) {
                    List<Float> newTrack = newTrackThresh.isEmpty()
                            ? List.of(highThresh.isEmpty() ? base.newTrackThresh() : Math.min(1f, round(high + margin)))
                            : newTrackThresh;
                    for (float start : newTrack) {
                        for (float match : or(matchThresh, base.matchThresh())) {
                            out.add(new SweepSetting(min, high, low, start, match));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Which thresholds vary, e.g. {@code minScore x3, highThresh x2}; for the progress line. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        add(parts, "minScore", minScores);
        add(parts, "highThresh", highThresh);
        add(parts, "lowThresh", lowThresh);
        add(parts, "newTrackThresh", newTrackThresh);
        add(parts, "matchThresh", matchThresh);
        return parts.isEmpty() ? "nothing swept (the configuration's setting only)" : String.join(", ", parts);
    }

    private static void add(List<String> parts, String name, List<Float> values) {
        if (!values.isEmpty()) {
            parts.add(String.format(Locale.ROOT, "%s x%d", name, values.size()));
        }
    }

    private static List<Float> or(List<Float> values, float fallback) {
        return values.isEmpty() ? List.of(fallback) : values;
    }

    /** Sums like 0.5 + 0.1 come out as 0.6, not 0.6000001, so the setting prints and compares as written. */
    private static float round(float v) {
        return Math.round(v * 1e4f) / 1e4f;
    }
}

package io.footfall.track;

import io.footfall.BadInputException;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Appearance in the tracker (BoT-SORT-style): whether a re-identification model helps association, and how.
 * Off by default, and then the tracker is exactly ByteTrack. Immutable; thread-safe.
 *
 * @param model            the re-identification model (a model catalogue name), empty when appearance is off
 * @param matchDistance    a tracked person and a detection overlapping it are the same person only if their
 *                         appearance is at most this far apart (BoT-SORT's {@code appearance_thresh} 0.25)
 * @param recoverDistance  a lost person is recovered by appearance alone (no overlap needed) only if this close;
 *                         stricter than {@code matchDistance}, since nothing else vouches for the match
 * @param recoverWithin    how long a lost person stays recoverable by appearance (longer than the motion model's
 *                         lost timeout: this is what bridges a long occlusion)
 * @param refreshEvery     a followed person's appearance is sampled again after this long
 * @param emaAlpha         weight of the gallery in its exponential moving average (BoT-SORT 0.9)
 * @param visitWindow      how long the on-device visitor gallery remembers a person who left, to recognise them
 *                         when they come back (at most a day: it is a count of returns, not a record of people)
 * @param minAbsence       a person seen again after at least this long away is a returning visitor; sooner, it is
 *                         the same visit (a track broken by occlusion)
 * @param visitDistance    a finished track is a visitor already in the gallery only if this close: stricter than
 *                         the tracker's thresholds, since no position vouches for it (two different people on the
 *                         one-by-one clip measured 0.117 apart; the same person replayed 0.00-0.07)
 * @param staffGallery     the encrypted file of enrolled staff ({@code footfall staff enroll}); empty: staff are not
 *                         told apart
 * @param staffDistance    a track this close to an enrolled person is staff
 */
public record AppearanceConfig(Optional<String> model, double matchDistance, double recoverDistance,
                               Duration recoverWithin, Duration refreshEvery, double emaAlpha, Duration visitWindow,
                               Duration minAbsence, double visitDistance, Optional<java.nio.file.Path> staffGallery,
                               double staffDistance) {
    public static final String DEFAULT_MODEL = "person-reidentification-retail-0288";
    public static final double DEFAULT_MATCH_DISTANCE = 0.25;
    public static final double DEFAULT_RECOVER_DISTANCE = 0.25;
    public static final Duration DEFAULT_RECOVER_WITHIN = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REFRESH_EVERY = Duration.ofMillis(500);
    public static final double DEFAULT_EMA_ALPHA = 0.9;
    public static final Duration DEFAULT_VISIT_WINDOW = Duration.ofHours(4);
    public static final Duration DEFAULT_MIN_ABSENCE = Duration.ofSeconds(30);
    public static final double DEFAULT_VISIT_DISTANCE = 0.1;
    public static final double DEFAULT_STAFF_DISTANCE = 0.15;

    public AppearanceConfig {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(recoverWithin, "recoverWithin");
        Objects.requireNonNull(refreshEvery, "refreshEvery");
        Objects.requireNonNull(visitWindow, "visitWindow");
        Objects.requireNonNull(minAbsence, "minAbsence");
        Objects.requireNonNull(staffGallery, "staffGallery");
        require(staffDistance > 0 && staffDistance <= 1, "tracker.appearance.staffDistance: expected a value in (0, 1], got "
                + staffDistance);
        require(matchDistance > 0 && matchDistance <= 1, "tracker.appearance.matchDistance: expected a value in (0, 1], got "
                + matchDistance);
        require(recoverDistance > 0 && recoverDistance <= matchDistance,
                "tracker.appearance.recoverDistance: expected a value in (0, matchDistance=" + matchDistance + "], got "
                        + recoverDistance);
        require(!recoverWithin.isNegative(), "tracker.appearance.recoverWithinSeconds: expected zero or more, got "
                + recoverWithin);
        require(!refreshEvery.isNegative(), "tracker.appearance.refreshSeconds: expected zero or more, got " + refreshEvery);
        require(emaAlpha >= 0 && emaAlpha < 1, "tracker.appearance.emaAlpha: expected a value in [0, 1), got " + emaAlpha);
        require(!visitWindow.isNegative() && visitWindow.compareTo(Duration.ofDays(1)) <= 0,
                "tracker.appearance.visitWindowMinutes: expected 0 to 1440 minutes, got " + visitWindow);
        require(!minAbsence.isNegative() && minAbsence.compareTo(visitWindow) <= 0,
                "tracker.appearance.minAbsenceSeconds: expected zero up to the visit window, got " + minAbsence);
        require(visitDistance > 0 && visitDistance <= 1, "tracker.appearance.visitDistance: expected a value in (0, 1], got "
                + visitDistance);
    }

    /** Appearance off: the tracker associates by motion and overlap only. */
    public static AppearanceConfig off() {
        return new AppearanceConfig(Optional.empty(), DEFAULT_MATCH_DISTANCE, DEFAULT_RECOVER_DISTANCE,
                DEFAULT_RECOVER_WITHIN, DEFAULT_REFRESH_EVERY, DEFAULT_EMA_ALPHA, DEFAULT_VISIT_WINDOW, DEFAULT_MIN_ABSENCE,
                DEFAULT_VISIT_DISTANCE, Optional.empty(), DEFAULT_STAFF_DISTANCE);
    }

    /** Appearance on with {@code model} and the measured defaults. */
    public static AppearanceConfig with(String model) {
        return new AppearanceConfig(Optional.of(model), DEFAULT_MATCH_DISTANCE, DEFAULT_RECOVER_DISTANCE,
                DEFAULT_RECOVER_WITHIN, DEFAULT_REFRESH_EVERY, DEFAULT_EMA_ALPHA, DEFAULT_VISIT_WINDOW, DEFAULT_MIN_ABSENCE,
                DEFAULT_VISIT_DISTANCE, Optional.empty(), DEFAULT_STAFF_DISTANCE);
    }

    /** The same, telling enrolled staff apart with the gallery in {@code file}. */
    public AppearanceConfig withStaffGallery(java.nio.file.Path file) {
        return new AppearanceConfig(model, matchDistance, recoverDistance, recoverWithin, refreshEvery, emaAlpha,
                visitWindow, minAbsence, visitDistance, Optional.of(file), staffDistance);
    }

    public boolean enabled() {
        return model.isPresent();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new BadInputException(message);
        }
    }
}

package io.footfall.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A store's footfall as a store manager reads it: people in and out per hour and per day (per camera and for the
 * store), the peak hour, occupancy over the day, how long visits lasted, and what is missing. A missing value is
 * {@link Optional#empty()} (a gap), never zero: an hour nobody watched is not an hour nobody came. Immutable;
 * built by {@link ReportBuilder}, drawn by {@link TableRenderer}, {@link CsvRenderer}, {@link ChartRenderer}.
 */
public record FootfallReport(String store, String source, ZoneId zone, List<String> cameras, List<HourRow> hours,
                             List<DayRow> days, List<PeakHour> peaks, List<OccupancyRow> occupancy,
                             List<OccupancyPoint> occupancyTimeline, List<DwellBucket> dwell, List<Gap> gaps,
                             List<ReportInput.DataLoss> losses, List<VisitorDay> visitors) {

    /** The store total's pseudo camera. */
    public static final String STORE = "(store)";

    /** Whole seconds as every form of the report shows them (rounded), so the table and the CSV agree. */
    public static long seconds(long millis) {
        return Math.round(millis / 1000.0);
    }

    /**
     * A row about one real hour. Its {@code start} is in the report's zone: the hour repeated when clocks go back is
     * two hours (told apart by their offset), and an hour the clocks skip is none.
     */
    public interface Hourly {
        ZonedDateTime start();

        default LocalDate day() {
            return start().toLocalDate();
        }

        /** The local clock hour the row starts at; not unique within a day where clocks go back. */
        default int hour() {
            return start().getHour();
        }
    }

    /**
     * One hour of one camera (or {@link #STORE}). {@code in}/{@code out} are empty when nothing observed the hour.
     *
     * @param observedMillis how much of the hour the camera(s) actually watched (store: the least-watched camera)
     */
    public record HourRow(ZonedDateTime start, String camera, Optional<Integer> in, Optional<Integer> out,
                          long observedMillis) implements Hourly {
        public double coverage() {
            return Math.min(1.0, observedMillis / 3_600_000.0);
        }

        public boolean gap() {
            return in.isEmpty();
        }
    }

    /**
     * One day of one camera (or {@link #STORE}). {@code in}/{@code out} are empty when the camera sent nothing that
     * day; a day between the first and the last of the report on which no camera sent anything is such a row too.
     *
     * @param gapHours how many hours of the day's span (its first to last hour any camera reported) had no data;
     *                 empty on a day no camera reported, which has no span
     */
    public record DayRow(LocalDate day, String camera, Optional<Integer> in, Optional<Integer> out, long observedMillis,
                         Optional<Integer> gapHours) {
        /** A day nothing at all arrived for: a gap, not a day nobody came. */
        static DayRow noData(LocalDate day, String camera) {
            return new DayRow(day, camera, Optional.empty(), Optional.empty(), 0, Optional.empty());
        }

        public boolean gap() {
            return in.isEmpty();
        }
    }

    /**
     * Distinct and returning visitors of one day and camera (or {@link #STORE}: the store's gallery is shared by its
     * cameras, so the store's distinct visitors are the sum of its cameras'). Only where cameras had appearance on.
     */
    public record VisitorDay(LocalDate day, String camera, int distinct, int returning) {
    }

    /** The hour (starting at {@code start}) with the most people coming in, store-wide, of one day. */
    public record PeakHour(ZonedDateTime start, int in) implements Hourly {
    }

    /** One hour of one zone: time-weighted mean and maximum number of people present; empty = not observed. */
    public record OccupancyRow(ZonedDateTime start, String camera, String zone, Optional<Double> mean,
                               Optional<Integer> max) implements Hourly {
    }

    /** One aggregate interval of one zone, for the occupancy chart. */
    public record OccupancyPoint(String camera, String zone, Instant start, Instant end, double mean, int max) {
    }

    /** How many finished visits of a zone lasted between {@code fromSeconds} (inclusive) and {@code toSeconds}. */
    public record DwellBucket(String camera, String zone, String label, long fromSeconds, long toSeconds, int visits) {
    }

    /**
     * Time a camera did not watch: between two aggregates (nothing arrived), or inside one (the camera delivered no
     * frames for part of the interval).
     */
    public record Gap(String camera, Instant from, Instant to, long missingMillis, Kind kind, String reason) {
        /** Whether nothing arrived for the stretch, or an interval arrived that was only partly watched. */
        public enum Kind { NOT_REPORTED, PARTLY_WATCHED }
    }
}

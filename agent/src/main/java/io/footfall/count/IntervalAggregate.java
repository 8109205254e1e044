package io.footfall.count;

import java.time.Instant;
import java.util.List;

/**
 * Totals of one camera over one wall-clock interval {@code [start, end)}, aligned to the epoch (for 60 s:
 * whole minutes). The first and last intervals of a stream are usually partial: {@link #observedMillis()}
 * says how much of the interval frames covered. Immutable; thread-safe.
 *
 * @param observedMillis time covered by frames (each frame stands for the time until the next frame, at
 *                       most {@code maxFrameGap})
 * @param lines          per line, in configuration order: final crossings whose time is in the interval
 * @param zones          per zone, in configuration order
 */
public record IntervalAggregate(String id, String deviceId, String cameraId, Instant start, Instant end,
                                long observedMillis, List<LineTotals> lines, List<ZoneStats> zones, Visitors visitors)
        implements CountEvent {

    public IntervalAggregate {
        lines = List.copyOf(lines);
        zones = List.copyOf(zones);
    }

    @Override
    public Instant at() {
        return start;
    }

    /** Crossings of one line. */
    /** {@code staffIn}/{@code staffOut}: how many of them were enrolled staff; null when staff are not told apart. */
    public record LineTotals(String line, int in, int out, Integer staffIn, Integer staffOut) {
        public LineTotals(String line, int in, int out) {
            this(line, in, out, null, null);
        }
    }

    /**
     * People who arrived in the interval: {@code distinct} first seen today (within the visit window), {@code
     * returning} seen before and back after an absence. Null on an aggregate when appearance is off.
     */
    public record Visitors(int distinct, int returning) {
    }

    /**
     * One zone. Occupancy is time-weighted over the observed time (a count held for 3 s weighs three
     * times one held for 1 s, whatever the frame rate); min and max over the observed time; all 0 when
     * nothing was observed.
     *
     * @param visits entries whose time is in the interval
     * @param dwell  visits whose exit time is in the interval
     */
    public record ZoneStats(String zone, int occupancyMin, int occupancyMax, double occupancyMean, int visits,
                            DwellStats dwell) {
    }
}

package io.footfall.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * Totals of one camera over one wall-clock interval {@code [start, end)}. {@code observedMillis} says how much of
 * the interval frames covered: less than the interval means a gap (camera down, run started or stopped inside it),
 * never zero people. {@code at} equals {@code start}.
 */
@JsonPropertyOrder({"schema", "id", "type", "store", "device", "camera", "at", "start", "end", "observedMillis", "lines", "zones"})
public record AggregateRecord(int schema, String id, String store, String device, String camera, String at, String start,
                              String end, long observedMillis, List<LineTotals> lines, List<ZoneTotals> zones)
        implements WireRecord {
    public static final String TYPE = "aggregate";

    public AggregateRecord {
        lines = List.copyOf(lines);
        zones = List.copyOf(zones);
    }

    @Override
    @JsonProperty("type")
    public String type() {
        return TYPE;
    }

    /** Crossings of one line in one interval. */
    public record LineTotals(String line, int in, int out) {
    }

    /** One zone in one interval: occupancy (time-weighted mean), visits begun, dwell of visits ended. */
    public record ZoneTotals(String zone, int occupancyMin, int occupancyMax, double occupancyMean, int visits,
                             int dwellVisits, long dwellMeanMillis, long dwellP50Millis, long dwellP90Millis) {
    }
}

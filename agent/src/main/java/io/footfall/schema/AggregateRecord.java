package io.footfall.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * Totals of one camera over one wall-clock interval {@code [start, end)}. {@code observedMillis} says how much of
 * the interval frames covered: less than the interval means a gap (camera down, run started or stopped inside it),
 * never zero people. {@code at} equals {@code start}. With appearance on, {@code visitors} counts the distinct people
 * who arrived in the interval and {@code returning} those who came back after an absence (counts, never
 * identities); both are absent when appearance is off.
 */
@JsonPropertyOrder({"schema", "id", "type", "store", "device", "camera", "at", "start", "end", "observedMillis", "lines", "zones",
        "visitors", "returning"})
public record AggregateRecord(int schema, String id, String store, String device, String camera, String at, String start,
                              String end, long observedMillis, List<LineTotals> lines, List<ZoneTotals> zones,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Integer visitors,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Integer returning)
        implements WireRecord {
    public static final String TYPE = "aggregate";

    /** Without visitor counts (appearance off). */
    public AggregateRecord(int schema, String id, String store, String device, String camera, String at, String start,
                           String end, long observedMillis, List<LineTotals> lines, List<ZoneTotals> zones) {
        this(schema, id, store, device, camera, at, start, end, observedMillis, lines, zones, null, null);
    }

    public AggregateRecord {
        lines = List.copyOf(lines);
        zones = List.copyOf(zones);
    }

    @Override
    @JsonProperty("type")
    public String type() {
        return TYPE;
    }

    /** Crossings of one line in one interval; {@code staffIn}/{@code staffOut} (of them) only with a staff gallery. */
    @JsonPropertyOrder({"line", "in", "out", "staffIn", "staffOut"})
    public record LineTotals(String line, int in, int out, @JsonInclude(JsonInclude.Include.NON_NULL) Integer staffIn,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Integer staffOut) {
        public LineTotals(String line, int in, int out) {
            this(line, in, out, null, null);
        }
    }

    /** One zone in one interval: occupancy (time-weighted mean), visits begun, dwell of visits ended. */
    public record ZoneTotals(String zone, int occupancyMin, int occupancyMax, double occupancyMean, int visits,
                             int dwellVisits, long dwellMeanMillis, long dwellP50Millis, long dwellP90Millis) {
    }
}

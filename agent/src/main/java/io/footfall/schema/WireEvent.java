package io.footfall.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.footfall.count.CountEvent;
import io.footfall.count.CrossingCancelled;
import io.footfall.count.IntervalAggregate;
import io.footfall.count.LineCrossing;
import io.footfall.count.ZoneEntered;
import io.footfall.count.ZoneExited;

import java.util.List;
import java.util.Locale;

/**
 * The wire form of every record Footfall emits: the one schema that the JSON-lines files, the outbox,
 * IoT Hub telemetry, the count files in Blob storage and the Cosmos DB documents all share.
 * Field names are stable; {@code schema} says which version of this shape a record has.
 *
 * <p>{@code type} is one of {@code crossing}, {@code crossing-cancelled}, {@code zone-enter},
 * {@code zone-exit}, {@code aggregate}. Fields that do not apply to a type are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"schema", "id", "type", "device", "camera", "at", "line", "zone", "direction", "trackId", "frame",
        "ptsMillis", "dwellMillis", "reason", "crossedPtsMillis", "start", "end", "observedMillis", "lines", "zones"})
public record WireEvent(
        int schema,
        String id,
        String type,
        String device,
        String camera,
        String at,
        String line,
        String zone,
        String direction,
        Long trackId,
        Long frame,
        Long ptsMillis,
        Long dwellMillis,
        String reason,
        Long crossedPtsMillis,
        String start,
        String end,
        Long observedMillis,
        List<LineTotals> lines,
        List<ZoneTotals> zones) {

    public static final int SCHEMA_VERSION = 1;

    public static final String CROSSING = "crossing";
    public static final String CROSSING_CANCELLED = "crossing-cancelled";
    public static final String ZONE_ENTER = "zone-enter";
    public static final String ZONE_EXIT = "zone-exit";
    public static final String AGGREGATE = "aggregate";

    /** Crossings of one line in one interval. */
    public record LineTotals(String line, int in, int out) {
    }

    /** One zone in one interval: occupancy (time-weighted mean), visits begun, dwell of visits ended. */
    public record ZoneTotals(String zone, int occupancyMin, int occupancyMax, double occupancyMean, int visits,
                             int dwellVisits, long dwellMeanMillis, long dwellP50Millis, long dwellP90Millis) {
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isAggregate() {
        return AGGREGATE.equals(type);
    }

    public static WireEvent of(CountEvent e) {
        if (e instanceof LineCrossing c) {
            return new WireEvent(SCHEMA_VERSION, c.id(), CROSSING, c.deviceId(), c.cameraId(), c.at().toString(), c.line(), null,
                    lower(c.direction()), c.trackId().value(), c.frame(), c.ptsMillis(), null, null, null, null, null, null, null, null);
        }
        if (e instanceof CrossingCancelled c) {
            return new WireEvent(SCHEMA_VERSION, c.id(), CROSSING_CANCELLED, c.deviceId(), c.cameraId(), c.at().toString(), c.line(),
                    null, lower(c.direction()), c.trackId().value(), c.frame(), c.ptsMillis(), null, null, c.crossedPtsMillis(),
                    null, null, null, null, null);
        }
        if (e instanceof ZoneEntered z) {
            return new WireEvent(SCHEMA_VERSION, z.id(), ZONE_ENTER, z.deviceId(), z.cameraId(), z.at().toString(), null, z.zone(),
                    null, z.trackId().value(), z.frame(), z.ptsMillis(), null, null, null, null, null, null, null, null);
        }
        if (e instanceof ZoneExited z) {
            return new WireEvent(SCHEMA_VERSION, z.id(), ZONE_EXIT, z.deviceId(), z.cameraId(), z.at().toString(), null, z.zone(),
                    null, z.trackId().value(), z.frame(), z.ptsMillis(), z.dwellMillis(), lower(z.reason()), null, null, null, null,
                    null, null);
        }
        IntervalAggregate a = (IntervalAggregate) e;
        return new WireEvent(SCHEMA_VERSION, a.id(), AGGREGATE, a.deviceId(), a.cameraId(), a.at().toString(), null, null, null,
                null, null, null, null, null, null, a.start().toString(), a.end().toString(), a.observedMillis(),
                a.lines().stream().map(l -> new LineTotals(l.line(), l.in(), l.out())).toList(),
                a.zones().stream().map(z -> new ZoneTotals(z.zone(), z.occupancyMin(), z.occupancyMax(),
                        Math.round(z.occupancyMean() * 1000) / 1000.0, z.visits(), z.dwell().visits(), z.dwell().meanMillis(),
                        z.dwell().p50Millis(), z.dwell().p90Millis())).toList());
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

package io.footfall.schema;

import io.footfall.count.CountEvent;
import io.footfall.count.CrossingCancelled;
import io.footfall.count.IntervalAggregate;
import io.footfall.count.LineCrossing;
import io.footfall.count.ZoneEntered;
import io.footfall.count.ZoneExited;

import java.util.Locale;

/** Turns the analytics' events into their wire records. Stateless. */
public final class WireRecords {
    private WireRecords() {
    }

    /** @param store the store (site) the device belongs to */
    public static WireRecord of(CountEvent event, String store) {
        int v = WireRecord.SCHEMA_VERSION;
        if (event instanceof LineCrossing c) {
            return new CrossingRecord(v, c.id(), store, c.deviceId(), c.cameraId(), c.at().toString(), c.line(),
                    lower(c.direction()), c.trackId().value(), c.frame(), c.ptsMillis(), c.staff());
        }
        if (event instanceof CrossingCancelled c) {
            return new CrossingCancelledRecord(v, c.id(), store, c.deviceId(), c.cameraId(), c.at().toString(), c.line(),
                    lower(c.direction()), c.trackId().value(), c.frame(), c.ptsMillis(), c.crossedPtsMillis());
        }
        if (event instanceof ZoneEntered z) {
            return new ZoneEnterRecord(v, z.id(), store, z.deviceId(), z.cameraId(), z.at().toString(), z.zone(),
                    z.trackId().value(), z.frame(), z.ptsMillis());
        }
        if (event instanceof ZoneExited z) {
            return new ZoneExitRecord(v, z.id(), store, z.deviceId(), z.cameraId(), z.at().toString(), z.zone(),
                    z.trackId().value(), z.frame(), z.ptsMillis(), z.dwellMillis(), lower(z.reason()));
        }
        IntervalAggregate a = (IntervalAggregate) event;
        return new AggregateRecord(v, a.id(), store, a.deviceId(), a.cameraId(), a.at().toString(), a.start().toString(),
                a.end().toString(), a.observedMillis(),
                a.lines().stream().map(l -> new AggregateRecord.LineTotals(l.line(), l.in(), l.out(), l.staffIn(), l.staffOut()))
                        .toList(),
                a.zones().stream().map(z -> new AggregateRecord.ZoneTotals(z.zone(), z.occupancyMin(), z.occupancyMax(),
                        Math.round(z.occupancyMean() * 1000) / 1000.0, z.visits(), z.dwell().visits(),
                        z.dwell().meanMillis(), z.dwell().p50Millis(), z.dwell().p90Millis())).toList(),
                a.visitors() == null ? null : a.visitors().distinct(), a.visitors() == null ? null : a.visitors().returning());
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

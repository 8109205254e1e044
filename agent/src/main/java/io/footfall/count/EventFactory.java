package io.footfall.count;

import io.footfall.track.TrackId;
import java.time.Instant;
import java.util.List;

/**
 * Builds the events of one camera with deterministic ids. Wall-clock milliseconds (not pts) go into the
 * ids, so a live camera restarted with a new start instant cannot reuse an id, while replaying a file with
 * the same configured start gives the same ids. Stateless after construction; thread-safe.
 */
final class EventFactory {
    private final String deviceId;
    private final String cameraId;
    private final Instant start;
    /** Who is staff, when a staff gallery is enrolled; null when staff are not told apart. */
    private java.util.function.Predicate<TrackId> staff;

    EventFactory(String deviceId, String cameraId, Instant start) {
        this.deviceId = Names.check("device", deviceId);
        this.cameraId = Names.check("camera", cameraId);
        this.start = start;
    }

    Instant at(long ptsMillis) {
        return start.plusMillis(ptsMillis);
    }

    long epochMillis(long ptsMillis) {
        return start.toEpochMilli() + ptsMillis;
    }

    LineCrossing crossing(String line, Direction direction, TrackId track, long frame, long pts) {
        return new LineCrossing(id("crossing", line, track, pts), deviceId, cameraId, line, direction, track,
                frame, pts, at(pts), staff == null ? null : staff.test(track));
    }

    CrossingCancelled cancelled(LineCrossing withdrawn, long frame, long pts) {
        return new CrossingCancelled(id("crossing-cancelled", withdrawn.line(), withdrawn.trackId(), pts),
                deviceId, cameraId, withdrawn.line(), withdrawn.direction(), withdrawn.trackId(),
                withdrawn.frame(), withdrawn.ptsMillis(), frame, pts, at(pts));
    }

    ZoneEntered entered(String zone, TrackId track, long frame, long pts) {
        return new ZoneEntered(id("zone-entered", zone, track, pts), deviceId, cameraId, zone, track, frame, pts,
                at(pts));
    }

    ZoneExited exited(String zone, TrackId track, long frame, long pts, long dwellMillis, ZoneExited.Reason reason) {
        return new ZoneExited(id("zone-exited", zone, track, pts), deviceId, cameraId, zone, track, frame, pts,
                at(pts), dwellMillis, reason);
    }

    /**
     * An interval's totals. When the analytics began inside the interval (a restart, a live reconfiguration), the
     * record covers only a segment of it, from {@code segmentStartEpochMillis}: its id says so, so that it never
     * takes the id of the segment before it and the cloud side sums the segments of an interval.
     */
    void tellStaff(java.util.function.Predicate<TrackId> isStaff) {
        this.staff = isStaff;
    }

    IntervalAggregate aggregate(long startEpochMillis, long lengthMillis, long segmentStartEpochMillis, long observedMillis,
                                List<IntervalAggregate.LineTotals> lines, List<IntervalAggregate.ZoneStats> zones,
                                IntervalAggregate.Visitors visitors) {
        Instant from = Instant.ofEpochMilli(startEpochMillis);
        String id = RecordIds.aggregate(deviceId, cameraId, lengthMillis, startEpochMillis, segmentStartEpochMillis);
        return new IntervalAggregate(id, deviceId, cameraId, from, from.plusMillis(lengthMillis), observedMillis,
                lines, zones, visitors);
    }

    private String id(String kind, String name, TrackId track, long pts) {
        return RecordIds.event(deviceId, cameraId, kind, name, track.value(), epochMillis(pts));
    }
}

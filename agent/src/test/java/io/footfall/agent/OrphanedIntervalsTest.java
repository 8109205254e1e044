package io.footfall.agent;

import io.footfall.count.AnalyticsConfig;
import io.footfall.schema.AggregateRecord;
import io.footfall.schema.CrossingRecord;
import io.footfall.schema.WireCodec;
import io.footfall.schema.WireRecord;
import io.footfall.schema.ZoneEnterRecord;
import io.footfall.store.Outbox;
import io.footfall.store.OutboxConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run killed inside an interval left crossings with no aggregate; the next start writes that aggregate as a
 * segment, so the hour's totals summed from aggregates equal the crossings stored: nothing lost, nothing twice.
 */
class OrphanedIntervalsTest {
    private static final String DEV = "dev-1";
    private static final String CAM = "cam-1";

    @TempDir
    Path dir;
    /** The id separator of the records planted: today's {@code :}, or the {@code /} of agents before 2026-12. */
    private String sep = ":";

    @Test
    void eventsAfterTheLastClosedIntervalBecomeASegmentAggregate() {
        try (Outbox outbox = Outbox.open(OutboxConfig.of(dir, DEV))) {
            // 09:00 closed normally with 2 in; the run was killed at 09:01:40 after 3 more in and one visit.
            append(outbox, crossing("09:00:10", 1), crossing("09:00:50", 2), aggregate("09:00:00", 2));
            append(outbox, crossing("09:01:05", 3), crossing("09:01:20", 4), crossing("09:01:35", 5), enter("09:01:30", 5));
            append(outbox, new CrossingRecord(1, "dev-1:other:crossing:door:t9:1", "s", DEV, "other", "2026-11-25T09:01:10Z",
                    "door", "in", 9, 1, 1)); // another camera's: not ours to recover

            List<WireRecord> recovered = OrphanedIntervals.recover(outbox, "s", DEV, CAM, AnalyticsConfig.defaults(),
                    Optional.empty());

            assertThat(recovered).hasSize(1);
            AggregateRecord a = (AggregateRecord) recovered.get(0);
            assertThat(a.start()).isEqualTo("2026-11-25T09:01:00Z");
            assertThat(a.id()).isEqualTo("dev-1:cam-1:interval-60s:2026-11-25T09:01:00Z");
            assertThat(a.lines()).containsExactly(new AggregateRecord.LineTotals("door", 3, 0));
            assertThat(a.zones()).singleElement().satisfies(z -> assertThat(z.visits()).isEqualTo(1));
            long hourIn = 2 + a.lines().get(0).in();
            assertThat(hourIn).as("the hour's aggregates sum to the stored crossings").isEqualTo(5);
        }
    }

    @Test
    void theRecordsOfAnAgentBeforeCosmosSafeIdsAreRecoveredToo() {
        sep = "/";
        try (Outbox outbox = Outbox.open(OutboxConfig.of(dir, DEV))) {
            append(outbox, crossing("09:00:10", 1), aggregate("09:00:00", 1), crossing("09:01:05", 2));
            List<WireRecord> recovered = OrphanedIntervals.recover(outbox, "s", DEV, CAM, AnalyticsConfig.defaults(),
                    Optional.empty());
            assertThat(recovered).singleElement().satisfies(r -> {
                assertThat(r.id()).as("new records take the new shape").isEqualTo("dev-1:cam-1:interval-60s:2026-11-25T09:01:00Z");
                assertThat(((AggregateRecord) r).lines()).containsExactly(new AggregateRecord.LineTotals("door", 1, 0));
            });
        }
    }

    @Test
    void aReplayFromTheSameStartRecoversNothingItReEmitsThoseEventsItself() {
        try (Outbox outbox = Outbox.open(OutboxConfig.of(dir, DEV))) {
            append(outbox, crossing("09:00:10", 1), aggregate("09:00:00", 1), crossing("09:01:05", 2));
            assertThat(OrphanedIntervals.recover(outbox, "s", DEV, CAM, AnalyticsConfig.defaults(),
                    Optional.of(Instant.parse("2026-11-25T09:00:00Z")))).isEmpty();
        }
    }

    @Test
    void eventsAheadOfTheRestartsClockAreRecoveredToo() {
        // Killed at 09:01:40; after the power loss the clock stepped back, and the camera starts again at 09:01:10. Its
        // events have other ids than the crashed run's: those stored must still reach an aggregate.
        try (Outbox outbox = Outbox.open(OutboxConfig.of(dir, DEV))) {
            append(outbox, crossing("09:00:10", 1), aggregate("09:00:00", 1), crossing("09:01:05", 2),
                    crossing("09:01:35", 3));
            List<WireRecord> recovered = OrphanedIntervals.recover(outbox, "s", DEV, CAM, AnalyticsConfig.defaults(),
                    Optional.empty());
            assertThat(recovered).singleElement().satisfies(r ->
                    assertThat(((AggregateRecord) r).lines()).containsExactly(new AggregateRecord.LineTotals("door", 2, 0)));
        }
    }

    @Test
    void aRunThatClosedItsIntervalsLeavesNothingToRecover() {
        try (Outbox outbox = Outbox.open(OutboxConfig.of(dir, DEV))) {
            append(outbox, crossing("09:00:10", 1), aggregate("09:00:00", 1));
            assertThat(OrphanedIntervals.recover(outbox, "s", DEV, CAM, AnalyticsConfig.defaults(),
                    Optional.empty())).isEmpty();
        }
    }

    private static void append(Outbox outbox, WireRecord... records) {
        for (WireRecord r : records) {
            outbox.append(r.type(), r.id(), r.atInstant().toEpochMilli(), WireCodec.encode(r));
        }
        outbox.flush();
    }

    private CrossingRecord crossing(String time, long track) {
        String at = "2026-11-25T" + time + "Z";
        return new CrossingRecord(1, String.join(sep, DEV, CAM, "crossing", "door", "t" + track, Long.toString(Instant.parse(at).toEpochMilli())), "s", DEV,
                CAM, at, "door", "in", track, 1, 1);
    }

    private ZoneEnterRecord enter(String time, long track) {
        String at = "2026-11-25T" + time + "Z";
        return new ZoneEnterRecord(1, String.join(sep, DEV, CAM, "zone-entered", "room", "t" + track, Long.toString(Instant.parse(at).toEpochMilli())), "s",
                DEV, CAM, at, "room", track, 1, 1);
    }

    private AggregateRecord aggregate(String start, int in) {
        Instant s = Instant.parse("2026-11-25T" + start + "Z");
        return new AggregateRecord(1, String.join(sep, DEV, CAM, "interval-60s", s.toString()), "s", DEV, CAM, s.toString(), s.toString(),
                s.plusSeconds(60).toString(), 60_000, List.of(new AggregateRecord.LineTotals("door", in, 0)), List.of());
    }
}

package io.footfall.agent;

import io.footfall.count.AnalyticsConfig;
import io.footfall.pipeline.JsonLinesSink;
import io.footfall.schema.AggregateRecord;
import io.footfall.schema.CrossingRecord;
import io.footfall.schema.WireCodec;
import io.footfall.schema.WireRecord;
import io.footfall.store.Outbox;
import io.footfall.store.OutboxConfig;
import io.footfall.store.OutboxRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store that lost its newest records to damage gets them back from the data folder's JSON lines, under their own
 * ids: the aggregate of a lost interval comes back as it was, instead of being rebuilt with fewer counts under the
 * same id (which a destination that upserts by id would take over the right one).
 */
class LostRecordsTest {
    private static final String DEV = "dev-1";
    private static final String CAM = "cam-1";
    private static final Duration SLACK = Duration.ofMinutes(2);
    private static final Duration MAX_AGE = Duration.ofDays(30);

    @TempDir
    Path dir;

    /** An hour ago, on the minute: inside the store's age limit whenever the test runs. */
    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));

    @Test
    void theLostRecordsComeBackWithTheirIdsAndTheLostIntervalIsNotRebuiltSmaller() throws Exception {
        WireRecord c1 = crossing(10, 1);
        WireRecord a0 = aggregate(0, 1);
        WireRecord c2 = crossing(65, 2);
        WireRecord c3 = crossing(90, 3);
        WireRecord a1 = aggregate(60, 2);
        WireRecord c4 = crossing(125, 4);
        try (JsonLinesSink lines = new JsonLinesSink(dir)) {
            write(lines, c1, a0, c2);
            Files.copy(dir.resolve(Outbox.FILE_NAME), dir.resolve("before.mv.db"));
            write(lines, c3, a1, c4);
        }
        // The file as it was three records ago, its high-water mark as it is: the store lost records 4..6.
        Files.move(dir.resolve("before.mv.db"), dir.resolve(Outbox.FILE_NAME), StandardCopyOption.REPLACE_EXISTING);

        long opened = System.currentTimeMillis();
        try (Outbox outbox = Outbox.open(OutboxConfig.of(dir, DEV))) {
            assertThat(outbox.dataLoss()).as("the loss is found").isNotEmpty();
            assertThat(LostRecords.restore(outbox, dir, opened, SLACK, MAX_AGE)).isEqualTo(3);

            List<OutboxRecord> all = outbox.read(1, Long.MAX_VALUE, 100);
            assertThat(all).extracting(OutboxRecord::id).containsExactly(c1.id(), a0.id(), c2.id(), c3.id(), a1.id(), c4.id());
            AggregateRecord back = (AggregateRecord) WireCodec.decode(all.get(4).payload());
            assertThat(back).isEqualTo(a1);

            // What crash recovery does next: only the interval that never closed is rebuilt; 09:01's aggregate stands.
            List<WireRecord> rebuilt = OrphanedIntervals.recover(outbox, "s", DEV, CAM, AnalyticsConfig.defaults(),
                    Optional.empty());
            assertThat(rebuilt).extracting(WireRecord::id).doesNotContain(a1.id()).hasSize(1);

            assertThat(LostRecords.restore(outbox, dir, opened, SLACK, MAX_AGE)).as("idempotent").isZero();
        }
        try (Outbox again = Outbox.open(OutboxConfig.of(dir, DEV))) {
            assertThat(LostRecords.restore(again, dir, System.currentTimeMillis(), SLACK, MAX_AGE))
                    .as("a later start without a new loss reads nothing").isZero();
        }
    }

    @Test
    void recordsRetentionRemovedLongBeforeTheLossStayRemoved() throws Exception {
        WireRecord old = crossing(-3 * 3600, 9); // three hours before the others: retention's, not the loss's
        WireRecord c1 = crossing(10, 1);
        WireRecord c2 = crossing(20, 2);
        try (JsonLinesSink lines = new JsonLinesSink(dir)) {
            lines.accept(List.of(old)); // in the JSON lines only: the store removed it long ago
            write(lines, c1);
            Files.copy(dir.resolve(Outbox.FILE_NAME), dir.resolve("before.mv.db"));
            write(lines, c2);
        }
        Files.move(dir.resolve("before.mv.db"), dir.resolve(Outbox.FILE_NAME), StandardCopyOption.REPLACE_EXISTING);
        long opened = System.currentTimeMillis();
        try (Outbox outbox = Outbox.open(OutboxConfig.of(dir, DEV))) {
            assertThat(LostRecords.restore(outbox, dir, opened, SLACK, MAX_AGE)).isEqualTo(1);
            assertThat(outbox.read(1, Long.MAX_VALUE, 100)).extracting(OutboxRecord::id).containsExactly(c1.id(), c2.id());
        }
    }

    /** As the agent writes: the outbox (opened, appended, closed) and the JSON lines. */
    private void write(JsonLinesSink lines, WireRecord... records) throws Exception {
        try (Outbox outbox = Outbox.open(OutboxConfig.of(dir, DEV))) {
            for (WireRecord r : records) {
                outbox.append(r.type(), r.id(), r.atInstant().toEpochMilli(), WireCodec.encode(r));
            }
            outbox.flush();
        }
        lines.accept(List.of(records));
    }

    private CrossingRecord crossing(long second, long track) {
        Instant at = t0.plusSeconds(second);
        return new CrossingRecord(1, String.join(":", DEV, CAM, "crossing", "door", "t" + track,
                Long.toString(at.toEpochMilli())), "s", DEV, CAM, at.toString(), "door", "in", track, 1, 1);
    }

    private AggregateRecord aggregate(long second, int in) {
        Instant s = t0.plusSeconds(second);
        return new AggregateRecord(1, String.join(":", DEV, CAM, "interval-60s", s.toString()), "s", DEV, CAM,
                s.toString(), s.toString(), s.plusSeconds(60).toString(), 60_000,
                List.of(new AggregateRecord.LineTotals("door", in, 0)), List.of());
    }
}

package io.footfall.store;

import io.footfall.testing.MutableClock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxRetentionTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T08:00:00Z"));

    private OutboxConfig config(long quotaBytes) {
        return OutboxConfig.builder(dir, "dev-r").quotaBytes(quotaBytes).maxAge(Duration.ofDays(7))
                .clock(clock).commitPolicy(CommitPolicy.batch(500, Duration.ofSeconds(1))).build();
    }

    private static void appendCrossings(Outbox o, int from, int to) {
        for (int i = from; i <= to; i++) {
            o.append("crossing", Payloads.id(i), Payloads.crossing(i));
        }
        o.flush();
    }

    private long appendClip(Outbox o, int n, long bytes) {
        return o.appendClip("clip-" + n, dir.resolve("clips/clip-" + n + ".mp4"), bytes,
                ("{\"clip\":" + n + "}").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void offlineQuotaDropsOldestUndeliveredAndCountsThemPersistently() {
        long quota = 64 * 1024;
        try (Outbox o = Outbox.open(config(quota))) {
            OutboxTailer iothub = o.tailer("iothub"); // offline: never acknowledges
            appendCrossings(o, 1, 2000);
            RetentionReport r = o.enforceRetention();

            assertThat(r.usageBytesBefore()).isGreaterThan(quota);
            assertThat(r.usageBytesAfter()).isLessThanOrEqualTo((long) (quota * Outbox.QUOTA_LOW_WATER));
            assertThat(r.deliveredEvicted()).isZero();
            long dropped = r.droppedNow().get("crossing");
            OutboxStats s = o.stats();
            assertThat(s.recordCount() + dropped).isEqualTo(2000);
            assertThat(s.firstSequence()).isEqualTo(dropped + 1);
            assertThat(s.lastSequence()).isEqualTo(2000);
            assertThat(s.dropped().get("crossing")).isEqualTo(
                    new DroppedRange("crossing", dropped, 1, dropped, clock.millis()));
            // The offline destination resumes at the oldest record still kept.
            assertThat(iothub.poll(1)).extracting(OutboxRecord::sequence).containsExactly(dropped + 1);
        }
        try (Outbox o = Outbox.open(config(quota))) {
            DroppedRange d = o.dropped().get("crossing");
            assertThat(d.count()).isPositive();
            assertThat(o.stats().dropped()).containsEntry("crossing", d);
            assertThat(o.stats().usageBytes()).isLessThanOrEqualTo(quota);
            assertThat(o.append("crossing", "next", Payloads.crossing(2001))).isEqualTo(2001);
        }
    }

    @Test
    void clipsGoBeforeUndeliveredCountsAndTheirFilesAreReported() {
        try (Outbox o = Outbox.open(config(80 * 1024))) {
            o.tailer("iothub");
            appendCrossings(o, 1, 50);
            long c1 = appendClip(o, 1, 30 * 1024);
            appendCrossings(o, 51, 100);
            long c2 = appendClip(o, 2, 30 * 1024);
            long c3 = appendClip(o, 3, 30 * 1024);
            o.flush();

            RetentionReport r = o.enforceRetention();
            assertThat(r.clipFilesToDelete()).containsExactly(dir.resolve("clips/clip-1.mp4"),
                    dir.resolve("clips/clip-2.mp4"));
            assertThat(r.droppedNow()).containsOnlyKeys("clip").containsEntry("clip", 2L);
            assertThat(o.stats().countsPerKind()).containsEntry("crossing", 100L).containsEntry("clip", 1L);
            assertThat(o.get(c1)).isEmpty();
            assertThat(o.get(c2)).isEmpty();
            assertThat(o.get(c3)).isPresent();
            assertThat(o.clipReferences()).extracting(ClipReference::sequence).containsExactly(c3);
            assertThat(o.dropped().get("clip")).isEqualTo(new DroppedRange("clip", 2, c1, c2, clock.millis()));
        }
    }

    @Test
    void deliveredRecordsGoFirstUnderQuotaAndOnlyWhenEveryDestinationAcknowledged() {
        long usage;
        long clip;
        try (Outbox o = Outbox.open(config(1024 * 1024))) {
            OutboxTailer iothub = o.tailer("iothub");
            OutboxTailer blob = o.tailer("blob");
            appendCrossings(o, 1, 200);
            clip = appendClip(o, 1, 1024);
            o.flush();
            iothub.ack(150);
            blob.ack(60);
            usage = o.stats().usageBytes();
        }
        long perRecord = (usage - 1024) / 200;
        // A quota whose low-water mark needs about 30 records removed: fewer than the 60 delivered to both.
        long quota = (long) ((usage - 30 * perRecord) / Outbox.QUOTA_LOW_WATER);
        try (Outbox o = Outbox.open(config(quota))) {
            RetentionReport r = o.enforceRetention();
            assertThat(r.droppedNow()).isEmpty();
            assertThat(r.deliveredEvicted()).isBetween(29L, 32L);
            assertThat(r.clipFilesToDelete()).isEmpty();
            assertThat(o.get(clip)).isPresent();
            assertThat(o.stats().firstSequence()).isEqualTo(r.deliveredEvicted() + 1);
            assertThat(o.dropped()).isEmpty();
        }
    }

    @Test
    void maxAgeRemovesDeliveredRecordsAndOldClipsButNeverUndeliveredCounts() {
        try (Outbox o = Outbox.open(config(1024 * 1024 * 1024))) {
            OutboxTailer iothub = o.tailer("iothub");
            appendCrossings(o, 1, 10);
            appendClip(o, 1, 5000);
            o.flush();
            clock.advance(Duration.ofDays(8));
            appendCrossings(o, 12, 20);
            iothub.ack(5);

            RetentionReport r = o.enforceRetention();
            assertThat(r.deliveredEvicted()).isEqualTo(5);
            assertThat(r.clipFilesToDelete()).containsExactly(dir.resolve("clips/clip-1.mp4"));
            assertThat(r.droppedNow()).containsOnly(Map.entry("clip", 1L));
            List<OutboxRecord> left = o.read(1, Long.MAX_VALUE, 100);
            assertThat(left).extracting(OutboxRecord::sequence)
                    .containsExactly(6L, 7L, 8L, 9L, 10L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L, 20L);
            assertThat(o.stats().clipBytes()).isZero();
        }
    }

    @Test
    void withoutAnyDestinationNothingCountsAsDelivered() {
        try (Outbox o = Outbox.open(config(1024 * 1024))) {
            appendCrossings(o, 1, 10);
            clock.advance(Duration.ofDays(30));
            RetentionReport r = o.enforceRetention();
            assertThat(r.deliveredEvicted()).isZero();
            assertThat(o.stats().recordCount()).isEqualTo(10);
        }
    }

    @Test
    void removedDestinationNoLongerHoldsBackRetention() {
        try (Outbox o = Outbox.open(config(1024 * 1024))) {
            o.tailer("iothub");
            OutboxTailer blob = o.tailer("blob");
            appendCrossings(o, 1, 10);
            blob.ack(10);
            clock.advance(Duration.ofDays(30));
            assertThat(o.enforceRetention().deliveredEvicted()).isZero();
            o.removeTailer("iothub");
            assertThat(o.enforceRetention().deliveredEvicted()).isEqualTo(10);
            assertThat(o.cursors()).containsOnlyKeys("blob");
        }
    }

    @Test
    void scheduledRetentionHandsReportsToTheListener() throws InterruptedException {
        BlockingQueue<RetentionReport> reports = new LinkedBlockingQueue<>();
        try (Outbox o = Outbox.open(config(4 * 1024))) {
            appendCrossings(o, 1, 100);
            o.scheduleRetention(Duration.ofMillis(20), reports::add);
            RetentionReport r = reports.poll(10, TimeUnit.SECONDS);
            assertThat(r).isNotNull();
            assertThat(r.droppedTotal()).isPositive();
        }
    }

    @Test
    void fileFarOverQuotaIsRewrittenAndKeepsCursorsCountersAndConfig() throws Exception {
        try (Outbox o = Outbox.open(config(1024 * 1024))) {
            OutboxTailer iothub = o.tailer("iothub");
            appendCrossings(o, 1, 20_000);
            o.configHistory().save("a: 1".getBytes(StandardCharsets.UTF_8));
            long before = Files.size(o.file());
            RetentionReport r = o.enforceRetention(); // quota 1 MB: drops most of ~5 MB, then rewrites the file
            assertThat(r.droppedTotal()).isPositive();
            assertThat(r.fileSizeBytes()).isLessThan(before / 2).isEqualTo(Files.size(o.file()))
                    .isLessThanOrEqualTo((long) (1024 * 1024 * Outbox.FILE_COMPACT_FACTOR));
            assertThat(o.compact()).isLessThanOrEqualTo(r.fileSizeBytes() + 64 * 1024);
            // Still open and writable after the rewrite.
            assertThat(o.append("crossing", "after", Payloads.crossing(20_001))).isEqualTo(20_001);
            assertThat(iothub.poll(1)).extracting(OutboxRecord::sequence).containsExactly(r.droppedTotal() + 1);
        }
        try (Outbox o = Outbox.open(config(1024 * 1024))) {
            OutboxStats s = o.stats();
            assertThat(s.lastSequence()).isEqualTo(20_001);
            assertThat(s.dropped()).containsKey("crossing");
            assertThat(s.cursors()).containsEntry("iothub", 0L);
            assertThat(s.configVersions()).isEqualTo(1);
            assertThat(o.get(20_000).orElseThrow().payload()).isEqualTo(Payloads.crossing(20_000));
            assertThat(s.recordCount()).isEqualTo(20_001 - s.dropped().get("crossing").count());
        }
    }
}

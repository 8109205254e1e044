package io.footfall.store;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link RetentionPlanner} on plain lists: no store, no files, no clock but the number it is given. */
class RetentionPlannerTest {
    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final long NOW = 100 * DAY;
    private static final Duration MAX_AGE = Duration.ofDays(7);

    private final List<RetentionPlanner.Item> records = new ArrayList<>();

    private RetentionPlanner.Item count(long seq, long createdMillis) {
        RetentionPlanner.Item item = new RetentionPlanner.Item(seq, "crossing", createdMillis, 100, null);
        records.add(item);
        return item;
    }

    private RetentionPlanner.Item clip(long seq, long createdMillis, long fileBytes) {
        RetentionPlanner.Item item = new RetentionPlanner.Item(seq, "clip", createdMillis, 100,
                new ClipReference(seq, Path.of("/clips/" + seq + ".mp4"), fileBytes, createdMillis));
        records.add(item);
        return item;
    }

    private RetentionPlanner.Plan plan(long quota, Map<String, Long> acks) {
        long usage = records.stream().mapToLong(RetentionPlanner.Item::usageBytes).sum();
        List<RetentionPlanner.Item> clips = records.stream().filter(i -> i.clip() != null).toList();
        return RetentionPlanner.plan(new RetentionPlanner.Input(records, clips, usage, quota, MAX_AGE, acks, NOW));
    }

    private static List<Long> sequences(RetentionPlanner.Plan p) {
        return p.evictions().stream().map(e -> e.item().sequence()).toList();
    }

    @Test
    void underQuotaAndYoungNothingGoes() {
        for (int i = 1; i <= 10; i++) {
            count(i, NOW - DAY);
        }
        RetentionPlanner.Plan p = plan(1_000_000, Map.of("iothub", 10L));
        assertThat(p.isEmpty()).isTrue();
        assertThat(p.usageBytesAfter()).isEqualTo(p.usageBytesBefore()).isEqualTo(1000);
    }

    @Test
    void ageRemovesDeliveredCountsAndAnyOldClipButNeverUndeliveredCounts() {
        count(1, NOW - 10 * DAY);
        count(2, NOW - 10 * DAY);
        clip(3, NOW - 10 * DAY, 5000);
        count(4, NOW - 10 * DAY); // old but undelivered: kept
        clip(5, NOW - DAY, 5000); // young clip: kept
        RetentionPlanner.Plan p = plan(Long.MAX_VALUE, Map.of("iothub", 2L));
        assertThat(sequences(p)).containsExactly(1L, 2L, 3L);
        assertThat(p.evictions()).extracting(RetentionPlanner.Eviction::delivered).containsExactly(true, true, false);
        assertThat(p.clipFiles()).containsExactly(Path.of("/clips/3.mp4"));
    }

    @Test
    void ageStopsAtTheFirstYoungRecordEvenIfLaterOnesAreOld() {
        count(1, NOW - 10 * DAY);
        count(2, NOW - DAY);
        count(3, NOW - 10 * DAY); // older than 2 but after it: sequences are the order
        assertThat(sequences(plan(Long.MAX_VALUE, Map.of("a", 3L)))).containsExactly(1L);
    }

    @Test
    void overQuotaDeliveredFirstThenClipsThenUndeliveredDownToTheLowWaterMark() {
        for (int i = 1; i <= 4; i++) {
            count(i, NOW - DAY); // 1..4 delivered
        }
        clip(5, NOW - DAY, 1000);
        for (int i = 6; i <= 20; i++) {
            count(i, NOW - DAY);
        }
        clip(21, NOW - DAY, 1000);
        // usage = 21 * 100 + 2000 = 4100; quota 2500 -> target 2250: free 1850
        RetentionPlanner.Plan p = plan(2500, Map.of("iothub", 4L, "blob", 9L));
        // delivered to both = 1..4 (400), then clips 5 and 21 (2200) -> 1500 left, under target
        assertThat(sequences(p)).containsExactly(1L, 2L, 3L, 4L, 5L, 21L);
        assertThat(p.usageBytesAfter()).isEqualTo(1500).isLessThanOrEqualTo((long) (2500 * RetentionPlanner.QUOTA_LOW_WATER));
        assertThat(p.evictions()).extracting(RetentionPlanner.Eviction::delivered)
                .containsExactly(true, true, true, true, false, false);
    }

    @Test
    void offlineOverQuotaDropsOldestUndeliveredCounts() {
        for (int i = 1; i <= 30; i++) {
            count(i, NOW - DAY);
        }
        RetentionPlanner.Plan p = plan(2000, Map.of("iothub", 0L)); // 3000 used, target 1800: drop 12
        assertThat(sequences(p)).containsExactlyElementsOf(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L));
        assertThat(p.evictions()).noneMatch(RetentionPlanner.Eviction::delivered);
        assertThat(p.usageBytesAfter()).isEqualTo(1800);
    }

    @Test
    void noDestinationMeansNothingIsDelivered() {
        count(1, NOW - 30 * DAY);
        assertThat(RetentionPlanner.deliveredUpTo(Map.of())).isZero();
        assertThat(plan(Long.MAX_VALUE, Map.of()).isEmpty()).isTrue();
        assertThat(RetentionPlanner.deliveredUpTo(Map.of("a", 7L, "b", 3L))).isEqualTo(3);
    }

    @Test
    void aClipRemovedForAgeIsNotPlannedTwice() {
        clip(1, NOW - 10 * DAY, 10_000);
        count(2, NOW - DAY);
        RetentionPlanner.Plan p = plan(5_000, Map.of("iothub", 1L)); // age step takes the delivered clip already
        assertThat(sequences(p)).containsExactly(1L);
        assertThat(p.evictions().get(0).delivered()).isTrue();
    }

    @Test
    void readsOnlyAsFarAsItNeeds() {
        AtomicInteger pulled = new AtomicInteger();
        Iterable<RetentionPlanner.Item> many = () -> new Iterator<>() {
            long next = 1;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public RetentionPlanner.Item next() {
                pulled.incrementAndGet();
                return new RetentionPlanner.Item(next++, "crossing", NOW - DAY, 100, null);
            }
        };
        // An endless store, quota hit by 1000 bytes: frees a few records and stops reading.
        RetentionPlanner.Plan p = RetentionPlanner.plan(new RetentionPlanner.Input(many, List.of(), 1_001_000,
                1_000_000, MAX_AGE, Map.of("iothub", 0L), NOW));
        assertThat(p.evictions()).hasSize(1010);
        assertThat(pulled.get()).isLessThan(5000);
    }
}

package io.footfall.store;

import io.footfall.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboxTest {
    @TempDir
    Path dir;

    private OutboxConfig config() {
        return OutboxConfig.of(dir, "dev-1");
    }

    @Test
    void appendsGetIncreasingSequencesThatContinueAfterReopen() {
        try (Outbox o = Outbox.open(config())) {
            assertThat(o.append("crossing", "a", Payloads.crossing(1))).isEqualTo(1);
            assertThat(o.append("zone", "b", Payloads.crossing(2))).isEqualTo(2);
            assertThat(o.durableSequence()).isEqualTo(2);
        }
        try (Outbox o = Outbox.open(config())) {
            assertThat(o.lastSequence()).isEqualTo(2);
            assertThat(o.append("aggregate", "c", 123L, Payloads.crossing(3))).isEqualTo(3);
            OutboxRecord r = o.get(3).orElseThrow();
            assertThat(r).isEqualTo(new OutboxRecord(3, "aggregate", "c", 123L, Payloads.crossing(3)));
            assertThat(o.get(1).orElseThrow().payload()).isEqualTo(Payloads.crossing(1));
        }
    }

    @Test
    void storeBelongsToOneDevice() {
        Outbox.open(config()).close();
        assertThatThrownBy(() -> Outbox.open(OutboxConfig.of(dir, "dev-2")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(dir.resolve(Outbox.FILE_NAME).toString())
                .hasMessageContaining("dev-1").hasMessageContaining("dev-2");
    }

    @Test
    void readOnlyOpenOfMissingStoreIsBadInputAndCreatesNothing() {
        assertThatThrownBy(() -> Outbox.open(OutboxConfig.readOnly(dir)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("no outbox store at");
        assertThat(dir.resolve(Outbox.FILE_NAME)).doesNotExist();
    }

    @Test
    void clipKindNeedsAppendClip() {
        try (Outbox o = Outbox.open(config())) {
            assertThatThrownBy(() -> o.append("clip", "x", new byte[0])).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> o.append("", "x", new byte[0])).isInstanceOf(IllegalArgumentException.class);
            assertThat(o.lastSequence()).isZero();
        }
    }

    @Test
    void batchPolicyIsDurableAtBatchSizeOrFlushAndTailersSeeOnlyDurable() {
        OutboxConfig cfg = config().withCommitPolicy(CommitPolicy.batch(3, Duration.ofHours(1)));
        try (Outbox o = Outbox.open(cfg)) {
            OutboxTailer t = o.tailer("iothub");
            o.append("crossing", "a", Payloads.crossing(1));
            o.append("crossing", "b", Payloads.crossing(2));
            assertThat(o.durableSequence()).isZero();
            assertThat(t.poll(10)).isEmpty();
            o.append("crossing", "c", Payloads.crossing(3));
            assertThat(o.durableSequence()).isEqualTo(3);
            o.append("crossing", "d", Payloads.crossing(4));
            assertThat(t.poll(10)).extracting(OutboxRecord::sequence).containsExactly(1L, 2L, 3L);
            assertThat(o.flush()).isEqualTo(4);
            assertThat(t.poll(10)).extracting(OutboxRecord::sequence).containsExactly(4L);
        }
    }

    @Test
    void batchPolicyCommitsAfterMaxDelayOnItsOwnThread() throws InterruptedException {
        OutboxConfig cfg = config().withCommitPolicy(CommitPolicy.batch(1000, Duration.ofMillis(50)));
        try (Outbox o = Outbox.open(cfg)) {
            o.append("crossing", "a", Payloads.crossing(1));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (o.durableSequence() < 1 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(o.durableSequence()).isEqualTo(1);
        }
    }

    @Test
    void unacknowledgedRecordsAreRedeliveredAfterReopenAndRewind() {
        try (Outbox o = Outbox.open(config())) {
            for (int i = 1; i <= 10; i++) {
                o.append("crossing", Payloads.id(i), Payloads.crossing(i));
            }
            OutboxTailer t = o.tailer("iothub");
            assertThat(t.poll(4)).extracting(OutboxRecord::sequence).containsExactly(1L, 2L, 3L, 4L);
            t.ack(4);
            assertThat(t.poll(3)).extracting(OutboxRecord::sequence).containsExactly(5L, 6L, 7L);
            t.rewind();
            assertThat(t.poll(1)).extracting(OutboxRecord::sequence).containsExactly(5L);
            assertThatThrownBy(() -> t.ack(11)).isInstanceOf(IllegalArgumentException.class);
        }
        try (Outbox o = Outbox.open(config())) {
            OutboxTailer t = o.tailer("iothub");
            assertThat(t.acknowledged()).isEqualTo(4);
            List<OutboxRecord> again = t.poll(100);
            assertThat(again).extracting(OutboxRecord::sequence).containsExactly(5L, 6L, 7L, 8L, 9L, 10L);
            assertThat(again.get(0).id()).isEqualTo(Payloads.id(5));
            assertThat(o.tailer("blob").poll(2)).extracting(OutboxRecord::sequence).containsExactly(1L, 2L);
            assertThat(o.cursors()).containsEntry("iothub", 4L).containsEntry("blob", 0L);
        }
    }

    @Test
    void statsCountKindsSequencesCursorsAndSize() {
        try (Outbox o = Outbox.open(config())) {
            o.append("crossing", "a", Payloads.crossing(1));
            o.append("crossing", "b", Payloads.crossing(2));
            o.append("aggregate", "c", Payloads.crossing(3));
            o.appendClip("d", dir.resolve("clip-1.mp4"), 1000, "{}".getBytes(StandardCharsets.UTF_8));
            o.tailer("iothub").ack(2);
            OutboxStats s = o.stats();
            assertThat(s.countsPerKind()).containsEntry("crossing", 2L).containsEntry("aggregate", 1L)
                    .containsEntry("clip", 1L);
            assertThat(s.recordCount()).isEqualTo(4);
            assertThat(s.firstSequence()).isEqualTo(1);
            assertThat(s.lastSequence()).isEqualTo(4);
            assertThat(s.durableSequence()).isEqualTo(4);
            assertThat(s.cursors()).containsEntry("iothub", 2L);
            assertThat(s.clipBytes()).isEqualTo(1000);
            assertThat(s.liveBytes()).isGreaterThan(3 * 200);
            assertThat(s.fileSizeBytes()).isPositive();
            assertThat(s.deviceId()).isEqualTo("dev-1");
        }
        try (Outbox o = Outbox.open(config())) {
            assertThat(o.stats().countsPerKind()).containsEntry("crossing", 2L).containsEntry("clip", 1L);
            assertThat(o.clipReferences()).singleElement()
                    .satisfies(c -> assertThat(c.file()).isEqualTo(dir.resolve("clip-1.mp4")));
        }
    }

    @Test
    void configHistoryKeepsVersionsAcrossReopen() {
        try (Outbox o = Outbox.open(config())) {
            assertThat(o.configHistory().latest()).isEmpty();
            assertThat(o.configHistory().save("a: 1".getBytes(StandardCharsets.UTF_8))).isEqualTo(1);
            assertThat(o.configHistory().save("a: 2".getBytes(StandardCharsets.UTF_8))).isEqualTo(2);
        }
        try (Outbox o = Outbox.open(config())) {
            assertThat(o.configHistory().all()).extracting(ConfigVersion::version).containsExactly(1L, 2L);
            assertThat(new String(o.configHistory().latest().orElseThrow().document(), StandardCharsets.UTF_8))
                    .isEqualTo("a: 2");
        }
    }

    @Test
    void policyParsesAndRejectsNonsense() {
        assertThat(CommitPolicy.parse("always")).isEqualTo(CommitPolicy.always());
        assertThat(CommitPolicy.parse("batch:100:250")).isEqualTo(CommitPolicy.batch(100, Duration.ofMillis(250)));
        assertThatThrownBy(() -> CommitPolicy.parse("batch:x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batch:x");
        assertThatThrownBy(() -> CommitPolicy.batch(0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clockAndIdsArePreserved() {
        MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
        try (Outbox o = Outbox.open(config().withClock(clock))) {
            o.append("crossing", "id-with-ünïcode", Payloads.crossing(1));
            OutboxRecord r = o.get(1).orElseThrow();
            assertThat(r.createdMillis()).isEqualTo(clock.millis());
            assertThat(r.id()).isEqualTo("id-with-ünïcode");
        }
    }

    @Test
    void tailerReadsSurviveConcurrentCompaction() throws Exception {
        int records = 5000;
        try (Outbox o = Outbox.open(config().withCommitPolicy(CommitPolicy.batch(500, Duration.ofMillis(10))))) {
            for (int i = 1; i <= records; i++) {
                o.append("crossing", Payloads.id(i), Payloads.crossing(i));
            }
            o.flush();
            OutboxTailer t = o.tailer("iothub");
            AtomicReference<Throwable> error = new AtomicReference<>();
            AtomicLong deliveredRounds = new AtomicLong();
            Thread reader = new Thread(() -> {
                try {
                    for (int round = 0; round < 20; round++) {
                        long expected = 1;
                        for (List<OutboxRecord> b; !(b = t.poll(50)).isEmpty(); ) {
                            for (OutboxRecord r : b) {
                                assertThat(r.sequence()).isEqualTo(expected++);
                            }
                        }
                        assertThat(expected - 1).isEqualTo(records);
                        deliveredRounds.incrementAndGet();
                        t.rewind();
                    }
                } catch (Throwable e) {
                    error.set(e);
                }
            });
            reader.start();
            while (reader.isAlive()) {
                o.compact();
            }
            assertThat(error.get()).isNull();
            assertThat(deliveredRounds.get()).isEqualTo(20);
        }
    }
}

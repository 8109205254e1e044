package io.footfall.store;

import io.footfall.testing.MutableClock;

import io.footfall.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        OutboxConfig cfg = config().toBuilder().commitPolicy(CommitPolicy.batch(3, Duration.ofHours(1))).build();
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
        OutboxConfig cfg = config().toBuilder().commitPolicy(CommitPolicy.batch(1000, Duration.ofMillis(50))).build();
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
        try (Outbox o = Outbox.open(config().toBuilder().clock(clock).build())) {
            o.append("crossing", "id-with-ünïcode", Payloads.crossing(1));
            OutboxRecord r = o.get(1).orElseThrow();
            assertThat(r.createdMillis()).isEqualTo(clock.millis());
            assertThat(r.id()).isEqualTo("id-with-ünïcode");
        }
    }

    @Test
    void tailerReadsSurviveConcurrentCompaction() throws Exception {
        int records = 5000;
        try (Outbox o = Outbox.open(config().toBuilder().commitPolicy(CommitPolicy.batch(500, Duration.ofMillis(10))).build())) {
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

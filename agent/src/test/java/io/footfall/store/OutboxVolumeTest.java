package io.footfall.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 100k records appended by one thread while another drains them through a tailer: delivery is in order with no
 * loss or duplicate, and the reopened file holds every record byte-for-byte. No timing assertions (see OutboxBench).
 */
class OutboxVolumeTest {
    private static final int RECORDS = 100_000;
    private static final String[] KINDS = {"crossing", "zone", "aggregate"};

    @TempDir
    Path dir;

    @Test
    void appendWhileDrainingKeepsOrderAndLosesNothing() throws Exception {
        OutboxConfig config = OutboxConfig.builder(dir, "dev-v").commitPolicy(CommitPolicy.batch(1000,
                Duration.ofMillis(20))).build();
        List<Long> delivered = new ArrayList<>(RECORDS);
        AtomicReference<Throwable> consumerFailure = new AtomicReference<>();
        try (Outbox o = Outbox.open(config)) {
            OutboxTailer tailer = o.tailer("iothub");
            Thread consumer = new Thread(() -> {
                try {
                    while (delivered.size() < RECORDS) {
                        List<OutboxRecord> batch = tailer.poll(500);
                        for (OutboxRecord r : batch) {
                            assertThat(r.id()).isEqualTo(Payloads.id(r.sequence()));
                            delivered.add(r.sequence());
                        }
                        if (batch.isEmpty()) {
                            Thread.sleep(1);
                        } else {
                            tailer.ack(batch.get(batch.size() - 1).sequence());
                        }
                    }
                } catch (Throwable t) {
                    consumerFailure.set(t);
                }
            }, "volume-consumer");
            consumer.start();
            for (long n = 1; n <= RECORDS; n++) {
                assertThat(o.append(KINDS[(int) (n % KINDS.length)], Payloads.id(n), Payloads.crossing(n)))
                        .isEqualTo(n);
            }
            o.flush();
            consumer.join(120_000);
            assertThat(consumer.isAlive()).isFalse();
            assertThat(consumerFailure.get()).isNull();
        }
        assertThat(delivered).hasSize(RECORDS);
        for (int i = 0; i < RECORDS; i++) {
            assertThat(delivered.get(i)).isEqualTo(i + 1L);
        }
        try (Outbox o = Outbox.open(config)) {
            assertThat(o.cursors()).containsEntry("iothub", (long) RECORDS);
            assertThat(o.stats().countsPerKind().values().stream().mapToLong(Long::longValue).sum())
                    .isEqualTo(RECORDS);
            long expected = 1;
            for (List<OutboxRecord> page; !(page = o.read(expected, Long.MAX_VALUE, 5000)).isEmpty(); ) {
                for (OutboxRecord r : page) {
                    assertThat(r.sequence()).isEqualTo(expected);
                    assertThat(r.kind()).isEqualTo(KINDS[(int) (expected % KINDS.length)]);
                    assertThat(r.payload()).isEqualTo(Payloads.crossing(expected));
                    expected++;
                }
            }
            assertThat(expected - 1).isEqualTo(RECORDS);
        }
    }
}

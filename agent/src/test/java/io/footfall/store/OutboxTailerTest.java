package io.footfall.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link OutboxTailer} and the registry behind it: cursors, redelivery, registration and removal. */
class OutboxTailerTest {
    @TempDir
    Path dir;

    private OutboxConfig config() {
        return OutboxConfig.of(dir, "dev-1");
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
    void registrationIsDurableAndTheSameNameGivesTheSameTailer() {
        try (Outbox o = Outbox.open(config())) {
            assertThat(o.tailer("iothub")).isSameAs(o.tailer("iothub"));
            assertThatThrownBy(() -> o.tailer(" ")).isInstanceOf(IllegalArgumentException.class);
        }
        try (Outbox o = Outbox.open(OutboxConfig.readOnly(dir))) {
            assertThat(o.cursors()).containsOnlyKeys("iothub");
        }
    }

    @Test
    void aRemovedTailerCannotAcknowledgeAndLagCountsUnacknowledged() {
        try (Outbox o = Outbox.open(config())) {
            OutboxTailer t = o.tailer("blob");
            for (int i = 1; i <= 5; i++) {
                o.append("crossing", Payloads.id(i), Payloads.crossing(i));
            }
            assertThat(t.lag()).isEqualTo(5);
            t.ack(2);
            assertThat(t.lag()).isEqualTo(3);
            o.removeTailer("blob");
            assertThatThrownBy(() -> t.ack(3)).isInstanceOf(IllegalStateException.class).hasMessageContaining("removed");
            assertThat(o.cursors()).isEmpty();
        }
    }
}

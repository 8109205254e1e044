package io.footfall.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link OutboxStats} as collected from a live outbox. */
class OutboxStatsTest {
    @TempDir
    Path dir;

    private OutboxConfig config() {
        return OutboxConfig.of(dir, "dev-1");
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
    void aFreshStoreHasNoLossAndItsHighWaterMarkFollowsCommits() {
        try (Outbox o = Outbox.open(config())) {
            assertThat(o.stats().highWaterMark()).isZero();
            o.append("crossing", "a", Payloads.crossing(1));
            OutboxStats s = o.stats();
            assertThat(s.highWaterMark()).isEqualTo(1);
            assertThat(s.losses()).isEmpty();
            assertThat(s.dataLost()).isFalse();
            assertThat(s.snapshotMillis()).isZero();
        }
        assertThat(HighWaterMark.read(dir.resolve(HighWaterMark.FILE_NAME))).isEqualTo(1);
    }
}

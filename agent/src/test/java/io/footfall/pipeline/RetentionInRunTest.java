package io.footfall.pipeline;

import io.footfall.cli.FootfallCommand;
import io.footfall.store.Outbox;
import io.footfall.store.OutboxConfig;
import io.footfall.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code footfall run} keeps its data folder within the configured quota: clips (and their files)
 * go first, while every count stays in the outbox until delivered.
 */
class RetentionInRunTest {

    @TempDir
    Path tmp;

    @Test
    void clipsGoBeforeCountsWhenTheQuotaIsReached() throws Exception {
        String clip = SharedData.require(SharedData.ONE_BY_ONE).toString();
        Path data = tmp.resolve("data");
        Path config = tmp.resolve("store.yaml");
        Files.writeString(config, """
                device: store-1
                clips: {mode: events, preSeconds: 2, postSeconds: 2}
                store: {quotaMb: 1}
                cameras:
                  - id: door-cam
                    source: %s
                    start: 2026-11-25T09:00:00Z
                    lines: [{name: door, points: [[0.8, 0], [0.8, 1]]}]
                """.formatted(clip));
        int code = FootfallCommand.newCommandLine().execute("run", "--config", config.toString(), "--data-dir", data.toString());
        assertThat(code).isZero();

        List<Path> clipsLeft;
        try (Stream<Path> s = Files.list(data.resolve("clips"))) {
            clipsLeft = s.toList();
        }
        try (Outbox o = Outbox.open(OutboxConfig.readOnly(data))) {
            var kinds = o.stats();
            long crossings = o.read(1, Long.MAX_VALUE, Integer.MAX_VALUE).stream().filter(r -> r.kind().equals("crossing")).count();
            assertThat(crossings).as("every count kept: nothing was delivered yet")
                    .isBetween((long) io.footfall.testing.SharedData.ONE_BY_ONE_MIN_COUNTED, (long) io.footfall.testing.SharedData.ONE_BY_ONE_PEOPLE);
            assertThat(o.dropped().keySet()).as("only clips dropped, no count").containsExactly("clip");
            assertThat(o.dropped().get("clip").count()).isEqualTo(crossings - clipsLeft.size());
            long clipBytes = clipsLeft.stream().mapToLong(p -> p.toFile().length()).sum();
            assertThat(clipBytes).as("clip files within the 1 MB quota").isLessThanOrEqualTo(1024 * 1024);
            assertThat(o.clipReferences()).as("references match the files left").hasSize(clipsLeft.size());
            assertThat(kinds.fileSizeBytes()).isPositive();
        }
        assertThat(clipsLeft.size()).as("six crossings made more clips than the quota holds").isLessThan(io.footfall.testing.SharedData.ONE_BY_ONE_MIN_COUNTED);
    }
}

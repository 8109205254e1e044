package io.footfall.store;

import io.footfall.testing.TinyTmpfs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fills a real, tiny tmpfs until a commit fails with ENOSPC, then proves nothing durable was lost, the file
 * reopens, and writing resumes once space is freed; and that clip files are given up first so counting goes on.
 * Needs permission to mount (root, as in CI): skipped otherwise, a failure under {@code CI=true} (see TinyTmpfs).
 */
class OutboxDiskFullTest {
    private static final int CLIPS = 8;

    private TinyTmpfs fs;
    private Path mount;

    private void mount(String size) throws Exception {
        fs = TinyTmpfs.mount(size);
        mount = fs.path();
    }

    @AfterEach
    void unmount() throws Exception {
        if (fs != null) {
            fs.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"always", "batch:20:5"})
    void fullDiskFailsTheWriteKeepsEverythingDurableAndRecovers(String policy) throws Exception {
        mount("2m");
        Path data = mount.resolve("data");
        Path ballast = mount.resolve("ballast.bin");
        Files.write(ballast, new byte[512 * 1024]);
        OutboxConfig config = OutboxConfig.builder(data, "dev-full").commitPolicy(CommitPolicy.parse(policy)).build();

        long durable;
        try (Outbox o = Outbox.open(config)) {
            StoreWriteException failure = null;
            for (int i = 1; i < 1_000_000 && failure == null; i++) {
                try {
                    assertThat(o.append("crossing", Payloads.id(i), Payloads.crossing(i))).isEqualTo(i);
                    Thread.yield(); // lets the batch flusher thread fail on its own now and then
                } catch (StoreWriteException e) {
                    failure = e;
                }
            }
            assertThat(failure).isNotNull();
            assertThat(failure.getMessage()).contains(config.file().toString()).contains("no space left on device")
                    .contains("records up to sequence " + failure.durableSequence() + " are safe");
            durable = failure.durableSequence();
            assertThat(durable).isPositive().isEqualTo(o.durableSequence());
            // The next write reopens the file from its last good version; it then succeeds if MVStore can reuse
            // space inside the file, or fails cleanly again.
            long next = durable + 1;
            try {
                assertThat(o.append("crossing", Payloads.id(next), Payloads.crossing(next))).isEqualTo(next);
                assertThat(o.flush()).isEqualTo(next);
                durable = next;
            } catch (StoreException stillFull) {
                assertThat(stillFull.getMessage()).contains(config.file().toString());
            }
        }

        // Reopen on the still-full disk: every durable record is there, byte for byte.
        try (Outbox o = Outbox.open(config.toBuilder().readOnly(true).build())) {
            assertThat(o.lastSequence()).isEqualTo(durable);
            for (long s = 1; s <= durable; s++) {
                assertThat(o.get(s).orElseThrow().payload()).isEqualTo(Payloads.crossing(s));
            }
        }

        Files.delete(ballast);
        try (Outbox o = Outbox.open(config)) {
            assertThat(o.lastSequence()).isEqualTo(durable);
            assertThat(o.append("crossing", Payloads.id(durable + 1), Payloads.crossing(durable + 1)))
                    .isEqualTo(durable + 1);
        }
    }

    @Test
    void clipFilesAreGivenUpFirstSoCountingGoesOnOnAFullDisk() throws Exception {
        mount("8m");
        Path data = mount.resolve("data");
        OutboxConfig config = OutboxConfig.builder(data, "dev-full")
                .commitPolicy(CommitPolicy.batch(50, Duration.ofSeconds(1))).build();
        List<Path> clips = new ArrayList<>();
        try (Outbox o = Outbox.open(config)) {
            o.tailer("iothub");
            for (int i = 1; i <= CLIPS; i++) {
                Path clip = data.resolve("clip-" + i + ".mp4");
                Files.write(clip, new byte[512 * 1024]);
                clips.add(clip);
                o.appendClip("clip-" + i, clip, Files.size(clip), ("{\"clip\":" + i + "}").getBytes());
            }
            o.flush();
        }
        fs.fill("ballast.bin"); // the disk is now full: only the clips can make room

        long first;
        long last = 0;
        try (Outbox o = Outbox.open(config)) { // opens on a full disk
            first = o.lastSequence() + 1;
            for (long n = first; n < first + 1000; n++) {
                last = o.append("crossing", Payloads.id(n), Payloads.crossing(n));
            }
            assertThat(o.flush()).isEqualTo(last);
            assertThat(o.dropped()).containsKey("clip");
            long deleted = clips.stream().filter(c -> !Files.exists(c)).count();
            assertThat(deleted).as("oldest clips deleted to make room").isPositive();
            assertThat(Files.exists(clips.get(0))).as("oldest first").isFalse();
            assertThat(deleted).as("not more than needed").isLessThan(CLIPS);
            assertThat(o.clipReferences()).hasSize((int) (CLIPS - deleted));
            assertThat(o.dropped().get("clip").count()).isEqualTo(deleted);
        }
        try (Outbox o = Outbox.open(config.toBuilder().readOnly(true).build())) {
            for (long n = first; n <= last; n++) {
                assertThat(o.get(n).orElseThrow().payload()).isEqualTo(Payloads.crossing(n));
            }
        }
    }

    @Test
    void withNothingToGiveUpTheErrorSaysNoSpaceAndTheNextRunStillOpens() throws Exception {
        mount("2m");
        Path data = mount.resolve("data");
        OutboxConfig config = OutboxConfig.of(data, "dev-full");
        try (Outbox o = Outbox.open(config)) {
            o.append("crossing", Payloads.id(1), Payloads.crossing(1));
        }
        fs.fill("ballast.bin");
        for (int run = 0; run < 2; run++) {
            try (Outbox o = Outbox.open(config)) { // every later run starts
                assertThat(o.get(1)).isPresent();
                StoreException e = null;
                try {
                    for (int i = 0; i < 10_000; i++) {
                        o.append("crossing", "more-" + i, Payloads.crossing(2));
                    }
                } catch (StoreException full) {
                    e = full;
                }
                assertThat(e).isNotNull();
                assertThat(e.getMessage()).contains("no space left on device").contains(config.file().toString());
            }
        }
    }
}

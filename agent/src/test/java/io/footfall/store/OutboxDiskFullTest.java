package io.footfall.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fills a real, tiny tmpfs until a commit fails with ENOSPC, then proves nothing durable was lost, the file
 * reopens, and writing resumes once space is freed. Needs permission to mount (root, as in CI); skipped otherwise.
 */
class OutboxDiskFullTest {
    private Path mount;

    @BeforeEach
    void mountTinyTmpfs() throws Exception {
        mount = Files.createTempDirectory("footfall-full-");
        boolean mounted = run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mount.toString());
        Assumptions.assumeTrue(mounted, "cannot mount a tmpfs here (needs root): disk-full test skipped");
    }

    @AfterEach
    void unmount() throws Exception {
        run("umount", mount.toString());
        Files.deleteIfExists(mount);
    }

    private static boolean run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    @ParameterizedTest
    @ValueSource(strings = {"always", "batch:20:5"})
    void fullDiskFailsTheWriteKeepsEverythingDurableAndRecovers(String policy) throws IOException {
        Path data = mount.resolve("data");
        Path ballast = mount.resolve("ballast.bin");
        Files.write(ballast, new byte[512 * 1024]);
        OutboxConfig config = OutboxConfig.of(data, "dev-full").withCommitPolicy(CommitPolicy.parse(policy));

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
            assertThat(failure.getMessage()).contains(config.file().toString())
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
        try (Outbox o = Outbox.open(config.withReadOnly(true))) {
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
}

package io.footfall.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a writer+consumer child JVM with SIGKILL at random moments, then proves from the reopened file that every
 * append the child reported durable is there byte-for-byte, sequences have no gaps, and delivery resumed exactly
 * from the persisted cursor. Rounds: {@code -Dfootfall.crash.rounds=N} (default 50); seed: {@code footfall.crash.seed}.
 */
class OutboxCrashTest {
    private static final int ROUNDS = Integer.getInteger("footfall.crash.rounds", 50);

    @TempDir
    Path dir;

    @Test
    void survivesKillNineAtRandomMoments() throws Exception {
        long seed = Long.getLong("footfall.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        List<Long> deliveredAndAcked = new ArrayList<>();
        long cursor = 0;
        long last = 0;
        int roundsThatAppended = 0;
        long started = System.nanoTime();
        for (int round = 0; round < ROUNDS; round++) {
            String policy = random.nextInt(10) < 7 ? "always" : "batch:8:5";
            String context = "seed=" + seed + " round=" + round + " policy=" + policy;
            List<String> lines = runAndKill(dir, policy, random, "append", 250);
            Round r = Round.parse(lines, context);
            if (System.getProperty("footfall.crash.dump") != null) {
                Files.write(Path.of(System.getProperty("footfall.crash.dump") + "-" + round), lines);
            }

            try (Outbox o = Outbox.open(OutboxConfig.builder(dir, CrashWriterMain.DEVICE).commitPolicy(
                    CommitPolicy.always()).build())) {
                long newLast = o.lastSequence();
                long newCursor = o.cursors().getOrDefault(CrashWriterMain.TAILER, 0L);
                // Every append reported durable is stored, byte-equal; nothing durable was lost.
                assertThat(newLast).as(context).isGreaterThanOrEqualTo(r.maxAcked);
                if (policy.equals("always")) {
                    assertThat(newLast).as("committed appends never vanish, " + context).isGreaterThanOrEqualTo(last);
                    assertThat(newCursor).as("returned acks are durable, " + context).isGreaterThanOrEqualTo(r.maxAck);
                }
                // No gaps, and every stored record is exactly what the writer appended at that sequence.
                List<OutboxRecord> all = o.read(1, Long.MAX_VALUE, Integer.MAX_VALUE);
                assertThat(all).as(context).hasSize((int) newLast);
                for (int i = 0; i < all.size(); i++) {
                    OutboxRecord rec = all.get(i);
                    assertThat(rec.sequence()).as(context).isEqualTo(i + 1);
                    assertThat(rec.id()).as(context).isEqualTo(Payloads.id(rec.sequence()));
                    assertThat(rec.payload()).as(context + " seq=" + rec.sequence())
                            .isEqualTo(Payloads.crossing(rec.sequence()));
                }
                // Delivery resumed right after the persisted cursor, in order, never beyond what was durable.
                if (r.open) {
                    assertThat(r.openAck).as(context).isEqualTo(cursor);
                }
                if (!r.delivered.isEmpty()) {
                    assertThat(r.delivered.get(0)).as("resumes after cursor, " + context).isEqualTo(cursor + 1);
                    for (int i = 1; i < r.delivered.size(); i++) {
                        assertThat(r.delivered.get(i)).as(context).isEqualTo(r.delivered.get(i - 1) + 1);
                    }
                    assertThat(r.delivered.get(r.delivered.size() - 1)).as(context).isLessThanOrEqualTo(newLast);
                }
                assertThat(newCursor).as(context).isGreaterThanOrEqualTo(cursor)
                        .isLessThanOrEqualTo(Math.max(cursor, r.delivered.isEmpty() ? 0 : r.delivered.get(r.delivered.size() - 1)));
                for (long s : r.delivered) {
                    if (s <= newCursor) {
                        deliveredAndAcked.add(s);
                    }
                }
                if (newLast > last) {
                    roundsThatAppended++;
                }
                last = newLast;
                cursor = newCursor;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("OutboxCrashTest: %d rounds in %.1f s, %d records, cursor %d, %d rounds appended, seed %d%n",
                ROUNDS, seconds, last, cursor, roundsThatAppended, seed);
        // Across all restarts, the acknowledged deliveries are exactly the appended sequence 1..cursor, once each.
        List<Long> expected = new ArrayList<>();
        for (long s = 1; s <= cursor; s++) {
            expected.add(s);
        }
        assertThat(deliveredAndAcked).isEqualTo(expected);
        assertThat(roundsThatAppended).as("the kills must hit a working writer most of the time")
                .isGreaterThan(ROUNDS / 2);
        assertThat(cursor).isPositive();
    }

    /** Starts {@link CrashWriterMain} on {@code dir}, SIGKILLs it at a random moment and returns what it printed. */
    static List<String> runAndKill(Path dir, String policy, Random random, String mode, int maxMillisAfterOpen)
            throws IOException, InterruptedException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx64m", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-XX:+UseSerialGC", "-cp", cp, CrashWriterMain.class.getName(), dir.toString(), policy,
                Long.toString(random.nextLong()), mode);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        List<String> lines = new ArrayList<>();
        CountDownLatch opened = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                    if (line.startsWith("OPEN ")) {
                        opened.countDown();
                    }
                }
            } catch (IOException e) {
                // the pipe closes when the child dies
            }
        });
        reader.start();
        if (random.nextInt(10) < 8) {
            opened.await(20, TimeUnit.SECONDS);
            Thread.sleep(random.nextInt(maxMillisAfterOpen));
        } else {
            Thread.sleep(random.nextInt(600)); // often during JVM start or while the store is being opened
        }
        // SIGKILL through the handle: Process.destroyForcibly() sends the same signal but also closes our end of
        // the pipe, dropping lines the child wrote just before dying (which would look like lost acknowledgements).
        p.toHandle().destroyForcibly();
        p.waitFor(20, TimeUnit.SECONDS);
        reader.join(20_000);
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }

    /** What one child reported before it died. */
    static final class Round {
        boolean open;
        long openAck;
        long maxAcked;
        long maxAck;
        final List<Long> delivered = new ArrayList<>();

        static Round parse(List<String> lines, String context) {
            Round r = new Round();
            for (String line : lines) {
                String[] p = line.split(" ");
                switch (p[0]) {
                    case "OPEN" -> {
                        r.open = true;
                        r.openAck = Long.parseLong(p[2]);
                    }
                    case "A" -> r.maxAcked = Math.max(r.maxAcked, Long.parseLong(p[1]));
                    case "K" -> r.maxAck = Math.max(r.maxAck, Long.parseLong(p[1]));
                    case "D" -> {
                        long seq = Long.parseLong(p[1]);
                        assertThat(p[2]).as(context).isEqualTo(Payloads.id(seq));
                        r.delivered.add(seq);
                    }
                    case "ERR" -> throw new AssertionError("child failed: " + line + " " + context);
                    default -> {
                        // log output from the child
                    }
                }
            }
            return r;
        }
    }
}

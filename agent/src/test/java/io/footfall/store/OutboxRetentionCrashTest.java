package io.footfall.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link OutboxCrashTest} with retention under a small quota and file rewrites in the writer's loop, so SIGKILL
 * lands inside eviction and compaction too. After every kill: what is stored is one contiguous run of sequences
 * ending at or after every append reported durable, each record byte-for-byte what was appended; the persisted
 * totals (live bytes, count per kind) agree with the records; no loss is reported (a kill is not damage); sequences
 * only go up. Rounds: {@code -Dfootfall.crash.rounds=N} (default here 30: each round runs longer).
 */
class OutboxRetentionCrashTest {
    private static final int ROUNDS = Integer.getInteger("footfall.crash.rounds", 30);

    @TempDir
    Path dir;

    @Test
    void survivesKillNineDuringRetentionAndCompaction() throws Exception {
        long seed = Long.getLong("footfall.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        long last = 0;
        int retentions = 0;
        int compactions = 0;
        int roundsThatAppended = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String policy = random.nextInt(10) < 7 ? "always" : "batch:8:5";
            String context = "seed=" + seed + " round=" + round + " policy=" + policy;
            List<String> lines = OutboxCrashTest.runAndKill(dir, policy, random, "retention", 1500);
            OutboxCrashTest.Round r = OutboxCrashTest.Round.parse(lines, context);
            retentions += (int) lines.stream().filter(l -> l.startsWith("R ")).count();
            compactions += (int) lines.stream().filter(l -> l.startsWith("C ")).count();

            try (Outbox o = Outbox.open(OutboxConfig.builder(dir, CrashWriterMain.DEVICE)
                    .quotaBytes(CrashWriterMain.RETENTION_QUOTA_BYTES).build())) {
                OutboxStats s = o.stats();
                long newLast = s.lastSequence();
                assertThat(newLast).as(context).isGreaterThanOrEqualTo(r.maxAcked);
                if (policy.equals("always")) {
                    assertThat(newLast).as("committed appends never vanish, " + context).isGreaterThanOrEqualTo(last);
                }
                assertThat(s.losses()).as("a kill is not data loss, " + context).isEmpty();

                List<OutboxRecord> all = o.read(1, Long.MAX_VALUE, Integer.MAX_VALUE);
                long liveBytes = 0;
                for (int i = 0; i < all.size(); i++) {
                    OutboxRecord rec = all.get(i);
                    assertThat(rec.sequence()).as("contiguous, " + context).isEqualTo(s.firstSequence() + i);
                    assertThat(rec.payload()).as(context + " seq=" + rec.sequence())
                            .isEqualTo(Payloads.crossing(rec.sequence()));
                    liveBytes += RecordCodec.cost(RecordCodec.encode(rec.kind(), rec.id(), rec.createdMillis(),
                            rec.payload()));
                }
                if (!all.isEmpty()) {
                    assertThat(all.get(all.size() - 1).sequence()).as(context).isEqualTo(newLast);
                }
                assertThat(s.recordCount()).as(context).isEqualTo(all.size());
                assertThat(s.liveBytes()).as("persisted totals match the records, " + context).isEqualTo(liveBytes);
                assertThat(s.countsPerKind().getOrDefault("crossing", 0L)).as(context).isEqualTo(all.size());
                for (int i = 1; i < r.delivered.size(); i++) {
                    assertThat(r.delivered.get(i)).as(context).isGreaterThan(r.delivered.get(i - 1));
                }
                assertThat(s.cursors().getOrDefault(CrashWriterMain.TAILER, 0L)).as(context)
                        .isLessThanOrEqualTo(newLast);
                if (newLast > last) {
                    roundsThatAppended++;
                }
                last = newLast;
            }
        }
        System.out.printf("OutboxRetentionCrashTest: %d rounds, last %d, %d retention runs, %d compactions, seed %d%n",
                ROUNDS, last, retentions, compactions, seed);
        assertThat(retentions).as("kills must fall among retention runs").isGreaterThan(ROUNDS / 2);
        assertThat(compactions).as("and among compactions").isPositive();
        assertThat(roundsThatAppended).isGreaterThan(ROUNDS / 3);
    }
}

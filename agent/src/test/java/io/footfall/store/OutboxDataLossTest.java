package io.footfall.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Damages a 36-record outbox at every 4 KiB block (so every chunk's header, pages and footer, and both file headers)
 * with several lengths, and checks what the issue asked for after each: a lost committed record is detected and
 * reported (read-only first, as {@code store stats} would, then by the writer), no sequence is handed out twice,
 * every record still readable is kept byte for byte, the damaged file is kept aside, and a destination that had
 * acknowledged past the loss receives the next new record.
 */
class OutboxDataLossTest {
    private static final int RECORDS = 36;
    private static final int ACKED = 33;

    @TempDir
    Path dir;

    private int unopenableAfterWrite;

    private static byte[] payload(long n) {
        return Payloads.crossing(n);
    }

    private Path original() {
        Path d = dir.resolve("original");
        try (Outbox o = Outbox.open(OutboxConfig.of(d, "dev-loss"))) {
            OutboxTailer t = o.tailer("iothub");
            for (int i = 1; i <= RECORDS; i++) {
                o.append("crossing", Payloads.id(i), payload(i));
                if (i % 3 == 0) {
                    t.ack(Math.min(i, ACKED));
                }
            }
        }
        return d;
    }

    @Test
    void damageAnywhereIsDetectedNeverReusesASequenceAndKeepsWhatIsReadable() throws IOException {
        Path original = original();
        long size = Files.size(original.resolve(Outbox.FILE_NAME));
        int cases = 0;
        int lossesSeen = 0;
        for (int length : new int[] {16, 2000, 8192}) {
            for (long offset = 0; offset < size; offset += 4096) {
                lossesSeen += damageAndCheck(original, offset, length, "block") ? 1 : 0;
                cases++;
            }
        }
        // Middle of a block and the very end, where the newest chunk and its footer are.
        lossesSeen += damageAndCheck(original, size / 2 + 123, 2000, "middle") ? 1 : 0;
        lossesSeen += damageAndCheck(original, size - 2000, 2000, "end") ? 1 : 0;
        lossesSeen += damageAndCheck(original, size - 100, 100, "footer") ? 1 : 0;
        cases += 3;
        System.out.printf("OutboxDataLossTest: %d damaged copies, %d of them lost committed records, %d unopenable after the"
                + " writer's next commit%n", cases, lossesSeen, unopenableAfterWrite);
        assertThat(lossesSeen).as("some damage must hit live data, or the test proves nothing").isPositive();
    }

    /** Returns whether the damage lost committed records. */
    private boolean damageAndCheck(Path original, long offset, int length, String where) throws IOException {
        String context = where + " offset=" + offset + " length=" + length;
        Path d = dir.resolve("case-" + offset + "-" + length + "-" + where);
        Files.createDirectories(d);
        for (String name : new String[] {Outbox.FILE_NAME, HighWaterMark.FILE_NAME}) {
            Files.copy(original.resolve(name), d.resolve(name));
        }
        long size = Files.size(d.resolve(Outbox.FILE_NAME));
        try (RandomAccessFile f = new RandomAccessFile(d.resolve(Outbox.FILE_NAME).toFile(), "rw")) {
            f.seek(offset);
            f.write(new byte[(int) Math.min(length, size - offset)]);
        }

        // 1. Read-only, as `footfall store stats` would: a store behind its mark says so.
        Set<Long> readOnlyKept = null;
        try (Outbox ro = Outbox.open(OutboxConfig.readOnly(d))) {
            readOnlyKept = sequences(ro);
            OutboxStats s = ro.stats();
            assertThat(s.lossUnrecovered()).as(context).isEqualTo(!missing(readOnlyKept).isEmpty());
            assertThat(s.highWaterMark()).as(context).isEqualTo(RECORDS);
        } catch (StoreCorruptException e) {
            assertThat(e.movedTo()).as("read-only leaves it in place, " + context).isNull();
        }

        // 2. The writer (the next agent start).
        boolean corrupt = false;
        try {
            Outbox.open(OutboxConfig.of(d, "dev-loss")).close();
        } catch (StoreCorruptException e) {
            corrupt = true;
            assertThat(e.movedTo()).as(context).exists();
        }
        long next;
        try (Outbox o = Outbox.open(OutboxConfig.of(d, "dev-loss"))) {
            Set<Long> kept = sequences(o);
            if (readOnlyKept != null && !corrupt) {
                assertThat(kept).as("the writer keeps what a reader could read, " + context).isEqualTo(readOnlyKept);
            }
            for (long s : kept) {
                assertThat(o.get(s).orElseThrow().payload()).as(context + " seq=" + s).isEqualTo(payload(s));
            }
            List<Long> missing = missing(kept);
            List<DataLoss> losses = o.dataLoss();
            if (missing.isEmpty()) {
                assertThat(losses).as("nothing lost, nothing reported, " + context).isEmpty();
            } else {
                for (long s : missing) {
                    assertThat(losses).as("loss of " + s + " reported, " + context)
                            .anyMatch(l -> l.firstSequence() <= s && s <= l.lastSequence());
                }
                assertThat(losses).as(context).allSatisfy(l -> {
                    assertThat(l.recovered()).isTrue();
                    if (l.damagedFile() != null) {
                        assertThat(l.damagedFile()).exists();
                    }
                });
                assertThat(o.stats().dataLost()).isTrue();
            }
            // No sequence is ever reused, and a destination that acknowledged past the loss gets the new record.
            next = o.append("crossing", "after-damage", payload(RECORDS + 1));
            assertThat(next).as(context).isEqualTo(RECORDS + 1);
            OutboxTailer iothub = o.tailer("iothub");
            List<OutboxRecord> delivered = new ArrayList<>();
            for (List<OutboxRecord> b; !(b = iothub.poll(100)).isEmpty(); ) {
                delivered.addAll(b);
            }
            assertThat(delivered).as(context).last().extracting(OutboxRecord::sequence).isEqualTo(next);
            assertThat(iothub.acknowledged()).as(context).isLessThanOrEqualTo(ACKED);
        }
        // The loss stays on record across restarts.
        try (Outbox o = Outbox.open(OutboxConfig.readOnly(d))) {
            assertThat(o.stats().lossUnrecovered()).as(context).isFalse();
            assertThat(o.lastSequence()).as(context).isEqualTo(next);
            return !o.dataLoss().isEmpty();
        } catch (StoreCorruptException e) {
            // MVStore wrote its next chunks over a damaged one it still listed, and can no longer open the file
            // (seen for damage in retained dead chunks). The records go with it, but never their sequences.
            assertThat(e.movedTo()).as(context).isNull();
            try {
                Outbox.open(OutboxConfig.of(d, "dev-loss")).close();
            } catch (StoreCorruptException movedAside) {
                assertThat(movedAside.movedTo()).as(context).exists();
            }
            try (Outbox o = Outbox.open(OutboxConfig.of(d, "dev-loss"))) {
                assertThat(o.append("crossing", "after-second-damage", payload(next + 1))).as(context)
                        .isEqualTo(next + 1);
                assertThat(o.dataLoss()).as(context).anyMatch(l -> l.firstSequence() == 1
                        && l.lastSequence() == next);
            }
            unopenableAfterWrite++;
            return true;
        }
    }

    private static List<Long> missing(Set<Long> kept) {
        List<Long> missing = new ArrayList<>();
        for (long s = 1; s <= RECORDS; s++) {
            if (!kept.contains(s)) {
                missing.add(s);
            }
        }
        return missing;
    }

    private static Set<Long> sequences(Outbox o) {
        Set<Long> out = new HashSet<>();
        o.read(1, Long.MAX_VALUE, Integer.MAX_VALUE).forEach(r -> out.add(r.sequence()));
        return out;
    }
}

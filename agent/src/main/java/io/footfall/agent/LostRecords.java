package io.footfall.agent;

import io.footfall.pipeline.JsonLinesSink;
import io.footfall.schema.AggregateRecord;
import io.footfall.schema.WireCodec;
import io.footfall.schema.WireRecord;
import io.footfall.store.DataLoss;
import io.footfall.store.Outbox;
import io.footfall.store.OutboxRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.LongStream;

/**
 * Puts back what a damaged store lost, from the data folder's second copy: {@code events.jsonl} and
 * {@code aggregates.jsonl} hold every event and aggregate the agent stored (clip records excepted: their clips are
 * on disk and a clip without a record is removed at start). Runs when opening the store found a loss. Each record
 * whose id the store no longer holds is appended again, with a new sequence (sequences are never reused) and the
 * same id, so destinations that upsert by id (Cosmos) hold it once. Without this, the next start would rebuild a
 * lost interval's aggregate from the events that survived, under the original's id, with fewer counts.
 */
final class LostRecords {
    private static final Logger log = LoggerFactory.getLogger(LostRecords.class);
    private static final int PAGE = 4096;

    private LostRecords() {
    }

    /**
     * @param openedMillis when the store was opened: losses detected since are this start's
     * @param slack        how far a record's time may lie from its neighbours' in the store: an aggregate is written
     *                     an interval and a close delay after its time
     * @param maxAge       how long the store keeps records: older ones were removed on purpose, not lost
     * @return how many records were put back
     */
    static int restore(Outbox outbox, Path dataDir, long openedMillis, Duration slack, Duration maxAge) {
        List<DataLoss> found = outbox.dataLoss().stream().filter(l -> l.detectedMillis() >= openedMillis).toList();
        if (found.isEmpty()) {
            return 0;
        }
        // The JSON lines keep everything ever written, also what retention removed since: only records whose time
        // falls where a lost range lay come back.
        List<long[]> windows = found.stream().map(l -> window(outbox, l, slack, openedMillis - maxAge.toMillis())).toList();
        long[] held = idHashes(outbox);
        List<WireRecord> missing = new ArrayList<>();
        for (String name : List.of(JsonLinesSink.EVENTS, JsonLinesSink.AGGREGATES)) {
            for (WireRecord r : missingFrom(dataDir.resolve(name), held)) {
                long t = r.atInstant().toEpochMilli();
                if (windows.stream().anyMatch(w -> t >= w[0] && t <= w[1])) {
                    missing.add(r);
                }
            }
        }
        // In the order they were first written (an aggregate at its interval's end, after its events): the crash
        // recovery after this reads them back that way.
        missing.sort(Comparator.comparing(LostRecords::writtenAt));
        for (WireRecord r : missing) {
            outbox.append(r.type(), r.id(), r.atInstant().toEpochMilli(), WireCodec.encode(r));
        }
        outbox.flush();
        log.warn("event=outbox_records_restored records={} from=\"{}, {}\" losses=\"{}\"", missing.size(),
                JsonLinesSink.EVENTS, JsonLinesSink.AGGREGATES, found.stream().map(DataLoss::describe).toList());
        return missing.size();
    }

    private static Instant writtenAt(WireRecord r) {
        return r instanceof AggregateRecord a ? Instant.parse(a.end()) : r.atInstant();
    }

    /** From the record stored just before the loss to the one just after (record times are their events' times). */
    private static long[] window(Outbox outbox, DataLoss loss, Duration slack, long oldestKept) {
        long from = oldestKept;
        for (long to = loss.firstSequence() - 1; to >= 1; to -= PAGE) {
            List<OutboxRecord> page = outbox.read(Math.max(1, to - PAGE + 1), to, PAGE);
            if (!page.isEmpty()) {
                from = Math.max(oldestKept, page.get(page.size() - 1).createdMillis() - slack.toMillis());
                break;
            }
        }
        List<OutboxRecord> after = outbox.read(loss.lastSequence() + 1, Long.MAX_VALUE, 1);
        long to = after.isEmpty() ? Long.MAX_VALUE : after.get(0).createdMillis() + slack.toMillis();
        return new long[]{from, to};
    }

    /** The ids the store holds, as sorted 64-bit hashes: millions of records in a few MB. */
    private static long[] idHashes(Outbox outbox) {
        LongStream.Builder hashes = LongStream.builder();
        outbox.forEach(1, r -> hashes.add(hash(r.id())));
        return hashes.build().sorted().toArray();
    }

    private static List<WireRecord> missingFrom(Path file, long[] held) {
        List<WireRecord> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        int unreadable = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                WireRecord r;
                try {
                    r = WireCodec.decode(line);
                } catch (RuntimeException e) {
                    unreadable++; // a line cut by a crash: what it held was never stored either
                    continue;
                }
                if (Arrays.binarySearch(held, hash(r.id())) < 0) {
                    out.add(r);
                }
            }
        } catch (IOException e) {
            log.error("event=outbox_restore_unreadable file={} error=\"{}\"", file, e.getMessage());
        }
        if (unreadable > 0) {
            log.warn("event=outbox_restore_lines_skipped file={} lines={}", file, unreadable);
        }
        return out;
    }

    /** FNV-1a over the id's UTF-8 bytes, then mixed: a collision would only keep one record out. */
    private static long hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        return h ^ (h >>> 33);
    }
}

package io.footfall.jmh;

import io.footfall.count.RecordIds;
import io.footfall.schema.CrossingRecord;
import io.footfall.schema.WireCodec;
import io.footfall.schema.WireRecord;
import io.footfall.store.CommitPolicy;
import io.footfall.store.Outbox;
import io.footfall.store.OutboxConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * {@code Outbox.append} of one crossing record (its wire JSON, ~255 bytes, encoded in the setup) into an H2 MVStore
 * outbox on the local disk. Two commit policies: {@code always}, {@link OutboxConfig}'s default, commits and fsyncs
 * on every append; {@code batch:1000:1000}, what the agent opens its outbox with, fsyncs every 1000 records (or
 * after 1 s), so its op is the amortised cost. Each iteration starts a fresh store, so the file does not grow without
 * bound over the run; the temporary directory is removed at the end.
 */
@State(Scope.Thread)
public class OutboxAppendBenchmark {
    private static final String DEVICE = "bench-device";
    private static final String CAMERA = "camera1";
    /** Distinct records cycled through, so ids, tracks and times vary as in a real stream. */
    private static final int RECORDS = 1024;
    private static final long START_MILLIS = Instant.parse("2026-01-05T09:00:00Z").toEpochMilli();

    @Param({"always", "batch:1000:1000"})
    public String commitPolicy;

    private final String[] ids = new String[RECORDS];
    private final long[] createdMillis = new long[RECORDS];
    private final byte[][] payloads = new byte[RECORDS][];
    private Path directory;
    private Outbox outbox;
    private int next;

    @Setup(Level.Trial)
    public void encodeRecords() throws IOException {
        directory = Files.createTempDirectory("footfall-jmh-outbox");
        for (int i = 0; i < RECORDS; i++) {
            long track = 1 + i / 2;
            long frame = 90L * i;
            long pts = Crowd.ptsMillis(frame);
            String line = i % 3 == 0 ? "aisle" : "door";
            createdMillis[i] = START_MILLIS + pts;
            ids[i] = RecordIds.event(DEVICE, CAMERA, CrossingRecord.TYPE, line, track, createdMillis[i]);
            WireRecord r = new CrossingRecord(WireRecord.SCHEMA_VERSION, ids[i], "store-0042", DEVICE, CAMERA,
                    Instant.ofEpochMilli(createdMillis[i]).toString(), line, i % 2 == 0 ? "in" : "out", track, frame, pts);
            payloads[i] = WireCodec.encode(r);
        }
    }

    @Setup(Level.Iteration)
    public void openOutbox() throws IOException {
        Path store = Files.createTempDirectory(directory, "store");
        outbox = Outbox.open(OutboxConfig.builder(store, DEVICE).commitPolicy(CommitPolicy.parse(commitPolicy)).build());
    }

    @Benchmark
    public void append(Blackhole bh) {
        int i = next;
        next = (next + 1) % RECORDS;
        bh.consume(outbox.append(CrossingRecord.TYPE, ids[i], createdMillis[i], payloads[i]));
    }

    @TearDown(Level.Iteration)
    public void closeOutbox() {
        outbox.close();
        deleteTree(outbox.file().getParent());
    }

    @TearDown(Level.Trial)
    public void removeDirectory() {
        deleteTree(directory);
    }

    /** Where this benchmark's stores live (removed by {@link #removeDirectory()}). */
    Path directory() {
        return directory;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.footfall.bench;

import io.footfall.store.CommitPolicy;
import io.footfall.store.Outbox;
import io.footfall.store.OutboxConfig;
import io.footfall.store.OutboxRecord;
import io.footfall.store.OutboxTailer;
import io.footfall.store.Payloads;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Offline simulation: 7 days of 1 crossing/s from each of 4 cameras (2,419,200 ~200-byte JSON records) appended
 * while "offline", then drained in order through a tailer with acks, as the uplink would after reconnecting.
 * Prints append and drain time, file size and RSS (VmRSS / peak VmHWM). Not a test: run by hand, see
 * docs/benchmarks.md.
 *
 * <pre>
 * java -cp ... io.footfall.bench.OutboxBench [--records N] [--policy batch:1000:1000|always] [--compress]
 *      [--page-split BYTES] [--cache-mb MB] [--dir DIR] [--keep] [--quota-mb MB --retention-every N]
 * </pre>
 */
public final class OutboxBench {
    private static final int CAMERAS = 4;

    private OutboxBench() {
    }

    public static void main(String[] args) throws IOException {
        long records = 7L * 24 * 3600 * CAMERAS;
        CommitPolicy policy = CommitPolicy.parse("batch:1000:1000");
        boolean compress = false;
        int pageSplit = 0;
        int cacheMb = 16;
        Path dir = null;
        boolean keep = false;
        long quotaMb = 64 * 1024;
        long retentionEvery = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--records" -> records = Long.parseLong(args[++i]);
                case "--policy" -> policy = CommitPolicy.parse(args[++i]);
                case "--compress" -> compress = true;
                case "--page-split" -> pageSplit = Integer.parseInt(args[++i]);
                case "--cache-mb" -> cacheMb = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                case "--keep" -> keep = true;
                case "--quota-mb" -> quotaMb = Long.parseLong(args[++i]);
                case "--retention-every" -> retentionEvery = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path data = dir != null ? dir : Files.createTempDirectory("outbox-bench-");
        OutboxConfig config = OutboxConfig.builder(data, "bench-device").commitPolicy(policy).compress(compress)
                .pageSplitSize(pageSplit).cacheSizeMb(cacheMb).quotaMb(quotaMb).build();
        System.out.printf("records=%d policy=%s compress=%s pageSplit=%s cacheMb=%d payloadBytes=%d dir=%s%n",
                records, policy, compress, pageSplit == 0 ? "default" : pageSplit, cacheMb,
                Payloads.crossing(records / 2).length, data);
        long start = 1_748_764_800_000L; // 2025-06-01T08:00:00Z
        try (Outbox outbox = Outbox.open(config)) {
            OutboxTailer tailer = outbox.tailer("iothub");
            long t0 = System.nanoTime();
            double atMillion = 0;
            long maxFile = 0;
            for (long n = 1; n <= records; n++) {
                long created = start + (n - 1) / CAMERAS * 1000;
                outbox.append("crossing", Payloads.id(n), created, Payloads.crossing(n));
                if (n == 1_000_000) {
                    atMillion = (System.nanoTime() - t0) / 1e9;
                }
                if (retentionEvery > 0 && n % retentionEvery == 0) {
                    outbox.enforceRetention(); // offline: nothing acknowledged, so this drops oldest to fit the quota
                    maxFile = Math.max(maxFile, Files.size(outbox.file()));
                }
            }
            outbox.flush();
            double appendS = (System.nanoTime() - t0) / 1e9;
            long fileAfterAppend = Files.size(outbox.file());
            System.out.printf("append: %.1f s (%.0f records/s)%s, file %.1f MB, live %.1f MB, VmRSS %s, VmHWM %s%n",
                    appendS, records / appendS, atMillion > 0 ? String.format(", first 1M in %.1f s", atMillion) : "",
                    mb(fileAfterAppend), mb(outbox.stats().liveBytes()), proc("VmRSS"), proc("VmHWM"));

            if (retentionEvery > 0) {
                var stats = outbox.stats();
                System.out.printf("offline under quota %d MB: kept %d records (%.1f MB live), dropped %s, "
                        + "largest file seen %.1f MB%n", quotaMb, stats.recordCount(), mb(stats.liveBytes()),
                        stats.dropped().values(), mb(maxFile));
            }
            long t1 = System.nanoTime();
            long expected = outbox.stats().firstSequence();
            for (List<OutboxRecord> batch; !(batch = tailer.poll(1000)).isEmpty(); ) {
                for (OutboxRecord r : batch) {
                    if (r.sequence() != expected || !r.id().equals(Payloads.id(expected))) {
                        throw new IllegalStateException("out of order or lost: got " + r + ", expected " + expected);
                    }
                    expected++;
                }
                tailer.ack(batch.get(batch.size() - 1).sequence());
            }
            outbox.flush();
            double drainS = (System.nanoTime() - t1) / 1e9;
            if (expected - 1 != records) {
                throw new IllegalStateException("drained up to " + (expected - 1) + " of " + records);
            }
            System.out.printf("drain: %.1f s (%.0f records/s), all kept records in order up to %d, VmRSS %s, "
                    + "VmHWM %s%n", drainS, records / drainS, records, proc("VmRSS"), proc("VmHWM"));
            long t2 = System.nanoTime();
            var report = outbox.enforceRetention();
            System.out.printf("retention of delivered: evicted %d in %.1f s, file %.1f MB%n",
                    report.deliveredEvicted(), (System.nanoTime() - t2) / 1e9, mb(Files.size(outbox.file())));
            long t3 = System.nanoTime();
            long compacted = outbox.compact();
            System.out.printf("compact: %.1f s, file %.1f MB%n", (System.nanoTime() - t3) / 1e9, mb(compacted));
        }
        System.out.printf("file after close: %.1f MB%n", mb(Files.size(config.file())));
        if (!keep && dir == null) {
            try (Stream<Path> s = Files.walk(data)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    /** A line of /proc/self/status, e.g. VmRSS (resident now) or VmHWM (peak resident). */
    private static String proc(String key) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(key + ":")) {
                return line.substring(key.length() + 1).trim();
            }
        }
        return "?";
    }
}

package io.footfall.store;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Child process of {@link OutboxCrashTest}: appends deterministic records and delivers them through a tailer
 * until it is killed. Protocol on stdout, one line per event, written after the event happened:
 * <pre>
 *   OPEN &lt;lastSequence&gt; &lt;acknowledged&gt;   store opened
 *   A &lt;seq&gt;          append acknowledged as durable (returned, and durableSequence &gt;= seq)
 *   D &lt;seq&gt; &lt;id&gt;     consumer delivered this record (before acknowledging it)
 *   K &lt;seq&gt;          consumer ack returned
 * </pre>
 * Args: dataDir policy seed mode. Mode {@code append} only appends; {@code retention} also runs retention under
 * a small quota every {@value #RETENTION_EVERY} appends and rewrites the file every {@value #COMPACT_EVERY}, so kills
 * land inside eviction and compaction too.
 */
public final class CrashWriterMain {
    static final String DEVICE = "crash-device";
    static final String TAILER = "uplink";
    /** About 70 records: retention drops undelivered records and rewrites the file within a few rounds. */
    static final long RETENTION_QUOTA_BYTES = 16 * 1024;
    static final int RETENTION_EVERY = 5;
    static final int COMPACT_EVERY = 23;

    private CrashWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        // One write(2) per line: a line is either wholly in the pipe before SIGKILL or not at all.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        Path dir = Path.of(args[0]);
        CommitPolicy policy = CommitPolicy.parse(args[1]);
        Random random = new Random(Long.parseLong(args[2]));
        boolean retention = args.length > 3 && args[3].equals("retention");
        OutboxConfig config = OutboxConfig.builder(dir, DEVICE).commitPolicy(policy).build();
        Outbox outbox = Outbox.open(retention ? config.toBuilder().quotaBytes(RETENTION_QUOTA_BYTES).build() : config);
        OutboxTailer tailer = outbox.tailer(TAILER);
        out.println("OPEN " + outbox.lastSequence() + " " + tailer.acknowledged());

        Thread consumer = new Thread(() -> consume(tailer, new Random(random.nextLong()), out), "consumer");
        consumer.setDaemon(true);
        consumer.start();

        long printed = outbox.durableSequence();
        while (true) {
            long expected = outbox.lastSequence() + 1;
            long seq = outbox.append("crossing", Payloads.id(expected), Payloads.crossing(expected));
            if (seq != expected) {
                out.println("ERR sequence " + seq + " expected " + expected);
                System.exit(3);
            }
            if (retention && seq % RETENTION_EVERY == 0) {
                outbox.enforceRetention();
                out.println("R " + seq);
            }
            if (retention && seq % COMPACT_EVERY == 0) {
                outbox.compact();
                out.println("C " + seq);
            }
            long durable = outbox.durableSequence();
            for (long s = printed + 1; s <= durable; s++) {
                out.println("A " + s);
            }
            printed = Math.max(printed, durable);
        }
    }

    private static void consume(OutboxTailer tailer, Random random, PrintStream out) {
        try {
            while (true) {
                List<OutboxRecord> batch = tailer.poll(1 + random.nextInt(20));
                if (batch.isEmpty()) {
                    Thread.sleep(1);
                    continue;
                }
                for (OutboxRecord r : batch) {
                    out.println("D " + r.sequence() + " " + r.id());
                }
                long last = batch.get(batch.size() - 1).sequence();
                tailer.ack(last);
                out.println("K " + last);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            out.println("ERR consumer " + e);
            System.exit(4);
        }
    }
}

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
 * Args: dataDir policy seed.
 */
public final class CrashWriterMain {
    static final String DEVICE = "crash-device";
    static final String TAILER = "uplink";

    private CrashWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        // One write(2) per line: a line is either wholly in the pipe before SIGKILL or not at all.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        Path dir = Path.of(args[0]);
        CommitPolicy policy = CommitPolicy.parse(args[1]);
        Random random = new Random(Long.parseLong(args[2]));
        Outbox outbox = Outbox.open(OutboxConfig.of(dir, DEVICE).withCommitPolicy(policy));
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

package io.footfall.cli;

import io.footfall.schema.AggregateRecord;
import io.footfall.schema.WireCodec;
import io.footfall.store.Outbox;
import io.footfall.store.OutboxConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code footfall report} on an outbox that holds the records of two stores (the device was moved between them). */
class ReportCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void fillOutbox() {
        try (Outbox o = Outbox.open(OutboxConfig.of(dir, "dev"))) {
            append(o, "store-7", Instant.parse("2026-11-25T09:00:00Z"), 5);
            append(o, "store-8", Instant.parse("2026-11-25T10:00:00Z"), 40);
        }
    }

    private static void append(Outbox o, String store, Instant start, int in) {
        AggregateRecord a = new AggregateRecord(1, "dev:door:interval-3600s:" + start, store, "dev", "door",
                start.toString(), start.toString(), start.plusSeconds(3600).toString(), 3_600_000,
                List.of(new AggregateRecord.LineTotals("entry", in, 0)), List.of());
        o.append(AggregateRecord.TYPE, a.id(), WireCodec.encode(a));
    }

    private int run(String... args) {
        CommandLine cl = FootfallCommand.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void storeSelectsThatStoresRecordsOnly() {
        assertThat(run("report", "--data-dir", dir.toString(), "--store", "store-8")).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("Footfall report for store store-8 ")
                .contains(String.format("%-10s %02d:00  %-20s %6d %6d", "2026-11-25", 10, "door", 40, 0))
                .doesNotContain(String.format("%02d:00  %-20s", 9, "door"));
    }

    @Test
    void aStoreWithoutRecordsIsABadInputNamingTheStoresThere() {
        assertThat(run("report", "--data-dir", dir.toString(), "--store", "store-9")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("--store 'store-9'")
                .contains("has no record of that store; expected one of the stores it has records of: store-7, store-8");
        assertThat(out.toString()).doesNotContain("Footfall report");
    }
}

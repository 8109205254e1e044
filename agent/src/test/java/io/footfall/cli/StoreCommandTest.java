package io.footfall.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.footfall.store.Outbox;
import io.footfall.store.OutboxConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code footfall store ...} run through picocli on its own, as the lead will mount it under {@code footfall}. */
class StoreCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final ObjectMapper mapper = new ObjectMapper();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new StoreCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @BeforeEach
    void fillStore() {
        Clock day1 = Clock.fixed(Instant.parse("2025-06-01T10:00:00Z"), ZoneOffset.UTC);
        try (Outbox o = Outbox.open(OutboxConfig.builder(dir, "dev-cli").clock(day1).build())) {
            o.append("crossing", "c-1", bytes("{\"line\":\"door\",\"direction\":\"in\"}"));
            o.append("aggregate", "a-1", bytes("{\"in\":3,\"out\":1}"));
            o.tailer("iothub").ack(1);
        }
        Clock day2 = Clock.fixed(Instant.parse("2025-06-02T10:00:00Z"), ZoneOffset.UTC);
        try (Outbox o = Outbox.open(OutboxConfig.builder(dir, "dev-cli").clock(day2).build())) {
            o.appendClip("clip-1", dir.resolve("clip,1.mp4"), 4096, bytes("{\"note\":\"say \\\"hi\\\"\"}"));
            o.append("zone", "z-1", bytes("not json"));
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void statsPrintsCountsCursorsAndSize() {
        assertThat(run("stats", "--data-dir", dir.toString())).isZero();
        assertThat(out.toString())
                .contains("device            dev-cli")
                .contains("records           4 (sequences 1..4, durable 4)")
                .containsPattern("kind crossing +1")
                .containsPattern("kind clip +1")
                .contains("iothub            acked 1, behind 3")
                .contains("dropped           none");
    }

    @Test
    void statsAsJson() throws Exception {
        assertThat(run("stats", "--json", "--data-dir", dir.toString())).isZero();
        JsonNode n = mapper.readTree(out.toString());
        assertThat(n.get("recordCount").asLong()).isEqualTo(4);
        assertThat(n.get("clipBytes").asLong()).isEqualTo(4096);
        assertThat(n.get("cursors").get("iothub").asLong()).isEqualTo(1);
        assertThat(n.get("file").asText()).isEqualTo(dir.resolve(Outbox.FILE_NAME).toString());
    }

    @Test
    void exportJsonLinesSinceSequence() throws Exception {
        assertThat(run("export", "--data-dir", dir.toString(), "--since", "2")).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(3);
        JsonNode first = mapper.readTree(lines.get(0));
        assertThat(first.get("sequence").asLong()).isEqualTo(2);
        assertThat(first.get("kind").asText()).isEqualTo("aggregate");
        assertThat(first.get("payload").get("in").asInt()).isEqualTo(3);
        assertThat(first.get("created").asText()).isEqualTo("2025-06-01T10:00:00Z");
        assertThat(mapper.readTree(lines.get(2)).get("payloadText").asText()).isEqualTo("not json");
        assertThat(err.toString()).contains("exported 3 records");
    }

    @Test
    void exportCsvSinceTimeToFile() throws Exception {
        Path csv = dir.resolve("out.csv");
        assertThat(run("export", "--data-dir", dir.toString(), "--format", "csv", "--since", "2025-06-02",
                "--out", csv.toString())).isZero();
        assertThat(Files.readAllLines(csv)).containsExactly(
                "sequence,kind,id,created,payload",
                "3,clip,clip-1,2025-06-02T10:00:00Z,\"{\"\"note\"\":\"\"say \\\"\"hi\\\"\"\"\"}\"",
                "4,zone,z-1,2025-06-02T10:00:00Z,not json");
    }

    @Test
    void exportByKind() {
        assertThat(run("export", "--data-dir", dir.toString(), "--kind", "crossing")).isZero();
        assertThat(out.toString().lines()).singleElement().asString().contains("\"id\":\"c-1\"");
    }

    @Test
    void badSinceIsExitTwoWithAClearMessage() {
        assertThat(run("export", "--data-dir", dir.toString(), "--since", "yesterday")).isEqualTo(2);
        assertThat(err.toString()).contains("--since 'yesterday'").contains("ISO-8601");
    }

    @Test
    void anExportNeverWritesOverTheStoreItReadsNorItsMirrorNorAFolder() throws Exception {
        Path store = dir.resolve(Outbox.FILE_NAME);
        byte[] before = Files.readAllBytes(store);
        Files.writeString(dir.resolve("events.jsonl"), "{}\n");
        Path link = dir.resolve("innocent.jsonl");
        Files.createSymbolicLink(link, store);
        for (Path target : List.of(store, link, dir.resolve("events.jsonl"), dir.resolve("outbox.hwm"))) {
            assertThat(run("export", "--data-dir", dir.toString(), "--out", target.toString())).as(target.toString()).isEqualTo(2);
            assertThat(err.toString()).contains("--out " + target).contains("Footfall's own data");
        }
        assertThat(run("export", "--data-dir", dir.toString(), "--out", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("is a directory");
        assertThat(Files.readAllBytes(store)).isEqualTo(before);
        assertThat(Files.readString(dir.resolve("events.jsonl"))).isEqualTo("{}\n");
        assertThat(run("stats", "--data-dir", dir.toString())).isZero();
    }

    @Test
    void missingStoreIsExitTwoAndNothingIsCreated() {
        Path empty = dir.resolve("nothing-here");
        assertThat(run("stats", "--data-dir", empty.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no outbox store at " + empty.resolve(Outbox.FILE_NAME));
        assertThat(empty.resolve(Outbox.FILE_NAME)).doesNotExist();
    }

    @Test
    void statsAndExportReadARunningStoreWhileItIsWritten() throws Exception {
        List<Path> snapshotsBefore = snapshotCopies();
        try (Outbox running = Outbox.open(OutboxConfig.of(dir, "dev-cli"))) {
            AtomicBoolean stop = new AtomicBoolean();
            AtomicReference<Throwable> writerFailure = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                try {
                    for (int i = 0; !stop.get(); i++) {
                        running.append("crossing", "live-" + i, bytes("{\"n\":" + i + "}"));
                    }
                } catch (Throwable t) {
                    writerFailure.set(t);
                }
            }, "live-writer");
            writer.start();
            try {
                for (int round = 0; round < 5; round++) {
                    out.getBuffer().setLength(0);
                    err.getBuffer().setLength(0);
                    long durableBefore = running.durableSequence();
                    assertThat(run("stats", "--json", "--data-dir", dir.toString())).as(err.toString()).isZero();
                    JsonNode stats = mapper.readTree(out.toString());
                    assertThat(stats.get("lastSequence").asLong()).isGreaterThanOrEqualTo(durableBefore);
                    assertThat(stats.get("snapshotMillis").asLong()).isPositive();
                    assertThat(err.toString()).contains("in use (agent running): read a copy taken at");

                    out.getBuffer().setLength(0);
                    long before = running.durableSequence();
                    assertThat(run("export", "--data-dir", dir.toString())).as(err.toString()).isZero();
                    List<String> lines = out.toString().lines().toList();
                    assertThat((long) lines.size()).isGreaterThanOrEqualTo(before);
                    for (int i = 0; i < lines.size(); i++) {
                        assertThat(mapper.readTree(lines.get(i)).get("sequence").asLong()).isEqualTo(i + 1);
                    }
                }
            } finally {
                stop.set(true);
                writer.join(30_000);
            }
            assertThat(writerFailure.get()).isNull();
            assertThat(running.lastSequence()).isGreaterThan(4);
        }
        assertThat(snapshotCopies()).as("snapshot copies are deleted").isEqualTo(snapshotsBefore);
    }

    private static List<Path> snapshotCopies() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("footfall-outbox-snapshot-")).sorted().toList();
        }
    }

    @Test
    void compactOfARunningStoreIsStillRefused() {
        try (Outbox running = Outbox.open(OutboxConfig.of(dir, "dev-cli"))) {
            assertThat(run("compact", "--data-dir", dir.toString())).isEqualTo(1);
            assertThat(err.toString()).contains("in use by another process");
            assertThat(running.lastSequence()).isEqualTo(4);
        }
    }

    @Test
    void unknownKindIsExitTwoAndNamesTheKinds() {
        assertThat(run("export", "--data-dir", dir.toString(), "--kind", "crossings")).isEqualTo(2);
        assertThat(err.toString()).contains("--kind 'crossings'").contains("zone-enter, zone-exit")
                .contains("this store holds: aggregate, clip, crossing, zone");
    }

    @Test
    void kindHelpListsOnlyRealKinds() {
        CommandLine cl = new CommandLine(new StoreCommand());
        String help = cl.getSubcommands().get("export").getUsageMessage().replaceAll("\\s+", " ");
        assertThat(help).contains("crossing, crossing-cancelled, zone-enter, zone-exit, aggregate or clip")
                .doesNotContain("zone, ");
    }

    @Test
    void compactKeepsEveryRecord() {
        assertThat(run("compact", "--data-dir", dir.toString())).isZero();
        assertThat(out.toString()).contains("compacted " + dir.resolve(Outbox.FILE_NAME));
        try (Outbox o = Outbox.open(OutboxConfig.readOnly(dir))) {
            assertThat(o.read(1, Long.MAX_VALUE, 10)).hasSize(4);
            assertThat(o.deviceId()).isEqualTo("dev-cli");
        }
    }

    @Test
    void aDamagedRecordIsALossForStatsAnErrorForExportAndCompactKeepsTheFileAsItWas() throws Exception {
        Path file = dir.resolve(Outbox.FILE_NAME);
        byte[] b = Files.readAllBytes(file);
        byte[] needle = bytes("\"direction\":\"in\"");
        int flipped = 0;
        for (int i = 0; i + needle.length <= b.length; i++) {
            if (java.util.Arrays.equals(b, i, i + needle.length, needle, 0, needle.length)) {
                b[i + 13] = 'o'; // "in" becomes "on": the record's checksum no longer holds
                flipped++;
            }
        }
        assertThat(flipped).as("the crossing's bytes are in the file").isPositive();
        Files.write(file, b);

        assertThat(run("stats", "--data-dir", dir.toString())).as("stats reads every record").isEqualTo(1);
        assertThat(out.toString()).doesNotContain("data lost         none");
        assertThat(err.toString()).contains("WARNING");

        assertThat(run("export", "--data-dir", dir.toString())).as("an export without a record is no success").isEqualTo(1);
        assertThat(err.toString()).contains("not exported");
        assertThat(out.toString()).doesNotContain("c-1");

        assertThat(run("compact", "--data-dir", dir.toString())).isZero();
        try (var kept = Files.list(dir)) {
            List<Path> copies = kept.filter(p -> p.getFileName().toString().contains(".before-compact-")).toList();
            assertThat(copies).as("a copy of the file as it was").hasSize(1);
            assertThat(new String(Files.readAllBytes(copies.get(0)), StandardCharsets.ISO_8859_1))
                    .as("the damaged record's bytes, kept").contains("\"direction\":\"on\"");
        }
    }

    @Test
    void noSubcommandIsUsageError() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("missing subcommand");
    }
}

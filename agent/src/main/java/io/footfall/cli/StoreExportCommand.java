package io.footfall.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.footfall.BadInputException;
import io.footfall.store.DataLoss;
import io.footfall.store.Outbox;
import io.footfall.store.OutboxRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code footfall store export}: writes stored records as JSON lines or CSV, oldest first. Works while the agent
 * runs (reads a consistent copy of the store).
 */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = FootfallCommand.Version.class,
        description = {"Write stored records (oldest first) as JSON lines or CSV.",
                "Works while the agent runs (reads a consistent copy of the store)."})
final class StoreExportCommand extends StoreSubcommand {
    enum Format { jsonl, csv }

    /** The kinds the agent writes (WireEvent types and the outbox's clip kind), for --kind's help and check. */
    static final List<String> KINDS = List.of("crossing", "crossing-cancelled", "zone-enter", "zone-exit",
            "aggregate", Outbox.CLIP_KIND);


    @Option(names = "--since", paramLabel = "SEQ|ISO-TIME",
            description = "Only records with sequence >= SEQ, or created at/after an ISO-8601 time "
                    + "(2025-06-01T08:00:00Z, 2025-06-01T08:00, 2025-06-01; UTC unless an offset is given).")
    String since;

    @Option(names = "--format", defaultValue = "jsonl", paramLabel = "jsonl|csv", description = "jsonl or csv (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: standard output).")
    Path outFile;

    @Option(names = "--kind", paramLabel = "KIND", description = "Only records of this kind: crossing,"
            + " crossing-cancelled, zone-enter, zone-exit, aggregate or clip.")
    String kind;

    private final ObjectMapper mapper = io.footfall.json.Json.mapper();

    @Override
    int run() throws IOException {
        Since from = Since.parse(since);
        long count;
        try (Outbox outbox = Outbox.open(readOnlyConfig())) {
            checkKind(outbox);
            outbox.snapshotOf().ifPresent(t -> err().printf("footfall store: %s is in use (agent running): exporting"
                    + " a copy taken at %s%n", outbox.file(), t));
            outbox.dataLoss().forEach(l -> err().printf("footfall store: WARNING: %s: %s%n", outbox.file(),
                    l.describe()));
            count = export(outbox, from);
            List<DataLoss> found = outbox.dataLoss().stream().filter(l -> !l.recovered()).toList();
            if (!found.isEmpty()) {
                // A script that takes exit 0 for "everything exported" must hear that records were skipped.
                found.forEach(l -> err().printf("footfall store: ERROR: %s: %s; not exported%n", outbox.file(), l.describe()));
                err().printf("exported %d records to %s, without the damaged ones above%n", count,
                        outFile == null ? "standard output" : outFile);
                err().flush();
                return ExitCodes.FAILURE;
            }
        }
        err().printf("exported %d records to %s%n", count, outFile == null ? "standard output" : outFile);
        err().flush();
        return ExitCodes.OK;
    }

    /** An unknown kind is a typo (it would export nothing); kinds found in the store are accepted too. */
    private void checkKind(Outbox outbox) {
        if (kind == null || KINDS.contains(kind) || outbox.stats().countsPerKind().containsKey(kind)) {
            return;
        }
        throw new BadInputException("--kind '" + kind + "': not a record kind; expected one of "
                + String.join(", ", KINDS) + " (this store holds: "
                + String.join(", ", new java.util.TreeSet<>(outbox.stats().countsPerKind().keySet())) + ")");
    }

    private long export(Outbox outbox, Since from) throws IOException {
        long[] count = {0};
        try (Writer w = open()) {
            if (format == Format.csv) {
                w.write("sequence,kind,id,created,payload\n");
            }
            outbox.<IOException>forEach(from.sequence, r -> {
                if (r.createdMillis() >= from.millis && (kind == null || kind.equals(r.kind()))) {
                    w.write(format == Format.csv ? csv(r) : jsonLine(r));
                    count[0]++;
                }
            });
        }
        return count[0];
    }

    private Writer open() throws IOException {
        if (outFile == null) {
            return new NonClosingWriter(out());
        }
        OutputFile.check("--out", outFile);
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(outFile), StandardCharsets.UTF_8));
    }

    private String jsonLine(OutboxRecord r) throws JsonProcessingException {
        ObjectNode n = mapper.createObjectNode();
        n.put("sequence", r.sequence());
        n.put("kind", r.kind());
        n.put("id", r.id());
        n.put("created", Instant.ofEpochMilli(r.createdMillis()).toString());
        JsonNode payload = payloadJson(r);
        if (payload != null) {
            n.set("payload", payload);
        } else {
            n.put("payloadText", r.payloadText());
        }
        return mapper.writeValueAsString(n) + "\n";
    }

    /** The payload as JSON, or null when the caller stored something else (exported as text instead). */
    private JsonNode payloadJson(OutboxRecord r) {
        try {
            return mapper.readTree(r.payload());
        } catch (IOException e) {
            return null;
        }
    }

    private static String csv(OutboxRecord r) {
        return r.sequence() + "," + quote(r.kind()) + "," + quote(r.id()) + ","
                + Instant.ofEpochMilli(r.createdMillis()) + "," + quote(r.payloadText()) + "\n";
    }

    /** RFC 4180: quote when needed, double embedded quotes. */
    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** Lower bound of the export: a sequence, or a creation time (then all sequences are scanned). */
    record Since(long sequence, long millis) {
        static Since parse(String text) {
            if (text == null) {
                return new Since(1, Long.MIN_VALUE);
            }
            String t = text.trim();
            if (t.chars().allMatch(Character::isDigit) && !t.isEmpty()) {
                try {
                    return new Since(Long.parseLong(t), Long.MIN_VALUE);
                } catch (NumberFormatException e) {
                    throw bad(text);
                }
            }
            return new Since(1, parseTime(text, t));
        }

        private static long parseTime(String text, String t) {
            try {
                return Instant.parse(t).toEpochMilli();
            } catch (DateTimeParseException ignored) {
                // try the local forms below
            }
            try {
                return java.time.OffsetDateTime.parse(t).toInstant().toEpochMilli();
            } catch (DateTimeParseException ignored) {
                // try the local forms below
            }
            try {
                return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC).toEpochMilli();
            } catch (DateTimeParseException ignored) {
                // try a plain date
            }
            try {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                throw bad(text);
            }
        }

        private static BadInputException bad(String text) {
            return new BadInputException("--since '" + text + "': expected a sequence number or an ISO-8601 time "
                    + "like 2025-06-01T08:00:00Z");
        }
    }

    /** Lets try-with-resources flush standard output without closing it. */
    private static final class NonClosingWriter extends java.io.FilterWriter {
        NonClosingWriter(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}

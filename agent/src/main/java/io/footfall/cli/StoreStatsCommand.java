package io.footfall.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.footfall.store.DataLoss;
import io.footfall.store.DroppedRange;
import io.footfall.store.Outbox;
import io.footfall.store.OutboxStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Map;

/**
 * {@code footfall store stats}: counts, sequences, cursors, sizes, drop counters and data losses of the outbox.
 * Works while the agent runs (reads a copy). Every record is read and checked, so a damaged one shows as a loss.
 * Exit 1 when the store lost committed records that no agent start has recovered from yet; a loss already recovered
 * is printed as a warning with exit 0.
 */
@Command(name = "stats", mixinStandardHelpOptions = true, versionProvider = FootfallCommand.Version.class,
        description = {"Print counts per kind, sequences, delivery cursors, file size, dropped records and any"
                + " committed records lost to a damaged file.",
                "Works while the agent runs (reads a consistent copy of the store). Reads and checks every record.",
                "Exit code 1 when committed records were lost and the agent has not yet recovered the store."})
final class StoreStatsCommand extends StoreSubcommand {
    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Override
    int run() throws Exception {
        OutboxStats s;
        try (Outbox outbox = Outbox.open(readOnlyConfig())) {
            outbox.verify(); // a damaged record is found only when read
            s = outbox.stats();
        }
        PrintWriter out = out();
        if (json) {
            ObjectMapper mapper = io.footfall.json.Json.prettyMapper();
            ObjectNode tree = mapper.valueToTree(s);
            tree.put("file", s.file().toString());
            ArrayNode losses = tree.putArray("losses");
            for (DataLoss l : s.losses()) {
                ObjectNode n = losses.addObject();
                n.put("firstSequence", l.firstSequence());
                n.put("lastSequence", l.lastSequence());
                n.put("detected", Instant.ofEpochMilli(l.detectedMillis()).toString());
                n.put("damagedFile", l.damagedFile() == null ? null : l.damagedFile().toString());
                n.put("recovered", l.recovered());
            }
            out.println(mapper.writeValueAsString(tree));
        } else {
            out.printf("file              %s%n", s.file());
            out.printf("device            %s%n", s.deviceId());
            out.printf("format            %d%n", s.formatVersion());
            out.printf("file size         %s%n", bytes(s.fileSizeBytes()));
            out.printf("live bytes        %s (records %s + clip files %s)%n", bytes(s.usageBytes()),
                    bytes(s.liveBytes()), bytes(s.clipBytes()));
            out.printf("records           %d (sequences %d..%d, durable %d)%n", s.recordCount(), s.firstSequence(),
                    s.lastSequence(), s.durableSequence());
            s.countsPerKind().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> out.printf("  kind %-12s %d%n", e.getKey(), e.getValue()));
            out.printf("cursors           %s%n", s.cursors().isEmpty() ? "none registered" : "");
            s.cursors().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> out.printf("  %-17s acked %d, behind %d%n", e.getKey(), e.getValue(),
                            Math.max(0, s.lastSequence() - e.getValue())));
            out.printf("dropped           %s%n", s.dropped().isEmpty() ? "none" : "");
            s.dropped().values().stream().sorted(java.util.Comparator.comparing(DroppedRange::kind))
                    .forEach(d -> out.printf("  kind %-12s %d (sequences %d..%d)%n", d.kind(), d.count(),
                            d.firstSequence(), d.lastSequence()));
            out.printf("config versions   %d%n", s.configVersions());
            out.printf("high-water mark   %d%n", s.highWaterMark());
            out.printf("data lost         %s%n", s.losses().isEmpty() ? "none" : "");
            s.losses().forEach(l -> out.printf("  WARNING %s%n", l.describe()));
        }
        out.flush();
        s.losses().forEach(l -> err().printf("footfall store: WARNING: %s: %s%n", s.file(), l.describe()));
        if (s.snapshotMillis() > 0) {
            err().printf("footfall store: %s is in use (agent running): read a copy taken at %s%n", s.file(),
                    Instant.ofEpochMilli(s.snapshotMillis()));
        }
        err().flush();
        return s.lossUnrecovered() ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    private static String bytes(long n) {
        return String.format("%.1f MB (%d bytes)", n / (1024.0 * 1024.0), n);
    }
}

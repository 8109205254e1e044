package io.footfall.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.footfall.store.DroppedRange;
import io.footfall.store.Outbox;
import io.footfall.store.OutboxStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Map;

/** {@code footfall store stats}: counts, sequences, cursors, sizes and drop counters of the outbox. */
@Command(name = "stats", mixinStandardHelpOptions = true, versionProvider = FootfallCommand.Version.class,
        description = "Print counts per kind, sequences, delivery cursors, file size and dropped records.")
final class StoreStatsCommand extends StoreSubcommand {
    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Override
    int run() throws Exception {
        OutboxStats s;
        try (Outbox outbox = Outbox.open(readOnlyConfig())) {
            s = outbox.stats();
        }
        PrintWriter out = out();
        if (json) {
            ObjectMapper mapper = io.footfall.json.Json.prettyMapper();
            ObjectNode tree = mapper.valueToTree(s);
            tree.put("file", s.file().toString());
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
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String bytes(long n) {
        return String.format("%.1f MB (%d bytes)", n / (1024.0 * 1024.0), n);
    }
}

package io.footfall.cli;

import io.footfall.store.Outbox;
import io.footfall.store.OutboxConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code footfall store compact}: rewrites sparse chunks and shrinks the outbox file (agent must be stopped). */
@Command(name = "compact", mixinStandardHelpOptions = true,
        description = "Rewrite sparse chunks and shrink the outbox file. Stop the agent first (the file is locked).")
final class StoreCompactCommand extends StoreSubcommand {
    @Option(names = "--max-seconds", defaultValue = "300",
            description = "Stop compacting after this long (default: ${DEFAULT-VALUE}).")
    int maxSeconds;

    @Override
    int run() {
        // deviceId null: adopt whatever device owns the existing store; never create one.
        OutboxConfig config = OutboxConfig.of(dataDirectory(), null);
        try (Outbox outbox = Outbox.open(config)) {
            long before = outbox.stats().fileSizeBytes();
            long after = outbox.compact((int) Math.min(Integer.MAX_VALUE, maxSeconds * 1000L));
            out().printf("compacted %s: %d -> %d bytes%n", outbox.file(), before, after);
            out().flush();
        }
        return ExitCodes.OK;
    }
}

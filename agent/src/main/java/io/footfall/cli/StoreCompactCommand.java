package io.footfall.cli;

import io.footfall.store.Outbox;
import io.footfall.store.OutboxConfig;
import picocli.CommandLine.Command;

/** {@code footfall store compact}: rewrites the outbox file with only its live data (agent must be stopped). */
@Command(name = "compact", mixinStandardHelpOptions = true, versionProvider = FootfallCommand.Version.class,
        description = "Rewrite the outbox file with only its live data. Stop the agent first (the file is locked).")
final class StoreCompactCommand extends StoreSubcommand {
    @Override
    int run() {
        // deviceId null: adopt whatever device owns the existing store; never create one.
        OutboxConfig config = OutboxConfig.of(dataDirectory(), null);
        try (Outbox outbox = Outbox.open(config)) {
            long before = outbox.stats().fileSizeBytes();
            long after = outbox.compact();
            out().printf("compacted %s: %d -> %d bytes%n", outbox.file(), before, after);
            out().flush();
        }
        return ExitCodes.OK;
    }
}

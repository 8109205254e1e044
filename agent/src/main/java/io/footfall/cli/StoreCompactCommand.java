package io.footfall.cli;

import io.footfall.store.Outbox;
import io.footfall.store.OutboxConfig;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** {@code footfall store compact}: rewrites the outbox file with only its live data (agent must be stopped). */
@Command(name = "compact", mixinStandardHelpOptions = true, versionProvider = FootfallCommand.Version.class,
        description = "Rewrite the outbox file with only its live data. Stop the agent first (the file is locked).")
final class StoreCompactCommand extends StoreSubcommand {
    @Override
    int run() {
        // deviceId null: adopt whatever device owns the existing store; never create one.
        OutboxConfig config = OutboxConfig.of(dataDirectory(), null);
        try (Outbox outbox = Outbox.open(config)) {
            long damaged = outbox.verify();
            if (damaged > 0) {
                // Compacting copies only what reads back: the damaged records' bytes would be gone for good.
                Path kept = outbox.file().resolveSibling(outbox.file().getFileName() + ".before-compact-"
                        + Instant.now().toString().replaceAll("[-:.]", ""));
                try {
                    Files.copy(outbox.file(), kept);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot keep a copy of " + outbox.file() + " before compacting it: "
                            + e.getMessage(), e);
                }
                err().printf("footfall store: WARNING: %s: %d damaged records (recorded as data lost; see store stats); "
                        + "the file as it was is kept at %s%n", outbox.file(), damaged, kept);
            }
            long before = outbox.stats().fileSizeBytes();
            long after = outbox.compact();
            out().printf("compacted %s: %d -> %d bytes%n", outbox.file(), before, after);
            out().flush();
        }
        return ExitCodes.OK;
    }
}

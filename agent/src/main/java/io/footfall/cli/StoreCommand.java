package io.footfall.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code footfall store ...}: inspect and maintain the local outbox (the durable store of counts and clip
 * references waiting for upload). Registered as a subcommand of {@code footfall}; also runs on its own.
 * Exit codes: 0 ok, 1 failure (store unreadable or locked), 2 bad usage or input.
 */
@Command(name = "store",
        mixinStandardHelpOptions = true, versionProvider = FootfallCommand.Version.class,
        description = {"Inspect and maintain the local outbox store (run as 'footfall store ...').",
                "The data directory is --data-dir, else $FOOTFALL_DATA_DIR, else /var/lib/footfall when it exists,"
                        + " else ./footfall-data."},
        subcommands = {StoreStatsCommand.class, StoreExportCommand.class, StoreCompactCommand.class})
public final class StoreCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("footfall store: missing subcommand (stats, export or compact)");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.BAD_INPUT;
    }
}

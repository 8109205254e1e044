package io.footfall.cli;

import picocli.CommandLine.Option;

/** Options every subcommand takes, mixed in. */
public final class CommonOptions {
    @Option(names = "--verbose", description = "Print stack traces and debug logs.")
    public boolean verbose;
}

package io.footfall.cloud.cli;

import io.footfall.cli.CliExtension;

import java.util.List;

/** Adds {@code footfall cloud ...} to the agent's CLI (found with ServiceLoader). */
public final class CloudCliExtension implements CliExtension {
    @Override
    public List<Object> subcommands() {
        return List.of(new CloudCommand());
    }
}

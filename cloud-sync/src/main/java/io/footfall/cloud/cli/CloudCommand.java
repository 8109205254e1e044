package io.footfall.cloud.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

import java.util.Map;

/**
 * {@code footfall cloud}: the cloud side of Footfall. Settings come from options and the environment
 * ({@code FOOTFALL_COSMOS_ENDPOINT}, {@code FOOTFALL_COSMOS_KEY} (or managed identity when unset),
 * {@code FOOTFALL_BLOB_CONNECTION_STRING} or {@code FOOTFALL_BLOB_SAS_URL} (as for the agent),
 * {@code FOOTFALL_ARM_SUBSCRIPTION}, {@code FOOTFALL_ARM_RESOURCE_GROUP}, {@code FOOTFALL_ADF_FACTORY}); secrets only
 * from the environment, never printed.
 */
@Command(name = "cloud", mixinStandardHelpOptions = true,
        description = "Cosmos DB and Data Factory: set up, load count files, report.",
        subcommands = {HelpCommand.class, CloudInitCommand.class, DeployPipelineCommand.class, RunPipelineCommand.class,
                CloudLoadCommand.class, CloudReportCommand.class})
public final class CloudCommand {
    private final Map<String, String> env;

    public CloudCommand() {
        this(System.getenv());
    }

    /** With an explicit environment (tests, embedding). */
    public CloudCommand(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    Map<String, String> env() {
        return env;
    }
}

package io.footfall.cli;

import io.footfall.config.ConfigLoader;
import io.footfall.config.ConfigSchema;
import io.footfall.config.ConfigWriter;
import io.footfall.config.FootfallConfig;
import io.footfall.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code footfall config schema|check}: the configuration's published JSON Schema, and a check of a file against it. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "The configuration schema (config file and twin desired properties alike).",
        subcommands = {ConfigCommand.Schema.class, ConfigCommand.Check.class})
public final class ConfigCommand {

    @Command(name = "schema", mixinStandardHelpOptions = true,
            description = "Print the JSON Schema (draft 2020-12) of the configuration, for editors and twin tooling.")
    static final class Schema implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Override
        public Integer call() throws Exception {
            System.out.println(Json.prettyMapper().writeValueAsString(ConfigSchema.document()));
            return ExitCodes.OK;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Validate a config file (YAML or JSON) by the schema and the cross-field rules, without running it.",
                    "Prints the effective configuration (defaults filled in, camera URLs redacted) on success."})
    static final class Check implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Parameters(paramLabel = "FILE", description = "Configuration file.")
        Path file;

        @Override
        public Integer call() throws Exception {
            FootfallConfig c = ConfigLoader.load(file);
            System.out.println(Json.prettyMapper().writeValueAsString(ConfigWriter.toTree(c)));
            System.err.println("config: " + file + " is valid: " + c.cameras().size() + " camera(s), device " + c.deviceId()
                    + ", store " + c.storeId());
            return ExitCodes.OK;
        }
    }
}

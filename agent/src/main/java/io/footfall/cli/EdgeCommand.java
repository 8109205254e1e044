package io.footfall.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.footfall.BadInputException;
import io.footfall.FileErrors;
import io.footfall.edge.HealthProbe;
import io.footfall.edge.ManifestCheck;
import io.footfall.edge.ManifestGenerator;
import io.footfall.edge.SecretFiles;
import io.footfall.video.SourceSecrets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code footfall edge manifest|health}: what an IoT Edge deployment needs from the agent. */
@Command(name = "edge", mixinStandardHelpOptions = true, versionProvider = FootfallCommand.Version.class,
        description = "IoT Edge: generate a store's deployment manifest, or check the module's health.",
        subcommands = {EdgeCommand.Manifest.class, EdgeCommand.Health.class})
public final class EdgeCommand {

    @Command(name = "manifest", mixinStandardHelpOptions = true, versionProvider = FootfallCommand.Version.class,
            description = {"Generate the deployment manifest for a store from its configuration file: $edgeAgent with the",
                    "footfall module, $edgeHub with its route and store-and-forward TTL, and the configuration as the",
                    "module's desired properties. Apply it with 'az iot edge set-modules --content FILE'.",
                    "Camera credentials never go into it: each becomes a ${secret:NAME} placeholder in the source, and",
                    "--secrets-out writes one file per secret, to copy to the device's /etc/footfall/secrets/."})
    static final class Manifest implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Option(names = "--config", required = true, paramLabel = "FILE", description = "The store's configuration (YAML or JSON).")
        Path config;

        @Option(names = "--image", paramLabel = "REF", defaultValue = "$" + ManifestGenerator.IMAGE_PLACEHOLDER, // "$$" escapes picocli's own ${...}
                description = "The module image (default: ${DEFAULT-VALUE}, to substitute before deploying).")
        String image;

        @Option(names = "--out", paramLabel = "FILE", description = "Write the manifest here (default: standard output).")
        Path out;

        @Option(names = "--secrets-out", paramLabel = "DIR", description = "Write the camera credentials here, one file "
                + "per secret (readable by the owner only), to copy to " + SourceSecrets.DEFAULT_DIR + " on the device. "
                + "Required when a camera's source carries credentials.")
        Path secretsOut;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (out != null) {
                OutputFile.check("--out", out, new OutputFile.Input("--config", config));
            }
            ManifestGenerator.Manifest m = ManifestGenerator.fromFile(config, image);
            ManifestCheck.check(m.json()); // what it writes must pass the same check as a hand-edited template
            if (!m.secrets().isEmpty() && secretsOut == null) {
                throw new BadInputException("--config " + config + ": camera sources carry credentials ("
                        + String.join(", ", m.secrets().keySet()) + "), which the module twin would hold in clear for "
                        + "anyone with read access to the hub; give --secrets-out DIR: the manifest then names them as "
                        + "${secret:NAME} placeholders and DIR gets their files, to copy to " + SourceSecrets.DEFAULT_DIR
                        + " on the device");
            }
            String text = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m.json()) + "\n";
            if (!m.secrets().isEmpty()) {
                SecretFiles.write(secretsOut, m.secrets());
                spec.commandLine().getErr().println("edge manifest: wrote " + m.secrets().size() + " camera secrets to "
                        + secretsOut + ": copy them to " + SourceSecrets.DEFAULT_DIR + "/ on the device, readable by the module's user only "
                        + "(chown 10001:10001, chmod 600)");
            }
            if (out == null) {
                spec.commandLine().getOut().print(text);
                spec.commandLine().getOut().flush();
            } else {
                try {
                    Files.writeString(out, text);
                } catch (IOException e) {
                    throw new UncheckedIOException("could not write " + out + ": " + FileErrors.describe(e), e);
                }
                spec.commandLine().getErr().println("edge manifest: wrote " + out);
            }
            spec.commandLine().getErr().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "health", mixinStandardHelpOptions = true, versionProvider = FootfallCommand.Version.class,
            description = {"Exit 0 when the data folder takes new files (and, with --max-idle, the outbox was written",
                    "recently), else print the problems and exit 1. The image's HEALTHCHECK runs this."})
    static final class Health implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Mixin
        DataDirOption data;

        @Option(names = "--max-idle", paramLabel = "SECONDS",
                description = "Also require the outbox to have been written within this many seconds.")
        Long maxIdleSeconds;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (maxIdleSeconds != null && maxIdleSeconds <= 0) {
                throw new BadInputException("--max-idle must be a positive number of seconds, got " + maxIdleSeconds);
            }
            HealthProbe.Report r = HealthProbe.check(data.resolve(),
                    Optional.ofNullable(maxIdleSeconds).map(Duration::ofSeconds), Clock.systemUTC());
            if (r.healthy()) {
                spec.commandLine().getOut().println("health: ok data=" + r.dataDir());
                spec.commandLine().getOut().flush();
                return ExitCodes.OK;
            }
            r.problems().forEach(p -> spec.commandLine().getErr().println("health: " + p));
            spec.commandLine().getErr().flush();
            return ExitCodes.FAILURE;
        }
    }
}

package io.footfall.testing;

import io.footfall.agent.Agent;
import io.footfall.agent.AgentOptions;
import io.footfall.config.FootfallConfig;
import io.footfall.pipeline.CameraPipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Runs a configuration through the real agent (outbox, sinks, cameras), offline, to the end of its sources. */
public final class Runs {
    private Runs() {
    }

    public static List<CameraPipeline.Summary> run(FootfallConfig config, Path dataDir) throws Exception {
        return run(config, dataDir, Optional.empty());
    }

    public static List<CameraPipeline.Summary> run(FootfallConfig config, Path dataDir, Optional<Path> trackFolder) throws Exception {
        AgentOptions options = AgentOptions.builder(dataDir).extensions(false).trackFolder(trackFolder).build();
        try (Agent agent = Agent.start(config, options)) {
            return agent.awaitCameras();
        }
    }
}

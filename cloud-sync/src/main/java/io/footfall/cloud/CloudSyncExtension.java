package io.footfall.cloud;

import io.footfall.agent.spi.AgentContext;
import io.footfall.agent.spi.AgentExtension;
import io.footfall.agent.spi.AgentService;

import java.util.Optional;

/**
 * Cloud sync as an agent extension: on when the environment names an IoT Hub identity or a storage account
 * ({@link SyncEnvironment}), off otherwise, so {@code footfall run} stays offline by default.
 */
public final class CloudSyncExtension implements AgentExtension {

    @Override
    public String name() {
        return "cloud-sync";
    }

    @Override
    public Optional<AgentService> open(AgentContext context) {
        SyncEnvironment env = SyncEnvironment.from(context::env);
        if (!env.configured()) {
            return Optional.empty();
        }
        return Optional.of(new CloudSync(context, env));
    }
}

package io.footfall.cloud.cli;

import com.azure.resourcemanager.datafactory.DataFactoryManager;
import io.footfall.cloud.adf.AdfTarget;
import io.footfall.cloud.adf.ArmConnection;
import picocli.CommandLine.Option;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** Which data factory: a mixin shared by the Data Factory subcommands. Not thread-safe. */
final class AdfOptions {
    @Option(names = "--subscription", description = "Azure subscription id (default: FOOTFALL_ARM_SUBSCRIPTION).")
    String subscription;

    @Option(names = "--resource-group", description = "Resource group of the factory (default: FOOTFALL_ARM_RESOURCE_GROUP).")
    String resourceGroup;

    @Option(names = "--factory", description = "Data factory name (default: FOOTFALL_ADF_FACTORY).")
    String factory;

    @Option(names = "--arm-endpoint", paramLabel = "URL",
            description = "A local stand-in for Azure Resource Manager, http://127.0.0.1:PORT/ (tests).")
    URI armEndpoint;

    AdfTarget target(Map<String, String> env) {
        return AdfTarget.resolve(subscription, resourceGroup, factory, env);
    }

    DataFactoryManager manager(AdfTarget target) {
        return ArmConnection.manager(target, Optional.ofNullable(armEndpoint));
    }
}

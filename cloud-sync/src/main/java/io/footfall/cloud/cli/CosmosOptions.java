package io.footfall.cloud.cli;

import io.footfall.cloud.cosmos.CosmosSettings;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.Map;

/** Where the counts container is: a mixin shared by the Cosmos subcommands. Not thread-safe. */
final class CosmosOptions {
    @Option(names = "--cosmos-endpoint", paramLabel = "URL",
            description = "Cosmos DB account endpoint (default: FOOTFALL_COSMOS_ENDPOINT). The key comes from "
                    + "FOOTFALL_COSMOS_KEY; without it, the environment's managed identity is used.")
    String endpoint;

    @Option(names = "--database", defaultValue = CosmosSettings.DEFAULT_DATABASE,
            description = "Database (default: ${DEFAULT-VALUE}).")
    String database;

    @Option(names = "--container", defaultValue = CosmosSettings.DEFAULT_CONTAINER,
            description = "Container (default: ${DEFAULT-VALUE}).")
    String container;

    @Option(names = "--no-endpoint-discovery", negatable = false,
            description = "Talk only to the given endpoint, never to the account's regional endpoints "
                    + "(single-region accounts and local stand-ins).")
    boolean noEndpointDiscovery;

    CosmosSettings settings(Map<String, String> env, Duration ttl) {
        return CosmosSettings.resolve(endpoint, env, CosmosSettings.layout(database, container, ttl), !noEndpointDiscovery);
    }
}

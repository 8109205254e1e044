package io.footfall.cloud.cli;

import io.footfall.cloud.cosmos.CosmosCounts;
import io.footfall.cloud.cosmos.CosmosSettings;
import io.footfall.cloud.cosmos.PartitionKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;

/** {@code footfall cloud init}: creates (or brings up to date) the Cosmos DB database and counts container. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create the Cosmos DB database and counts container (idempotent): partition key /partitionKey "
                + "(store-yyyy-MM-dd), indexing for the reports, optional TTL.")
final class CloudInitCommand extends CloudSubcommand {
    @Mixin
    CosmosOptions cosmos;

    @Option(names = "--ttl-days", paramLabel = "DAYS",
            description = "Delete documents DAYS after their last write (default: keep forever).")
    Integer ttlDays;

    @Override
    int run() {
        if (ttlDays != null && ttlDays <= 0) {
            throw new IllegalArgumentException("--ttl-days " + ttlDays + ": expected a positive number of days");
        }
        CosmosSettings settings = cosmos.settings(env(), ttlDays == null ? null : Duration.ofDays(ttlDays));
        try (CosmosCounts counts = CosmosCounts.connect(settings)) {
            CosmosCounts.InitOutcome outcome = counts.init();
            out().printf("container %s/%s: %s (partition key %s, TTL %s)%n", settings.layout().database(),
                    settings.layout().container(), outcome.name().toLowerCase(java.util.Locale.ROOT), PartitionKeys.PATH,
                    ttlDays == null ? "off" : ttlDays + " days");
        }
        return 0;
    }
}

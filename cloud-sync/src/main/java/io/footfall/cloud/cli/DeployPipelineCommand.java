package io.footfall.cloud.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.footfall.cloud.adf.AdfTarget;
import io.footfall.cloud.adf.PipelineDefinitions;
import io.footfall.cloud.adf.PipelineDeployer;
import io.footfall.cloud.adf.PipelineSpec;
import io.footfall.cloud.cosmos.CosmosSettings;
import io.footfall.cloud.cosmos.DocumentSchema;
import io.footfall.cloud.load.CountBlobs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.URI;
import java.util.Optional;

/** {@code footfall cloud deploy-pipeline}: the Data Factory linked services, datasets, pipeline and trigger. */
@Command(name = "deploy-pipeline", mixinStandardHelpOptions = true,
        description = "Create or update (idempotently) the Data Factory objects that load new count files into "
                + "Cosmos DB, and start the storage-event trigger. --dry-run prints the JSON definitions.")
final class DeployPipelineCommand extends CloudSubcommand {
    @Mixin
    AdfOptions adf;

    @Option(names = "--storage-account-id", required = true, paramLabel = "ARM-ID",
            description = "ARM id of the storage account holding the count files (the trigger's scope).")
    String storageAccountId;

    @Option(names = "--blob-endpoint", required = true, paramLabel = "URL",
            description = "Blob endpoint of that account, https://ACCOUNT.blob.core.windows.net/.")
    URI blobEndpoint;

    @Option(names = "--blob-container", defaultValue = CountBlobs.DEFAULT_CONTAINER,
            description = "Container of the count files (default: ${DEFAULT-VALUE}).")
    String blobContainer;

    @Option(names = "--cosmos-endpoint", paramLabel = "URL", description = "Cosmos DB endpoint (default: FOOTFALL_COSMOS_ENDPOINT).")
    String cosmosEndpoint;

    @Option(names = "--database", defaultValue = CosmosSettings.DEFAULT_DATABASE, description = "Default: ${DEFAULT-VALUE}.")
    String database;

    @Option(names = "--container", defaultValue = CosmosSettings.DEFAULT_CONTAINER, description = "Default: ${DEFAULT-VALUE}.")
    String container;

    @Option(names = "--cosmos-key-vault", paramLabel = "URL",
            description = "Key Vault holding the Cosmos account key (when the account does not accept the factory's "
                    + "managed identity); with --cosmos-key-secret.")
    URI keyVault;

    @Option(names = "--cosmos-key-secret", paramLabel = "NAME", description = "Name of that Key Vault secret.")
    String keySecret;

    @Option(names = "--dry-run", description = "Print the JSON definitions; change nothing.")
    boolean dryRun;

    @Override
    int run() throws Exception {
        if ((keyVault == null) != (keySecret == null)) {
            throw new IllegalArgumentException("--cosmos-key-vault and --cosmos-key-secret: expected both or neither");
        }
        String endpoint = cosmosEndpoint != null ? cosmosEndpoint : env().get(CosmosSettings.ENDPOINT_ENV);
        if (endpoint == null) {
            throw new IllegalArgumentException("Cosmos endpoint: expected --cosmos-endpoint or " + CosmosSettings.ENDPOINT_ENV);
        }
        PipelineSpec spec = new PipelineSpec(storageAccountId, blobEndpoint, blobContainer, URI.create(endpoint),
                database, container, keyVault == null ? Optional.empty()
                : Optional.of(new PipelineSpec.KeyVaultSecret(keyVault, keySecret)));
        PipelineDefinitions definitions = PipelineDefinitions.of(spec, DocumentSchema.wire());
        if (dryRun) {
            out().println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(definitions.toJson()));
            out().flush();
            return 0;
        }
        AdfTarget target = adf.target(env());
        for (String step : new PipelineDeployer(adf.manager(target), target).deploy(definitions)) {
            out().println(step);
        }
        out().printf("factory %s: pipeline %s deployed, trigger %s started%n", target.factory(),
                PipelineDefinitions.PIPELINE, PipelineDefinitions.TRIGGER);
        out().flush();
        return 0;
    }
}

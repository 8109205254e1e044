package io.footfall.cloud.cli;

import io.footfall.cloud.cosmos.CosmosCounts;
import io.footfall.cloud.cosmos.CosmosDocuments;
import io.footfall.cloud.cosmos.CosmosSettings;
import io.footfall.cloud.load.CountBlobs;
import io.footfall.cloud.load.CountLoader;
import io.footfall.cloud.load.LoadCheckpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code footfall cloud load}: count files from Blob storage into Cosmos DB, directly (no Data Factory). */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Copy count files from Blob storage into Cosmos DB with the pipeline's mapping: bulk, "
                + "resumable (checkpoint of loaded blobs), idempotent (upsert by record id).")
final class CloudLoadCommand extends CloudSubcommand {
    @Mixin
    CosmosOptions cosmos;

    @Option(names = "--blob-endpoint", paramLabel = "URL",
            description = "Blob endpoint, used with the environment's identity when neither FOOTFALL_BLOB_CONNECTION_STRING "
                    + "nor FOOTFALL_BLOB_SAS_URL is set (default: FOOTFALL_BLOB_ACCOUNT_URL).")
    String blobEndpoint;

    @Option(names = "--blob-container", defaultValue = CountBlobs.DEFAULT_CONTAINER,
            description = "Container of the count files (default: ${DEFAULT-VALUE}).")
    String blobContainer;

    @Option(names = "--checkpoint", defaultValue = "footfall-load-checkpoint.jsonl", paramLabel = "FILE",
            description = "Which blobs are loaded already (default: ${DEFAULT-VALUE}).")
    Path checkpoint;

    @Option(names = "--store", description = "Only this store's count files.")
    String store;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "Only hours on or after this day (UTC).")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Only hours on or before this day (UTC).")
    String to;

    @Option(names = "--max-blobs", defaultValue = "0", description = "Stop after loading this many blobs (0: all).")
    int maxBlobs;

    @Override
    int run() {
        CountLoader.Selection selection = new CountLoader.Selection(store, Days.parse("--from", from),
                Days.parse("--to", to), maxBlobs);
        CosmosSettings settings = cosmos.settings(env(), null);
        CountBlobs blobs = CountBlobs.connect(blobEndpoint, blobContainer, env());
        String target = settings.endpoint() + settings.layout().database() + "/" + settings.layout().container();
        LoadCheckpoint cp = LoadCheckpoint.open(checkpoint, target);
        try (CosmosCounts counts = CosmosCounts.connect(settings)) {
            counts.requireContainer();
            CountLoader.Result r = new CountLoader(blobs, counts, CosmosDocuments.wire(), cp).load(selection);
            out().printf("loaded %d blobs (%d documents upserted); %d already loaded; %d not count files%s%n",
                    r.loaded(), r.documents(), r.alreadyLoaded(), r.notCountFiles(),
                    r.complete() ? "" : "; stopped at --max-blobs, run again to continue");
            out().flush();
        }
        return 0;
    }
}

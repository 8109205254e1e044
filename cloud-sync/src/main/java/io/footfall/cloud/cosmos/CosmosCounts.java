package io.footfall.cloud.cosmos;

import com.azure.cosmos.ConsistencyLevel;
import com.azure.cosmos.CosmosClient;
import com.azure.cosmos.CosmosClientBuilder;
import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.CosmosBulkOperationResponse;
import com.azure.cosmos.models.CosmosBulkOperations;
import com.azure.cosmos.models.CosmosContainerProperties;
import com.azure.cosmos.models.CosmosItemOperation;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.PartitionKey;
import com.azure.cosmos.models.SqlParameter;
import com.azure.cosmos.models.SqlQuerySpec;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Footfall's counts container in Cosmos DB: create it, upsert documents in bulk, read a store-day.
 *
 * <p>The client runs in gateway mode (HTTPS on 443 only, which store and office firewalls allow; the volume of
 * counts does not need direct mode). Thread-safe (the SDK client is); close it when done.
 */
public final class CosmosCounts implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CosmosCounts.class);

    private final CosmosClient client;
    private final ContainerLayout layout;

    private CosmosCounts(CosmosClient client, ContainerLayout layout) {
        this.client = client;
        this.layout = layout;
    }

    public static CosmosCounts connect(CosmosSettings settings) {
        CosmosClientBuilder builder = new CosmosClientBuilder()
                .endpoint(settings.endpoint().toString())
                .gatewayMode()
                .endpointDiscoveryEnabled(settings.endpointDiscovery())
                .consistencyLevel(ConsistencyLevel.SESSION)
                .contentResponseOnWriteEnabled(false);
        if (settings.key().isPresent()) {
            builder.key(settings.key().get());
        } else {
            builder.credential(new DefaultAzureCredentialBuilder().build());
        }
        return new CosmosCounts(builder.buildClient(), settings.layout());
    }

    public ContainerLayout layout() {
        return layout;
    }

    /** What {@link #init()} did. */
    public enum InitOutcome { CREATED, UPDATED, UNCHANGED }

    /**
     * Creates the database and container when missing; when the container exists, brings its TTL and indexing
     * policy to the layout's (the partition key of an existing container cannot change: a different one is an
     * error). Idempotent.
     */
    public InitOutcome init() {
        client.createDatabaseIfNotExists(layout.database());
        CosmosContainerProperties wanted = layout.properties();
        CosmosContainer container = container();
        CosmosContainerProperties existing;
        try {
            existing = container.read().getProperties();
        } catch (CosmosException e) {
            if (e.getStatusCode() != 404) {
                throw e;
            }
            client.getDatabase(layout.database()).createContainerIfNotExists(wanted);
            log.info("event=cosmos_container_created database={} container={} partitionKey={} ttlSeconds={}",
                    layout.database(), layout.container(), PartitionKeys.PATH, wanted.getDefaultTimeToLiveInSeconds());
            return InitOutcome.CREATED;
        }
        List<String> paths = existing.getPartitionKeyDefinition() == null ? List.of()
                : existing.getPartitionKeyDefinition().getPaths();
        if (!paths.equals(List.of(PartitionKeys.PATH))) {
            throw new IllegalStateException("container " + layout.container() + " is partitioned by " + paths
                    + ", expected [" + PartitionKeys.PATH + "]; a partition key cannot change: use a new container");
        }
        if (Objects.equals(existing.getDefaultTimeToLiveInSeconds(), wanted.getDefaultTimeToLiveInSeconds())
                && sameIndexing(existing, wanted)) {
            return InitOutcome.UNCHANGED;
        }
        existing.setDefaultTimeToLiveInSeconds(wanted.getDefaultTimeToLiveInSeconds());
        existing.setIndexingPolicy(wanted.getIndexingPolicy());
        container.replace(existing);
        log.info("event=cosmos_container_updated database={} container={} ttlSeconds={}",
                layout.database(), layout.container(), wanted.getDefaultTimeToLiveInSeconds());
        return InitOutcome.UPDATED;
    }

    /** Fails with a clear message when the database or container does not exist (run {@code cloud init} first). */
    public void requireContainer() {
        try {
            container().read();
        } catch (CosmosException e) {
            if (e.getStatusCode() == 404) {
                throw new IllegalStateException("Cosmos container " + layout.database() + "/" + layout.container()
                        + " does not exist: run 'footfall cloud init' first");
            }
            throw e;
        }
    }

    private static boolean sameIndexing(CosmosContainerProperties a, CosmosContainerProperties b) {
        if (a.getIndexingPolicy() == null) {
            return false;
        }
        return paths(a).equals(paths(b));
    }

    private static List<String> paths(CosmosContainerProperties p) {
        List<String> s = new ArrayList<>();
        p.getIndexingPolicy().getIncludedPaths().forEach(i -> s.add("+" + i.getPath()));
        p.getIndexingPolicy().getExcludedPaths().forEach(e -> s.add("-" + e.getPath()));
        p.getIndexingPolicy().getCompositeIndexes().forEach(c -> c.forEach(x -> s.add("c" + x.getPath() + x.getOrder())));
        s.sort(null);
        return s;
    }

    /**
     * Upserts the documents with bulk execution (the SDK groups them per partition key range into batch
     * requests). Upsert replaces by id, so a reload writes the same documents again and never adds any.
     *
     * @return how many were written
     * @throws CosmosWriteException some operations failed after the SDK's retries; none is silently lost
     */
    public int upsertAll(List<ObjectNode> documents) {
        if (documents.isEmpty()) {
            return 0;
        }
        List<CosmosItemOperation> ops = new ArrayList<>(documents.size());
        for (ObjectNode d : documents) {
            ops.add(CosmosBulkOperations.getUpsertItemOperation(d,
                    new PartitionKey(d.get(DocumentSchema.PARTITION_KEY).asText())));
        }
        int ok = 0;
        List<String> failures = new ArrayList<>();
        for (CosmosBulkOperationResponse<Object> r : container().executeBulkOperations(ops)) {
            if (r.getException() == null && r.getResponse() != null && r.getResponse().isSuccessStatusCode()) {
                ok++;
            } else {
                String id = ((JsonNode) r.getOperation().getItem()).path(DocumentSchema.ID).asText();
                String why = r.getException() != null ? r.getException().getMessage()
                        : "status " + (r.getResponse() == null ? "none" : r.getResponse().getStatusCode());
                failures.add(id + ": " + firstLine(why));
            }
        }
        if (!failures.isEmpty()) {
            throw new CosmosWriteException(failures.size() + " of " + documents.size() + " upserts failed, first: "
                    + failures.get(0));
        }
        if (ok != documents.size()) {
            // Bulk answers each operation once; fewer answers means operations whose fate is unknown, and a blob
            // checkpointed as loaded on that would never be loaded again.
            throw new CosmosWriteException("bulk upsert answered " + ok + " of " + documents.size() + " documents");
        }
        return ok;
    }

    /** Every document of one partition ({@code store-yyyy-MM-dd}): a single-partition query. */
    public List<JsonNode> partition(String partitionKey) {
        SqlQuerySpec query = new SqlQuerySpec("SELECT * FROM c WHERE c.partitionKey = @pk",
                List.of(new SqlParameter("@pk", partitionKey)));
        CosmosQueryRequestOptions options = new CosmosQueryRequestOptions().setPartitionKey(new PartitionKey(partitionKey));
        List<JsonNode> out = new ArrayList<>();
        container().queryItems(query, options, JsonNode.class).forEach(out::add);
        return out;
    }

    private CosmosContainer container() {
        return client.getDatabase(layout.database()).getContainer(layout.container());
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    @Override
    public void close() {
        client.close();
    }

    /** Writes that Cosmos refused after retries. */
    public static final class CosmosWriteException extends RuntimeException {
        public CosmosWriteException(String message) {
            super(message);
        }
    }
}

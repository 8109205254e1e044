package io.footfall.cloud.cosmos;

import com.azure.cosmos.models.CompositePath;
import com.azure.cosmos.models.CompositePathSortOrder;
import com.azure.cosmos.models.CosmosContainerProperties;
import com.azure.cosmos.models.ExcludedPath;
import com.azure.cosmos.models.IncludedPath;
import com.azure.cosmos.models.IndexingMode;
import com.azure.cosmos.models.IndexingPolicy;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The container Footfall's counts live in: partitioned by {@link PartitionKeys} ({@code /partitionKey}), optional
 * time to live, and an indexing policy for the report's queries only.
 *
 * <p>Indexing: reads are point queries on one partition ({@code WHERE c.partitionKey = @pk}) filtered by
 * {@code type} and {@code camera} and ordered by time; nothing queries inside {@code lines}/{@code zones} or the
 * track fields. So only those paths are indexed, everything else is excluded ({@code /*}): writes cost fewer RU
 * and the index stays small. A composite index (camera, at) serves "one camera over a day, in time order".
 *
 * <p>TTL: off unless set. When set, Cosmos deletes a document that many seconds after its last write (an upsert
 * restarts the clock), using spare RU.
 */
public record ContainerLayout(String database, String container, Optional<Duration> timeToLive) {
    static final List<String> INDEXED = List.of(PartitionKeys.PATH, "/type", "/camera", "/at", "/start", "/store");

    public ContainerLayout {
        requireName(database, "database");
        requireName(container, "container");
        Objects.requireNonNull(timeToLive, "timeToLive");
        timeToLive.ifPresent(t -> {
            if (t.isNegative() || t.isZero() || t.toSeconds() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("--ttl " + t + ": expected a positive duration up to 68 years");
            }
        });
    }

    private static void requireName(String name, String what) {
        if (name == null || name.isBlank() || name.length() > 255 || name.chars().anyMatch(c -> "/\\?#".indexOf(c) >= 0)) {
            throw new IllegalArgumentException(what + " '" + name + "': expected 1-255 characters without / \\ ? #");
        }
    }

    public CosmosContainerProperties properties() {
        CosmosContainerProperties p = new CosmosContainerProperties(container, PartitionKeys.PATH);
        p.setIndexingPolicy(indexingPolicy());
        p.setDefaultTimeToLiveInSeconds(timeToLive.map(t -> (int) t.toSeconds()).orElse(null));
        return p;
    }

    static IndexingPolicy indexingPolicy() {
        IndexingPolicy policy = new IndexingPolicy();
        policy.setIndexingMode(IndexingMode.CONSISTENT);
        policy.setAutomatic(true);
        policy.setIncludedPaths(INDEXED.stream().map(p -> new IncludedPath(p + "/?")).toList());
        policy.setExcludedPaths(List.of(new ExcludedPath("/*")));
        policy.setCompositeIndexes(List.of(List.of(
                composite("/camera", CompositePathSortOrder.ASCENDING),
                composite("/at", CompositePathSortOrder.ASCENDING))));
        return policy;
    }

    private static CompositePath composite(String path, CompositePathSortOrder order) {
        CompositePath c = new CompositePath();
        c.setPath(path);
        c.setOrder(order);
        return c;
    }
}

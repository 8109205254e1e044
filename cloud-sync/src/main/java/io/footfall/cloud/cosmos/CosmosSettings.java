package io.footfall.cloud.cosmos;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how to reach Cosmos DB. With a key, the client signs with it; without, it authenticates as the
 * environment's identity (managed identity on Azure, developer login elsewhere: {@code DefaultAzureCredential}).
 * {@link #toString()} never shows the key. Immutable.
 *
 * @param endpointDiscovery false for single-region and local endpoints (the client then talks only to
 *                          {@code endpoint}, never to the regional endpoints the account lists)
 */
public record CosmosSettings(URI endpoint, Optional<String> key, ContainerLayout layout, boolean endpointDiscovery) {
    public static final String ENDPOINT_ENV = "FOOTFALL_COSMOS_ENDPOINT";
    public static final String KEY_ENV = "FOOTFALL_COSMOS_KEY";
    public static final String DEFAULT_DATABASE = "footfall";
    public static final String DEFAULT_CONTAINER = "counts";

    public CosmosSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(layout, "layout");
        if (!"https".equals(endpoint.getScheme()) || endpoint.getHost() == null) {
            throw new IllegalArgumentException("Cosmos endpoint '" + endpoint + "': expected https://ACCOUNT.documents.azure.com:443/");
        }
    }

    /** Settings from options, falling back to {@value #ENDPOINT_ENV} and {@value #KEY_ENV}. */
    public static CosmosSettings resolve(String endpointOption, Map<String, String> env, ContainerLayout layout,
                                         boolean endpointDiscovery) {
        String endpoint = endpointOption != null ? endpointOption : env.get(ENDPOINT_ENV);
        if (endpoint == null || endpoint.isBlank()) {
            throw new IllegalArgumentException("Cosmos endpoint: expected --cosmos-endpoint or " + ENDPOINT_ENV);
        }
        String key = env.get(KEY_ENV);
        URI uri;
        try {
            uri = URI.create(endpoint.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Cosmos endpoint '" + endpoint + "': expected an https URL");
        }
        return new CosmosSettings(uri, Optional.ofNullable(key).filter(k -> !k.isBlank()), layout, endpointDiscovery);
    }

    public static ContainerLayout layout(String database, String container, Duration ttl) {
        return new ContainerLayout(database == null ? DEFAULT_DATABASE : database,
                container == null ? DEFAULT_CONTAINER : container, Optional.ofNullable(ttl));
    }

    @Override
    public String toString() {
        return "CosmosSettings[endpoint=" + endpoint + ", auth=" + (key.isPresent() ? "key" : "identity")
                + ", layout=" + layout + ", endpointDiscovery=" + endpointDiscovery + "]";
    }
}

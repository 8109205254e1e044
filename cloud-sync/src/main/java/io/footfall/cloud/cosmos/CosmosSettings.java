package io.footfall.cloud.cosmos;

import io.footfall.video.Redaction;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
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
            throw new IllegalArgumentException("Cosmos endpoint '" + Redaction.text(endpoint.toString())
                    + "': expected https://ACCOUNT.documents.azure.com:443/");
        }
    }

    /** Settings from options, falling back to {@value #ENDPOINT_ENV} and {@value #KEY_ENV}. */
    public static CosmosSettings resolve(String endpointOption, Map<String, String> env, ContainerLayout layout,
                                         boolean endpointDiscovery) {
        String endpoint = endpointOption != null ? endpointOption : env.get(ENDPOINT_ENV);
        if (endpoint == null || endpoint.isBlank()) {
            throw new IllegalArgumentException("Cosmos endpoint: expected --cosmos-endpoint or " + ENDPOINT_ENV);
        }
        if (endpoint.contains("AccountKey=") || endpoint.contains("AccountEndpoint=")) {
            // The portal's "primary connection string" is what an installer most often pastes here: never echo it.
            throw new IllegalArgumentException("Cosmos endpoint (--cosmos-endpoint or " + ENDPOINT_ENV + ") is a connection "
                    + "string; give its AccountEndpoint there, https://ACCOUNT.documents.azure.com:443/, and its AccountKey "
                    + "as " + KEY_ENV);
        }
        String key = env.get(KEY_ENV);
        if (key != null && !key.isBlank()) {
            try {
                Base64.getDecoder().decode(key.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(KEY_ENV + ": expected the account's key as the portal shows it (base64, "
                        + "Keys page of the Cosmos DB account); the value given is not base64");
            }
        }
        URI uri;
        try {
            uri = URI.create(endpoint.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Cosmos endpoint '" + Redaction.text(endpoint) + "': expected "
                    + "https://ACCOUNT.documents.azure.com:443/");
        }
        return new CosmosSettings(uri, Optional.ofNullable(key).map(String::trim).filter(k -> !k.isBlank()), layout,
                endpointDiscovery);
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

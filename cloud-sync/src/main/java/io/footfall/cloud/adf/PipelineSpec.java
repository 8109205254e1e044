package io.footfall.cloud.adf;

import io.footfall.video.Redaction;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What the Data Factory definitions point at. No secret is part of it: the factory reaches Blob storage and Cosmos
 * DB as its managed identity, or, when the Cosmos account does not allow Entra ID data access, with the account
 * key read at run time from Key Vault ({@link #cosmosKeySecret}). Immutable.
 *
 * @param storageAccountId ARM id of the storage account (the trigger's scope), e.g.
 *                         {@code /subscriptions/../resourceGroups/../providers/Microsoft.Storage/storageAccounts/NAME}
 * @param blobEndpoint     the account's blob endpoint, {@code https://NAME.blob.core.windows.net/}
 */
public record PipelineSpec(String storageAccountId, URI blobEndpoint, String countsContainer, URI cosmosEndpoint,
                           String database, String container, Optional<KeyVaultSecret> cosmosKeySecret) {

    /** A Key Vault secret: the vault's URL and the secret's name (never its value). */
    public record KeyVaultSecret(URI vault, String secretName) {
        public KeyVaultSecret {
            Objects.requireNonNull(vault, "vault");
            if (secretName == null || secretName.isBlank()) {
                throw new IllegalArgumentException("--cosmos-key-secret: expected the name of a Key Vault secret");
            }
        }
    }

    public PipelineSpec {
        if (storageAccountId == null || !storageAccountId.matches(
                "(?i)/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.Storage/storageAccounts/[^/]+")) {
            throw new IllegalArgumentException("--storage-account-id '" + storageAccountId + "': expected "
                    + "/subscriptions/SUB/resourceGroups/RG/providers/Microsoft.Storage/storageAccounts/NAME");
        }
        Objects.requireNonNull(blobEndpoint, "blobEndpoint");
        if (!"https".equals(blobEndpoint.getScheme()) || blobEndpoint.getHost() == null || blobEndpoint.getRawQuery() != null
                || blobEndpoint.getRawUserInfo() != null) {
            // A SAS token here would be deployed into the linked service in clear; the factory reads with its identity.
            throw new IllegalArgumentException("--blob-endpoint '" + Redaction.text(blobEndpoint.toString()) + "': expected "
                    + "https://ACCOUNT.blob.core.windows.net/ with no SAS token (Data Factory reads the account with its "
                    + "managed identity)");
        }
        Objects.requireNonNull(cosmosEndpoint, "cosmosEndpoint");
        Objects.requireNonNull(countsContainer, "countsContainer");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(cosmosKeySecret, "cosmosKeySecret");
    }
}

package io.footfall.cloud.blob;

import java.util.Objects;

/**
 * How to reach the storage account. The connection string and SAS URL are secrets: never in {@link #toString()},
 * logs or messages.
 */
public sealed interface BlobCredentials {

    record ConnectionString(String secret) implements BlobCredentials {
        public ConnectionString {
            Objects.requireNonNull(secret, "secret");
        }

        @Override
        public String toString() {
            return "ConnectionString[redacted]";
        }
    }

    /**
     * An account or container URL with a SAS token in its query. An account URL writes each kind to its configured
     * container; a container URL ({@code https://ACCOUNT.blob.core.windows.net/CONTAINER?sv=...}) writes every kind
     * (counts, clips, snapshots) to that one container, whose names do not collide (the loaders read only
     * {@code .jsonl} count files). The SAS needs read, write and create on blobs; it does not need to create
     * containers, which must then exist.
     */
    record SasUrl(String secret) implements BlobCredentials {
        public SasUrl {
            Objects.requireNonNull(secret, "secret");
        }

        @Override
        public String toString() {
            return "SasUrl[redacted]";
        }
    }

    /** The account's blob endpoint; the identity comes from azure-identity (managed identity, workload identity, ...). */
    record AccountUrl(String url) implements BlobCredentials {
    }
}

package io.footfall.cloud.load;

import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.ListBlobsOptions;
import io.footfall.video.Redaction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads count files from the counts container. Authenticates with {@value #CONNECTION_STRING_ENV} when set (a
 * secret: never logged or printed), else as the environment's identity against {@code --blob-endpoint}.
 * Thread-safe (the SDK client is).
 */
public final class CountBlobs {
    public static final String CONNECTION_STRING_ENV = "FOOTFALL_BLOB_CONNECTION_STRING";
    public static final String DEFAULT_CONTAINER = "counts";

    private final BlobContainerClient container;

    private CountBlobs(BlobContainerClient container) {
        this.container = container;
    }

    public static CountBlobs connect(String endpoint, String containerName, Map<String, String> env) {
        BlobServiceClientBuilder b = new BlobServiceClientBuilder();
        String connection = env.get(CONNECTION_STRING_ENV);
        if (connection != null && !connection.isBlank()) {
            try {
                b.connectionString(connection);
            } catch (RuntimeException e) {
                // The SDK's own words ("Invalid connection string.") name neither the setting nor the form expected.
                throw new IllegalArgumentException(CONNECTION_STRING_ENV + ": expected the storage account's connection "
                        + "string (DefaultEndpointsProtocol=https;AccountName=...;AccountKey=...; or BlobEndpoint=...;"
                        + "SharedAccessSignature=...), as the portal's Access keys page shows it: "
                        + Redaction.text(String.valueOf(e.getMessage())));
            }
        } else if (endpoint != null) {
            try {
                b.endpoint(endpoint);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("--blob-endpoint '" + Redaction.text(endpoint)
                        + "': expected https://ACCOUNT.blob.core.windows.net");
            }
            b.credential(new DefaultAzureCredentialBuilder().build());
        } else {
            throw new IllegalArgumentException("Blob storage: expected " + CONNECTION_STRING_ENV
                    + " or --blob-endpoint https://ACCOUNT.blob.core.windows.net");
        }
        return new CountBlobs(b.buildClient().getBlobContainerClient(
                Objects.requireNonNullElse(containerName, DEFAULT_CONTAINER)));
    }

    public String containerName() {
        return container.getBlobContainerName();
    }

    public String accountName() {
        return container.getAccountName();
    }

    /** A blob in the listing: name and ETag (the ETag changes when a blob is rewritten). */
    public record Listed(String name, String etag) {
    }

    /** Every blob under {@code prefix} ("" = all), in name order (store, device, hour, camera, part). */
    public List<Listed> list(String prefix) {
        List<Listed> out = new ArrayList<>();
        for (BlobItem item : container.listBlobs(new ListBlobsOptions().setPrefix(prefix), null)) {
            if (!Boolean.TRUE.equals(item.isPrefix())) {
                out.add(new Listed(item.getName(), item.getProperties().getETag()));
            }
        }
        out.sort(Comparator.comparing(Listed::name));
        return out;
    }

    public String read(String name) {
        return container.getBlobClient(name).downloadContent().toString();
    }
}

package io.footfall.cloud.load;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.ListBlobsOptions;
import io.footfall.cloud.SyncEnvironment;
import io.footfall.cloud.blob.BlobContainers;
import io.footfall.cloud.blob.BlobCredentials;
import io.footfall.video.Redaction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads count files from the counts container, with the credentials the agent uploads with
 * ({@link SyncEnvironment#blobCredentials}): {@value SyncEnvironment#BLOB_CONNECTION_STRING}, else
 * {@value SyncEnvironment#BLOB_SAS_URL} (an account SAS, or a container SAS, which then is the container read: it needs
 * read and list rights), else the environment's identity against {@code --blob-endpoint} or
 * {@value SyncEnvironment#BLOB_ACCOUNT_URL}. Connection strings and SAS URLs are secrets: never logged or printed.
 * Thread-safe (the SDK client is).
 */
public final class CountBlobs {
    public static final String CONNECTION_STRING_ENV = SyncEnvironment.BLOB_CONNECTION_STRING;
    public static final String DEFAULT_CONTAINER = "counts";

    private final BlobContainerClient container;

    private CountBlobs(BlobContainerClient container) {
        this.container = container;
    }

    /** @param endpoint {@code --blob-endpoint}, or null */
    public static CountBlobs connect(String endpoint, String containerName, Map<String, String> env) {
        Function<String, Optional<String>> lookup = name -> Optional.ofNullable(env.get(name));
        Optional<BlobCredentials> fromEnv = SyncEnvironment.blobCredentials(lookup);
        // A secret in the environment wins, as for the agent; an endpoint given on the command line beats the one there.
        BlobCredentials credentials = fromEnv.filter(c -> !(c instanceof BlobCredentials.AccountUrl))
                .or(() -> Optional.ofNullable(endpoint).filter(e -> !e.isBlank()).map(BlobCredentials.AccountUrl::new))
                .or(() -> fromEnv)
                .orElseThrow(() -> new IllegalArgumentException("Blob storage: expected " + CONNECTION_STRING_ENV + ", "
                        + SyncEnvironment.BLOB_SAS_URL + " or --blob-endpoint https://ACCOUNT.blob.core.windows.net"));
        String source = credentials instanceof BlobCredentials.AccountUrl url && url.url().equals(endpoint)
                ? "--blob-endpoint" : SyncEnvironment.variableOf(credentials);
        try {
            return new CountBlobs(BlobContainers.connect(credentials)
                    .container(Objects.requireNonNullElse(containerName, DEFAULT_CONTAINER)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": expected " + expected(credentials) + "; "
                    + Redaction.text(String.valueOf(e.getMessage())));
        }
    }

    private static String expected(BlobCredentials c) {
        if (c instanceof BlobCredentials.ConnectionString) {
            // The SDK's own words ("Invalid connection string.") name neither the setting nor the form expected.
            return "the storage account's connection string (DefaultEndpointsProtocol=https;AccountName=...;"
                    + "AccountKey=...; or BlobEndpoint=...;SharedAccessSignature=...), as the portal's Access keys page "
                    + "shows it";
        }
        return c instanceof BlobCredentials.SasUrl
                ? "https://ACCOUNT.blob.core.windows.net[/CONTAINER]?SAS-TOKEN"
                : "https://ACCOUNT.blob.core.windows.net";
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

package io.footfall.cloud.blob;

import com.azure.core.http.policy.RetryOptions;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.BlobUrlParts;

import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.function.Function;

/**
 * The SDK's container clients for one {@link BlobCredentials}: by container name, or, for a container SAS URL, always
 * the one container the SAS names. The agent's uploads ({@link AzureBlobStore}) and {@code footfall cloud load} reach
 * storage through this, so a credential that works for one works for the other. A credential the SDK cannot use is
 * an {@link IllegalArgumentException} that quotes none of it.
 *
 * @param sasContainer the container a container SAS URL names; empty for every other credential
 */
public record BlobContainers(Function<String, BlobContainerClient> byName, Optional<String> sasContainer) {

    /** The container {@code name}, or the SAS URL's own container whatever the name. */
    public BlobContainerClient container(String name) {
        return byName.apply(name);
    }

    /** With the SDK's own retry policy. */
    public static BlobContainers connect(BlobCredentials credentials) {
        return connect(credentials, null);
    }

    /** @param retry the SDK's retry policy, or null for its default */
    public static BlobContainers connect(BlobCredentials credentials, RetryOptions retry) {
        BlobServiceClientBuilder b = new BlobServiceClientBuilder();
        if (retry != null) {
            b.retryOptions(retry);
        }
        try {
            if (credentials instanceof BlobCredentials.ConnectionString cs) {
                b.connectionString(cs.secret());
            } else if (credentials instanceof BlobCredentials.SasUrl sas) {
                String container = BlobUrlParts.parse(sas.secret()).getBlobContainerName();
                if (container != null && !container.isEmpty()) {
                    BlobContainerClientBuilder only = new BlobContainerClientBuilder().endpoint(sas.secret());
                    if (retry != null) {
                        only.retryOptions(retry);
                    }
                    BlobContainerClient client = only.buildClient();
                    return new BlobContainers(name -> client, Optional.of(container));
                }
                b.endpoint(sas.secret());
            } else if (credentials instanceof BlobCredentials.AccountUrl url) {
                b.endpoint(url.url()).credential(new DefaultAzureCredentialBuilder().build());
            }
            return new BlobContainers(b.buildClient()::getBlobContainerClient, Optional.empty());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the Blob storage " + kind(credentials)
                    + " is not valid (expected a storage connection string, an https URL with a SAS token, or an "
                    + "account URL)");
        } catch (RuntimeException e) {
            if (!causedByMalformedUrl(e)) {
                throw e;
            }
            // The SDK wraps URISyntaxException in a bare RuntimeException whose message quotes the URL: a
            // configuration error to report without it (a SAS URL's signature, a connection string's neighbours).
            throw new IllegalArgumentException("the Blob storage " + kind(credentials) + " is not valid: "
                    + (credentials instanceof BlobCredentials.ConnectionString
                    ? "its BlobEndpoint (or the endpoint made of AccountName and EndpointSuffix) is not a URL"
                    : "it is not a URL") + " (expected https://ACCOUNT.blob.core.windows.net...)");
        }
    }

    private static boolean causedByMalformedUrl(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof URISyntaxException || t instanceof MalformedURLException) {
                return true;
            }
        }
        return false;
    }

    private static String kind(BlobCredentials c) {
        return c instanceof BlobCredentials.ConnectionString ? "connection string"
                : c instanceof BlobCredentials.SasUrl ? "SAS URL" : "account URL";
    }
}

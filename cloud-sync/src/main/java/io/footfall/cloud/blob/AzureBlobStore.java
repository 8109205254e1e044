package io.footfall.cloud.blob;

import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.Block;
import com.azure.storage.blob.models.BlockListType;
import com.azure.storage.blob.options.BlockBlobCommitBlockListOptions;
import com.azure.storage.blob.options.BlockBlobSimpleUploadOptions;
import com.azure.storage.blob.specialized.BlockBlobClient;
import io.footfall.cloud.upload.ObjectStore;
import io.footfall.cloud.upload.ObjectStoreException;
import io.footfall.cloud.upload.RateLimiter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link ObjectStore} on Azure Blob storage (azure-storage-blob). Small objects go in one Put Blob with
 * {@code If-None-Match: *} and Content-MD5; files go as staged blocks whose ids are derived from their index and
 * bytes, so an interrupted upload lists the uncommitted blocks ({@code getBlockList(UNCOMMITTED)}) and stages only
 * the rest, then commits with {@code If-None-Match: *}. A 409 on a retry whose bytes are identical counts as done.
 */
public final class AzureBlobStore implements ObjectStore {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final BlobServiceClient service;
    private final Set<String> containersReady = ConcurrentHashMap.newKeySet();

    private AzureBlobStore(BlobServiceClient service) {
        this.service = service;
    }

    public static AzureBlobStore create(BlobCredentials credentials) {
        // Fail fast to our own retry (which resumes) rather than the SDK's minutes of retries per request.
        RetryOptions retry = new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(2)
                .setBaseDelay(Duration.ofMillis(500)).setMaxDelay(Duration.ofSeconds(4)));
        BlobServiceClientBuilder b = new BlobServiceClientBuilder().retryOptions(retry);
        try {
            if (credentials instanceof BlobCredentials.ConnectionString cs) {
                b.connectionString(cs.secret());
            } else if (credentials instanceof BlobCredentials.SasUrl sas) {
                b.endpoint(sas.secret());
            } else if (credentials instanceof BlobCredentials.AccountUrl url) {
                b.endpoint(url.url()).credential(new DefaultAzureCredentialBuilder().build());
            }
            return new AzureBlobStore(b.buildClient());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the Blob storage " + kind(credentials)
                    + " is not valid (expected a storage connection string, an https URL with a SAS token, or an "
                    + "account URL)");
        }
    }

    private static String kind(BlobCredentials c) {
        return c instanceof BlobCredentials.ConnectionString ? "connection string"
                : c instanceof BlobCredentials.SasUrl ? "SAS URL" : "account URL";
    }

    @Override
    public Created createIfAbsent(String container, String name, byte[] content, String contentType,
                                  Map<String, String> metadata) {
        BlockBlobClient blob = container(container).getBlobClient(name).getBlockBlobClient();
        byte[] md5 = md5(content);
        try {
            blob.uploadWithResponse(new BlockBlobSimpleUploadOptions(BinaryData.fromBytes(content))
                    .setHeaders(new BlobHttpHeaders().setContentType(contentType).setContentMd5(md5))
                    .setContentMd5(md5).setMetadata(metadata)
                    .setRequestConditions(new BlobRequestConditions().setIfNoneMatch("*")), TIMEOUT, Context.NONE);
            return Created.CREATED;
        } catch (BlobStorageException e) {
            if (exists(e)) {
                return sameContent(blob, content.length, md5) ? Created.ALREADY_IDENTICAL : Created.EXISTS_DIFFERENT;
            }
            throw failure("create " + container + "/" + name, e);
        } catch (RuntimeException e) {
            throw failure("create " + container + "/" + name, e);
        }
    }

    @Override
    public FileUpload uploadFile(String container, String name, Path file, String contentType,
                                 Map<String, String> metadata, int blockBytes, RateLimiter limiter) {
        BlockBlobClient blob = container(container).getBlobClient(name).getBlockBlobClient();
        try {
            long size = Files.size(file);
            byte[] fileMd5 = md5(file);
            if (blob.exists()) {
                if (sameContent(blob, size, fileMd5)) {
                    return new FileUpload(true, 0, 0, size);
                }
                throw new ObjectStoreException("blob " + container + "/" + name + " exists with other content", null);
            }
            Set<String> staged = new HashSet<>();
            try {
                for (Block b : blob.listBlocks(BlockListType.UNCOMMITTED).getUncommittedBlocks()) {
                    staged.add(b.getName());
                }
            } catch (BlobStorageException e) {
                if (e.getStatusCode() != 404) {
                    throw e;
                }
            }
            List<String> ids = new ArrayList<>();
            int reused = 0;
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buf = new byte[blockBytes];
                for (int index = 0; ; index++) {
                    int n = in.readNBytes(buf, 0, blockBytes);
                    if (n == 0) {
                        break;
                    }
                    byte[] block = n == blockBytes ? buf : Arrays.copyOf(buf, n);
                    String id = blockId(index, block, n);
                    ids.add(id);
                    if (staged.contains(id)) {
                        reused++;
                        continue;
                    }
                    limiter.acquire(n);
                    blob.stageBlock(id, BinaryData.fromBytes(n == blockBytes ? block.clone() : block));
                }
            }
            try {
                blob.commitBlockListWithResponse(new BlockBlobCommitBlockListOptions(ids)
                        .setHeaders(new BlobHttpHeaders().setContentType(contentType).setContentMd5(fileMd5))
                        .setMetadata(metadata)
                        .setRequestConditions(new BlobRequestConditions().setIfNoneMatch("*")), TIMEOUT, Context.NONE);
            } catch (BlobStorageException e) {
                if (!(exists(e) && sameContent(blob, size, fileMd5))) {
                    throw e;
                }
            }
            return new FileUpload(false, ids.size(), reused, size);
        } catch (IOException e) {
            throw new ObjectStoreException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ObjectStoreException("upload of " + container + "/" + name + " interrupted", e);
        } catch (ObjectStoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw failure("upload " + container + "/" + name, e);
        }
    }

    private BlobContainerClient container(String name) {
        BlobContainerClient c = service.getBlobContainerClient(name);
        if (!containersReady.contains(name)) {
            try {
                c.createIfNotExists();
            } catch (RuntimeException e) {
                throw failure("create container " + name, e);
            }
            containersReady.add(name);
        }
        return c;
    }

    private static boolean exists(BlobStorageException e) {
        return e.getStatusCode() == 409 || e.getStatusCode() == 412
                || BlobErrorCode.BLOB_ALREADY_EXISTS.equals(e.getErrorCode());
    }

    private static boolean sameContent(BlockBlobClient blob, long size, byte[] md5) {
        BlobProperties p = blob.getProperties();
        return p.getBlobSize() == size && Arrays.equals(p.getContentMd5(), md5);
    }

    /** Same length for every block of a blob (the service requires it); same index and bytes give the same id. */
    static String blockId(int index, byte[] block, int length) {
        MessageDigest md = sha256();
        md.update(block, 0, length);
        String id = String.format("%08d-%s", index, HexFormat.of().formatHex(md.digest(), 0, 12));
        return Base64.getEncoder().encodeToString(id.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] md5(byte[] content) {
        try {
            return MessageDigest.getInstance("MD5").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] md5(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("MD5");
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The SDK's messages name the request URL, which for a SAS URL carries the signature: keep only the status. */
    private static ObjectStoreException failure(String operation, RuntimeException e) {
        String why = e instanceof BlobStorageException b ? "HTTP " + b.getStatusCode() + " " + b.getErrorCode()
                : e.getClass().getSimpleName() + rootCause(e);
        return new ObjectStoreException(operation + " failed: " + why, null);
    }

    private static String rootCause(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) {
            r = r.getCause();
        }
        return r == t ? "" : " (" + r.getClass().getSimpleName() + ")";
    }
}

package io.footfall.cloud.blob;

import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobContainerClient;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
import java.util.function.Function;

/**
 * {@link ObjectStore} on Azure Blob storage (azure-storage-blob). Small objects go in one Put Blob with
 * {@code If-None-Match: *} and Content-MD5; files go as staged blocks whose ids are derived from their index and
 * bytes, so an interrupted upload lists the uncommitted blocks ({@code getBlockList(UNCOMMITTED)}) and stages only
 * the rest, then commits with {@code If-None-Match: *}. A 409 on a retry whose bytes are identical counts as done.
 *
 * <p>Containers: before the first write to a container it is created if missing. A least-privilege credential (an
 * account SAS without the container resource type, a SAS without create rights) is refused that with a 403; then the
 * container is assumed to exist (logged once), and if it does not, every write fails saying which container to
 * create. A container SAS URL names one container: every kind (counts, clips, snapshots) goes there, whatever the
 * container settings say (see {@link BlobCredentials.SasUrl}).
 */
public final class AzureBlobStore implements ObjectStore {
    private static final Logger log = LoggerFactory.getLogger(AzureBlobStore.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** From a configured container name to the container written; with a container SAS always that container. */
    private final Function<String, BlobContainerClient> containers;
    private final Set<String> containersReady = ConcurrentHashMap.newKeySet();

    private AzureBlobStore(Function<String, BlobContainerClient> containers) {
        this.containers = containers;
    }

    public static AzureBlobStore create(BlobCredentials credentials) {
        // Fail fast to our own retry (which resumes) rather than the SDK's minutes of retries per request.
        RetryOptions retry = new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(2)
                .setBaseDelay(Duration.ofMillis(500)).setMaxDelay(Duration.ofSeconds(4)));
        BlobContainers containers = BlobContainers.connect(credentials, retry);
        AzureBlobStore store = new AzureBlobStore(containers::container);
        containers.sasContainer().ifPresent(container -> {
            log.info("event=blob_container_sas container={} note=\"counts, clips and snapshots all go to this "
                    + "container\"", container);
            store.containersReady.add(container); // a container SAS can never create its container: no 403
        });
        return store;
    }

    @Override
    public Created createIfAbsent(String container, String name, byte[] content, String contentType,
                                  Map<String, String> metadata) {
        BlobContainerClient target = container(container);
        BlockBlobClient blob = target.getBlobClient(name).getBlockBlobClient();
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
            throw failure(target, "create " + container + "/" + name, e);
        } catch (RuntimeException e) {
            throw failure(target, "create " + container + "/" + name, e);
        }
    }

    @Override
    public FileUpload uploadFile(String container, String name, Path file, String contentType,
                                 Map<String, String> metadata, int blockBytes, RateLimiter limiter) {
        BlobContainerClient target = container(container);
        BlockBlobClient blob = target.getBlobClient(name).getBlockBlobClient();
        try {
            long size = Files.size(file);
            byte[] fileMd5 = md5(file);
            if (blob.exists()) {
                return new FileUpload(sameContent(blob, size, fileMd5) ? Created.ALREADY_IDENTICAL
                        : Created.EXISTS_DIFFERENT, 0, 0, size);
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
                if (!exists(e)) {
                    throw e;
                }
                // Committed in the meantime: by an earlier attempt of ours (same bytes), or by someone else.
                return new FileUpload(sameContent(blob, size, fileMd5) ? Created.ALREADY_IDENTICAL
                        : Created.EXISTS_DIFFERENT, ids.size(), reused, size);
            }
            return new FileUpload(Created.CREATED, ids.size(), reused, size);
        } catch (IOException e) {
            throw new ObjectStoreException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ObjectStoreException("upload of " + container + "/" + name + " interrupted", e);
        } catch (ObjectStoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw failure(target, "upload " + container + "/" + name, e);
        }
    }

    private BlobContainerClient container(String name) {
        BlobContainerClient c = containers.apply(name);
        String actual = c.getBlobContainerName();
        if (!containersReady.contains(actual)) {
            try {
                c.createIfNotExists();
            } catch (BlobStorageException e) {
                if (!createDenied(e)) {
                    throw failure("create container " + actual, e);
                }
                // Least privilege: the credential may write blobs but not create containers. Assume it exists; a
                // write to a missing one says so (ContainerNotFound).
                log.warn("event=blob_container_create_denied container={} status={} code={} "
                        + "action=\"assume it exists\"", actual, e.getStatusCode(), e.getErrorCode());
            } catch (RuntimeException e) {
                throw failure("create container " + actual, e);
            }
            containersReady.add(actual);
        }
        return c;
    }

    /** The credential cannot create containers (container SAS, account SAS without {@code srt=c}, no create right). */
    private static boolean createDenied(BlobStorageException e) {
        return e.getStatusCode() == 403 && (BlobErrorCode.AUTHORIZATION_PERMISSION_MISMATCH.equals(e.getErrorCode())
                || BlobErrorCode.AUTHORIZATION_RESOURCE_TYPE_MISMATCH.equals(e.getErrorCode()));
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

    /** As {@link #failure(String, RuntimeException)}; a missing container is named, with what to do about it. */
    private static ObjectStoreException failure(BlobContainerClient container, String operation, RuntimeException e) {
        if (e instanceof BlobStorageException b && BlobErrorCode.CONTAINER_NOT_FOUND.equals(b.getErrorCode())) {
            return new ObjectStoreException(operation + " failed: container '" + container.getBlobContainerName()
                    + "' does not exist and could not be created with this credential: create it in the storage "
                    + "account (HTTP 404 ContainerNotFound)", null);
        }
        return failure(operation, e);
    }

    private static String rootCause(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) {
            r = r.getCause();
        }
        return r == t ? "" : " (" + r.getClass().getSimpleName() + ")";
    }
}

package io.footfall.cloud.upload;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where count files, clips and snapshots go (Blob storage), in Footfall's terms. Every write is create-only: an
 * existing object is never overwritten. Failures are {@link ObjectStoreException}s. Implementations are thread-safe.
 */
public interface ObjectStore {

    /** What a create-only write found. */
    enum Created {
        /** Written now. */
        CREATED,
        /** Already there with the same bytes (a retry whose first attempt succeeded): nothing to do. */
        ALREADY_IDENTICAL,
        /** Already there with other bytes: the caller picks another name. */
        EXISTS_DIFFERENT
    }

    /** Writes small content in one request, with its MD5, only if the name is free. */
    Created createIfAbsent(String container, String name, byte[] content, String contentType, Map<String, String> metadata);

    /**
     * Uploads a file in blocks, only if the name is free: blocks staged by an earlier, interrupted attempt (same
     * deterministic block ids, i.e. same bytes) are not sent again; the blob appears only at the final commit. A name
     * taken by other content is reported ({@link Created#EXISTS_DIFFERENT}), not overwritten.
     */
    FileUpload uploadFile(String container, String name, Path file, String contentType, Map<String, String> metadata,
                          int blockBytes, RateLimiter limiter);

    /**
     * @param result       {@link Created#ALREADY_IDENTICAL}: the blob already existed with the same length and MD5 (an
     *                     earlier attempt committed it); {@link Created#EXISTS_DIFFERENT}: nothing was uploaded
     * @param blocksReused blocks an interrupted earlier attempt had staged
     */
    record FileUpload(Created result, int blocks, int blocksReused, long bytes) {
    }
}

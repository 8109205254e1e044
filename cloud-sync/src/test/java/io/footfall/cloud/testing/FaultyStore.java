package io.footfall.cloud.testing;

import io.footfall.cloud.upload.ObjectStore;
import io.footfall.cloud.upload.RateLimiter;

import java.nio.file.Path;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A real {@link ObjectStore} (Azurite) that first throws the failures a test queued, one per call: a fault of a
 * type the network cannot produce (the outbox's own exceptions, a bug) at the moment the test chooses.
 */
public final class FaultyStore implements ObjectStore {
    private final ObjectStore delegate;
    private final Queue<RuntimeException> failures = new ConcurrentLinkedQueue<>();

    public FaultyStore(ObjectStore delegate) {
        this.delegate = delegate;
    }

    public FaultyStore failNext(RuntimeException failure) {
        failures.add(failure);
        return this;
    }

    private void maybeFail() {
        RuntimeException e = failures.poll();
        if (e != null) {
            throw e;
        }
    }

    @Override
    public Created createIfAbsent(String container, String name, byte[] content, String contentType,
                                  Map<String, String> metadata) {
        maybeFail();
        return delegate.createIfAbsent(container, name, content, contentType, metadata);
    }

    @Override
    public FileUpload uploadFile(String container, String name, Path file, String contentType,
                                 Map<String, String> metadata, int blockBytes, RateLimiter limiter) {
        maybeFail();
        return delegate.uploadFile(container, name, file, contentType, metadata, blockBytes, limiter);
    }
}

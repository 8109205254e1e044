package io.footfall.cloud.testing;

import io.footfall.cloud.upload.ObjectStore;
import io.footfall.cloud.upload.RateLimiter;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real {@link ObjectStore} (Azurite) whose chosen calls throw the failure a test gave: a fault at the moment the
 * test chooses (one write of several), or of a type the network cannot produce (the outbox's own exceptions, a bug).
 */
public final class FaultyStore implements ObjectStore {
    private final ObjectStore delegate;
    private final AtomicInteger calls = new AtomicInteger();
    private final Map<Integer, RuntimeException> failures = new ConcurrentHashMap<>();

    public FaultyStore(ObjectStore delegate) {
        this.delegate = delegate;
    }

    /** Call {@code n} from now (1 is the next) throws {@code failure} instead of writing. */
    public FaultyStore failCall(int n, RuntimeException failure) {
        failures.put(calls.get() + n, failure);
        return this;
    }

    private void maybeFail() {
        RuntimeException e = failures.remove(calls.incrementAndGet());
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

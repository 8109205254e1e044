package io.footfall.store;

/**
 * One stored configuration document. Immutable (do not modify {@code document}).
 *
 * @param version     1, 2, 3... in the order documents were saved
 * @param savedMillis when it was saved (store clock)
 * @param document    the document bytes as given (YAML or JSON)
 */
public record ConfigVersion(long version, long savedMillis, byte[] document) {
}

package io.footfall.cloud.cosmos;

import java.nio.charset.StandardCharsets;

/**
 * Cosmos DB document ids may not contain {@code / \ ? #}. Record ids are made safe by percent-encoding those four
 * characters and {@code %} itself (so the encoding is reversible and two different record ids never collide); every
 * other character is kept, so a safe record id is its own document id. Deterministic: a reload upserts the same
 * document. Stateless.
 */
public final class CosmosIds {
    /** Cosmos's limit on an id, in bytes. */
    public static final int MAX_BYTES = 1023;

    private CosmosIds() {
    }

    public static String encode(String recordId) {
        if (recordId == null || recordId.isEmpty()) {
            throw new IllegalArgumentException("record id: expected a non-empty string");
        }
        StringBuilder b = new StringBuilder(recordId.length() + 8);
        for (int i = 0; i < recordId.length(); i++) {
            char c = recordId.charAt(i);
            switch (c) {
                case '%' -> b.append("%25");
                case '/' -> b.append("%2F");
                case '\\' -> b.append("%5C");
                case '?' -> b.append("%3F");
                case '#' -> b.append("%23");
                default -> b.append(c);
            }
        }
        String id = b.toString();
        if (id.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("record id '" + recordId.substring(0, 40) + "...': longer than Cosmos's "
                    + MAX_BYTES + " bytes");
        }
        return id;
    }

    public static String decode(String documentId) {
        StringBuilder b = new StringBuilder(documentId.length());
        for (int i = 0; i < documentId.length(); i++) {
            char c = documentId.charAt(i);
            if (c == '%' && i + 2 < documentId.length()) {
                b.append((char) Integer.parseInt(documentId.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}

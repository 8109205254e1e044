package io.footfall.store;

import java.nio.file.Path;

/**
 * A clip file the outbox still references (kind {@value Outbox#CLIP_KIND}). Immutable.
 *
 * @param sequence      the record's sequence
 * @param file          the clip file on disk
 * @param bytes         its size when appended (counted against the quota)
 * @param createdMillis the record's creation time
 */
public record ClipReference(long sequence, Path file, long bytes, long createdMillis) {

    String encode() {
        return bytes + "\t" + createdMillis + "\t" + file;
    }

    static ClipReference decode(long sequence, String value) {
        String[] p = value.split("\t", 3);
        return new ClipReference(sequence, Path.of(p[2]), Long.parseLong(p[0]), Long.parseLong(p[1]));
    }
}

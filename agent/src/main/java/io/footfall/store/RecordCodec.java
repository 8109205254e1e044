package io.footfall.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The byte layout of a record value in the {@code records} map (the sequence is the key):
 * {@code version:u8, kindLen:u16, kind, idLen:u16, id, createdMillis:i64, payload...}.
 * Stateless; thread-safe.
 */
final class RecordCodec {
    static final byte VERSION = 1;
    static final int MAX_KIND_BYTES = 64;
    static final int MAX_ID_BYTES = 1024;
    /** Key bytes counted per record in the store's live-byte accounting. */
    static final int KEY_BYTES = Long.BYTES;

    private RecordCodec() {
    }

    static byte[] encode(String kind, String id, long createdMillis, byte[] payload) {
        byte[] k = kind.getBytes(StandardCharsets.UTF_8);
        byte[] i = id.getBytes(StandardCharsets.UTF_8);
        if (k.length == 0 || k.length > MAX_KIND_BYTES) {
            throw new IllegalArgumentException("record kind '" + kind + "': expected 1.." + MAX_KIND_BYTES + " bytes");
        }
        if (i.length == 0 || i.length > MAX_ID_BYTES) {
            throw new IllegalArgumentException("record id of " + i.length + " bytes: expected 1.." + MAX_ID_BYTES);
        }
        ByteBuffer b = ByteBuffer.allocate(1 + 2 + k.length + 2 + i.length + Long.BYTES + payload.length);
        b.put(VERSION).putShort((short) k.length).put(k).putShort((short) i.length).put(i)
                .putLong(createdMillis).put(payload);
        return b.array();
    }

    static OutboxRecord decode(long sequence, byte[] value) {
        ByteBuffer b = header(sequence, value);
        String kind = string(b);
        String id = string(b);
        long created = b.getLong();
        byte[] payload = new byte[b.remaining()];
        b.get(payload);
        return new OutboxRecord(sequence, kind, id, created, payload);
    }

    static String kind(long sequence, byte[] value) {
        return string(header(sequence, value));
    }

    static long createdMillis(long sequence, byte[] value) {
        ByteBuffer b = header(sequence, value);
        skipString(b);
        skipString(b);
        return b.getLong();
    }

    /** Bytes this record counts for against the quota. */
    static long cost(byte[] value) {
        return KEY_BYTES + value.length;
    }

    private static ByteBuffer header(long sequence, byte[] value) {
        if (value.length == 0 || value[0] != VERSION) {
            throw new IllegalStateException("record " + sequence + " has unknown encoding version "
                    + (value.length == 0 ? "<empty>" : Byte.toString(value[0])));
        }
        return ByteBuffer.wrap(value, 1, value.length - 1);
    }

    private static String string(ByteBuffer b) {
        int len = Short.toUnsignedInt(b.getShort());
        String s = new String(b.array(), b.position(), len, StandardCharsets.UTF_8);
        b.position(b.position() + len);
        return s;
    }

    private static void skipString(ByteBuffer b) {
        int len = Short.toUnsignedInt(b.getShort());
        b.position(b.position() + len);
    }
}

package io.footfall.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The byte layout of a record value in the {@code records} map (the sequence is the key):
 * {@code version:u8, kindLen:u16, kind, idLen:u16, id, createdMillis:i64, payload..., crc32c:u32}. The checksum
 * covers every byte before it: MVStore checks chunk headers and footers but not what a page holds, so without it a
 * damaged page could hand out a changed payload as if it were the one appended. Version 1 values (no checksum,
 * written before it was added) are still read. Stateless; thread-safe.
 */
final class RecordCodec {
    static final byte VERSION = 2;
    static final byte VERSION_WITHOUT_CHECKSUM = 1;
    static final int MAX_KIND_BYTES = 64;
    static final int MAX_ID_BYTES = 1024;
    /** Key bytes counted per record in the store's live-byte accounting. */
    static final int KEY_BYTES = Long.BYTES;
    private static final int CHECKSUM_BYTES = Integer.BYTES;

    /** A stored value whose checksum does not match: the file was damaged under it. */
    static final class DamagedRecordException extends IllegalStateException {
        DamagedRecordException(String message) {
            super(message);
        }
    }

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
        ByteBuffer b = ByteBuffer.allocate(1 + 2 + k.length + 2 + i.length + Long.BYTES + payload.length
                + CHECKSUM_BYTES);
        b.put(VERSION).putShort((short) k.length).put(k).putShort((short) i.length).put(i)
                .putLong(createdMillis).put(payload);
        b.putInt(checksum(b.array(), b.position()));
        return b.array();
    }

    /** Decodes a value, checking its checksum. @throws DamagedRecordException when it does not match */
    static OutboxRecord decode(long sequence, byte[] value) {
        ByteBuffer b = header(sequence, value);
        int end = value.length - (value[0] == VERSION ? CHECKSUM_BYTES : 0);
        if (value[0] == VERSION && checksum(value, end) != ByteBuffer.wrap(value, end, CHECKSUM_BYTES).getInt()) {
            throw new DamagedRecordException("record " + sequence + " is damaged (checksum mismatch)");
        }
        try {
            String kind = string(b);
            String id = string(b);
            long created = b.getLong();
            byte[] payload = new byte[end - b.position()];
            b.get(payload);
            return new OutboxRecord(sequence, kind, id, created, payload);
        } catch (RuntimeException e) {
            throw new DamagedRecordException("record " + sequence + " is damaged (" + e + ")");
        }
    }

    /** The record's kind, without checking the checksum (retention's quick look). */
    static String kind(long sequence, byte[] value) {
        return string(header(sequence, value));
    }

    /** The record's creation time, without checking the checksum (retention's quick look). */
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

    private static int checksum(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }

    private static ByteBuffer header(long sequence, byte[] value) {
        if (value.length == 0 || (value[0] != VERSION && value[0] != VERSION_WITHOUT_CHECKSUM)) {
            throw new DamagedRecordException("record " + sequence + " has unknown encoding version "
                    + (value.length == 0 ? "<empty>" : Byte.toString(value[0])));
        }
        return ByteBuffer.wrap(value, 1, value.length - 1);
    }

    private static String string(ByteBuffer b) {
        int len = Short.toUnsignedInt(b.getShort());
        if (len > b.remaining()) {
            throw new IllegalStateException("string of " + len + " bytes with " + b.remaining() + " left");
        }
        String s = new String(b.array(), b.position(), len, StandardCharsets.UTF_8);
        b.position(b.position() + len);
        return s;
    }

    private static void skipString(ByteBuffer b) {
        int len = Short.toUnsignedInt(b.getShort());
        b.position(b.position() + len);
    }
}

package io.footfall.pipeline;

import org.bytedeco.javacpp.BytePointer;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.function.BiConsumer;

/**
 * Byte records of any length, first in first out, packed one after another in one reused native buffer that wraps
 * around, each with a small description of its own ({@code M}).
 *
 * <p>Why not a {@code byte[]} a record: the clip history keeps seconds of JPEG frames per camera, about 100 KB each,
 * and lets go of the oldest at the camera's frame rate. Objects that live a few seconds are the garbage collector's
 * worst case: they survive young collections, are copied into the old generation, and the JVM grows its heap to
 * several times what they hold (eight cameras held about 50 MB of frames in a heap grown to 250 MB). Here they cost
 * their own bytes, once, and the heap holds only the descriptions.
 *
 * <p>The buffer grows (never shrinks) when a record does not fit beside the ones kept, by at least a quarter, so it
 * settles within a few grows at what the camera needs; the old buffer is freed at once, not when a collection runs.
 * {@link #close} frees it. Not thread-safe.
 */
final class ByteRing<M> implements AutoCloseable {
    private static final int MIN_CAPACITY = 64 * 1024;

    private static final class Entry<M> {
        final M meta;
        int offset;
        final int length;

        Entry(M meta, int offset, int length) {
            this.meta = meta;
            this.offset = offset;
            this.length = length;
        }
    }

    private final Deque<Entry<M>> entries = new ArrayDeque<>();
    private BytePointer memory;
    private ByteBuffer buffer;
    /** Where the next record starts when it fits before the end of the buffer. */
    private int head;
    private long bytes;

    /** Appends {@code src}'s remaining bytes (its position is left as it was) as a record described by {@code meta}. */
    void add(M meta, ByteBuffer src) {
        int length = src.remaining();
        int at = place(length);
        buffer.put(at, src, src.position(), length);
        entries.addLast(new Entry<>(meta, at, length));
        head = at + length;
        bytes += length;
    }

    /** The oldest record's description, or null when empty. */
    M oldest() {
        Entry<M> e = entries.peekFirst();
        return e == null ? null : e.meta;
    }

    /** Lets go of the oldest record; its room is reused. */
    void removeOldest() {
        Entry<M> e = entries.removeFirst();
        bytes -= e.length;
        if (entries.isEmpty()) {
            head = 0;
        }
    }

    /** Every record's description, oldest first. */
    Iterable<M> descriptions() {
        return () -> {
            Iterator<Entry<M>> it = entries.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public M next() {
                    return it.next().meta;
                }
            };
        };
    }

    /**
     * Every record, oldest first: its description and a read-only view of its bytes, valid until the next
     * {@link #add}.
     */
    void forEach(BiConsumer<M, ByteBuffer> out) {
        for (Entry<M> e : entries) {
            out.accept(e.meta, buffer.slice(e.offset, e.length).asReadOnlyBuffer());
        }
    }

    /** Bytes held in records. */
    long bytes() {
        return bytes;
    }

    int size() {
        return entries.size();
    }

    /** The native buffer's size (what the records cost in memory, at most). */
    int capacity() {
        return buffer == null ? 0 : buffer.capacity();
    }

    /** Forgets every record; the buffer is kept for the next ones. */
    void clear() {
        entries.clear();
        head = 0;
        bytes = 0;
    }

    /** Forgets every record and frees the buffer; a later {@link #add} makes a new one. */
    @Override
    public void close() {
        clear();
        if (memory != null) {
            memory.close();
            memory = null;
            buffer = null;
        }
    }

    /** Where a record of {@code length} bytes goes: after the newest, at the start when that is past the end, or grown. */
    private int place(int length) {
        if (buffer == null || length > buffer.capacity()) {
            grow(length);
        }
        if (entries.isEmpty()) {
            return 0;
        }
        int tail = entries.peekFirst().offset;
        if (head > tail) { // records lie in [tail, head): room after head, then before tail
            if (length <= buffer.capacity() - head) {
                return head;
            }
            if (length <= tail) {
                return 0;
            }
        } else if (head < tail && length <= tail - head) { // records wrapped: room only between head and tail
            return head;
        }
        grow(length);
        return head;
    }

    /** A larger buffer with the records packed from its start, in order; {@code head} after the last. */
    private void grow(int length) {
        long wanted = Math.max((long) MIN_CAPACITY, (bytes + length) * 5 / 4);
        if (buffer != null) {
            wanted = Math.max(wanted, Math.max((long) buffer.capacity() + length, buffer.capacity() * 5L / 4));
        }
        if (wanted > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("a byte ring cannot hold " + (bytes + length) + " bytes");
        }
        BytePointer biggerMemory = new BytePointer(wanted);
        ByteBuffer bigger = biggerMemory.asByteBuffer();
        int at = 0;
        for (Entry<M> e : entries) {
            bigger.put(at, buffer, e.offset, e.length);
            e.offset = at;
            at += e.length;
        }
        if (memory != null) {
            memory.close();
        }
        memory = biggerMemory;
        buffer = bigger;
        head = at;
    }
}

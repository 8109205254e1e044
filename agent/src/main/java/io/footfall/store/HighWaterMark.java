package io.footfall.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * The highest sequence the outbox has ever made durable, kept in a small file apart from the MVStore chunks
 * ({@value #FILE_NAME}). MVStore silently falls back to an older version when a newer chunk is damaged; comparing
 * the store's last sequence with this mark is how the outbox notices it lost committed records, and continuing
 * after the mark is how it never hands out a sequence twice.
 *
 * <p>Written after every durable commit, so it never claims more than the store once held. Two checksummed slots
 * written alternately in place: a torn write spoils at most the slot being written and the other still holds the
 * previous mark. In place rather than write-and-rename, because rewriting allocated blocks works on a full disk.
 * Each commit writes the mark into the page cache (microseconds; a kill -9 cannot lose it); an fdatasync follows at
 * most every {@value #SYNC_EVERY_MILLIS} ms and on close, not after every commit, because that would add a second
 * fsync to every append under the {@code always} policy. A power cut can therefore leave the mark up to that
 * long behind (a lower bound is still safe: it never makes intact data look lost); only a store damaged in that
 * same last second would go unnoticed. Not thread-safe: used under the {@link OutboxLog} lock.
 */
final class HighWaterMark implements AutoCloseable {
    static final String FILE_NAME = "outbox.hwm";
    private static final int MAGIC = 0x46464857; // "FFHW"
    private static final int SLOT_BYTES = 4 + 8 + 8 + 4;
    /** Slots in different 512-byte sectors, so one torn sector write cannot reach both. */
    private static final int SLOT_STRIDE = 512;
    static final long SYNC_EVERY_MILLIS = 1000;
    private static final Logger log = LoggerFactory.getLogger(HighWaterMark.class);

    private final Path file;
    private final FileChannel channel;
    private long mark;
    private long writes;
    private boolean failing;
    private boolean unsynced;
    private long lastSyncNanos = System.nanoTime();

    private HighWaterMark(Path file, FileChannel channel, long mark, long writes) {
        this.file = file;
        this.channel = channel;
        this.mark = mark;
        this.writes = writes;
    }

    static Path fileIn(Path dataDirectory) {
        return dataDirectory.resolve(FILE_NAME);
    }

    /** The mark stored in {@code file}; 0 when there is none (a store from before the mark existed) or neither slot is valid. */
    static long read(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return Math.max(0, newest(ch)[0]);
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new StoreException("cannot read the outbox high-water mark " + file + ": " + e.getMessage(), e);
        }
    }

    /** Opens (creating it durably when missing) the mark for a writer whose store holds up to {@code storeLast}. */
    static HighWaterMark open(Path file, long storeLast) {
        try {
            boolean created = !Files.exists(file);
            FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.CREATE);
            long[] newest = newest(ch);
            HighWaterMark m = new HighWaterMark(file, ch, Math.max(0, newest[0]), Math.max(0, newest[1]));
            if (created || newest[0] < 0) {
                m.write(Math.max(storeLast, m.mark));
                m.write(m.mark); // both slots valid from the start
                m.sync();
                StoreFile.syncDirectory(file.getParent());
            }
            return m;
        } catch (IOException e) {
            throw new StoreException("cannot open the outbox high-water mark " + file + ": " + DiskSpace.describe(e), e);
        }
    }

    long value() {
        return mark;
    }

    /** Records that everything up to {@code sequence} is durable. Failing to is logged, not thrown: the data is safe. */
    void advance(long sequence) {
        if (sequence <= mark) {
            return;
        }
        try {
            write(sequence);
            if (System.nanoTime() - lastSyncNanos >= SYNC_EVERY_MILLIS * 1_000_000) {
                sync();
            }
            if (failing) {
                failing = false;
                log.info("event=outbox_hwm_written_again file={} mark={}", file, mark);
            }
        } catch (IOException e) {
            if (!failing) {
                failing = true;
                log.error("event=outbox_hwm_write_failed file={} mark={} sequence={} error=\"{}\"", file, mark, sequence,
                        DiskSpace.describe(e));
            }
        }
    }

    private void write(long sequence) throws IOException {
        long n = writes + 1;
        ByteBuffer b = ByteBuffer.allocate(SLOT_BYTES);
        b.putInt(MAGIC).putLong(sequence).putLong(n);
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, SLOT_BYTES - 4);
        b.putInt((int) crc.getValue()).flip();
        long position = (n % 2) * SLOT_STRIDE;
        while (b.hasRemaining()) {
            position += channel.write(b, position);
        }
        writes = n;
        mark = sequence;
        unsynced = true;
    }

    private void sync() throws IOException {
        if (unsynced) {
            channel.force(false);
            unsynced = false;
        }
        lastSyncNanos = System.nanoTime();
    }

    /** {mark, writes} of the newest valid slot, or {-1, -1} when neither is valid. */
    private static long[] newest(FileChannel ch) throws IOException {
        long[] best = {-1, -1};
        for (int slot = 0; slot < 2; slot++) {
            ByteBuffer b = ByteBuffer.allocate(SLOT_BYTES);
            long position = (long) slot * SLOT_STRIDE;
            while (b.hasRemaining() && ch.read(b, position + b.position()) > 0) {
                // keep reading
            }
            if (b.hasRemaining()) {
                continue;
            }
            b.flip();
            CRC32C crc = new CRC32C();
            crc.update(b.array(), 0, SLOT_BYTES - 4);
            int magic = b.getInt();
            long sequence = b.getLong();
            long writes = b.getLong();
            if (magic == MAGIC && b.getInt() == (int) crc.getValue() && writes > best[1]) {
                best[0] = sequence;
                best[1] = writes;
            }
        }
        return best;
    }

    @Override
    public void close() {
        try {
            sync();
        } catch (IOException e) {
            log.error("event=outbox_hwm_write_failed file={} mark={} error=\"{}\"", file, mark, DiskSpace.describe(e));
        }
        try {
            channel.close();
        } catch (IOException e) {
            log.warn("event=outbox_hwm_close_failed file={} error=\"{}\"", file, e.getMessage());
        }
    }
}

package io.footfall.store;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboxCorruptionTest {
    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve(Outbox.FILE_NAME);
    }

    private OutboxConfig config() {
        return OutboxConfig.of(dir, "dev-c");
    }

    @Test
    void garbageFileIsMovedAsideByteForByteAndNamedInTheError() throws IOException {
        byte[] garbage = new byte[16 * 1024];
        new Random(7).nextBytes(garbage);
        Files.write(file(), garbage);

        StoreCorruptException e = catchCorrupt();
        assertThat(e.getMessage()).contains(file().toString()).contains("corrupt").contains("Moved it to");
        assertThat(e.movedTo().getFileName().toString()).startsWith(Outbox.FILE_NAME + ".corrupt-");
        assertThat(Files.readAllBytes(e.movedTo())).isEqualTo(garbage);
        assertThat(file()).doesNotExist();

        try (Outbox o = Outbox.open(config())) {
            assertThat(o.append("crossing", "a", Payloads.crossing(1))).isEqualTo(1);
        }
        assertThat(Files.readAllBytes(e.movedTo())).isEqualTo(garbage);
    }

    @Test
    void truncatedStoreIsMovedAsideNotEmptied() throws IOException {
        try (Outbox o = Outbox.open(config())) {
            for (int i = 1; i <= 100; i++) {
                o.append("crossing", Payloads.id(i), Payloads.crossing(i));
            }
        }
        try (RandomAccessFile f = new RandomAccessFile(file().toFile(), "rw")) {
            f.setLength(700);
        }
        StoreCorruptException e = catchCorrupt();
        assertThat(Files.size(e.movedTo())).isEqualTo(700);
    }

    @Test
    void overwrittenHeaderIsCorrupt() throws IOException {
        try (Outbox o = Outbox.open(config())) {
            o.append("crossing", "a", Payloads.crossing(1));
        }
        long size = Files.size(file());
        try (RandomAccessFile f = new RandomAccessFile(file().toFile(), "rw")) {
            f.write(new byte[8192]); // both header copies
        }
        StoreCorruptException e = catchCorrupt();
        assertThat(Files.size(e.movedTo())).isEqualTo(size);
    }

    @Test
    void newerFormatVersionIsMovedAsideWithAVersionError() {
        try (MVStore s = new MVStore.Builder().fileName(file().toString()).open()) {
            MVMap<String, String> meta = StoreMaps.open(s).meta();
            meta.put(StoreMaps.KEY_FORMAT, "99");
            meta.put(StoreMaps.KEY_DEVICE, "dev-c");
        }
        assertThatThrownBy(() -> Outbox.open(config()))
                .isInstanceOfSatisfying(StoreVersionException.class, e -> {
                    assertThat(e.getMessage()).contains(file().toString()).contains("format version 99")
                            .contains("reads version " + StoreFile.FORMAT_VERSION);
                    assertThat(e.movedTo()).exists();
                });
        assertThat(file()).doesNotExist();
    }

    @Test
    void foreignMvStoreIsNotTakenOver() {
        try (MVStore s = new MVStore.Builder().fileName(file().toString()).open()) {
            s.openMap("something-else").put("k", "v");
        }
        assertThatThrownBy(() -> Outbox.open(config()))
                .isInstanceOf(StoreVersionException.class).hasMessageContaining("not a Footfall outbox");
    }

    @Test
    void readOnlyOpenReportsCorruptionButLeavesTheFile() throws IOException {
        Files.write(file(), new byte[8192]);
        assertThatThrownBy(() -> Outbox.open(OutboxConfig.readOnly(dir)))
                .isInstanceOfSatisfying(StoreCorruptException.class, e -> assertThat(e.movedTo()).isNull())
                .hasMessageContaining(file().toString());
        assertThat(file()).exists();
    }

    @Test
    void garbageReadOnlySaysCorruptAndWhatToDoWithoutObjectIds() throws IOException {
        byte[] garbage = new byte[5000];
        new java.util.Random(7).nextBytes(garbage);
        Files.write(file(), garbage);

        assertThatThrownBy(() -> Outbox.open(OutboxConfig.readOnly(dir)))
                .isInstanceOf(StoreCorruptException.class)
                .hasMessageStartingWith("outbox store " + file() + " is corrupt (")
                .hasMessageContaining("moves it aside and starts a new outbox")
                .hasMessageNotContaining("@")
                .hasMessageNotContaining("sun.nio");
    }

    @Test
    void objectIdsAreLeftOutOfH2sMessages() {
        assertThat(StoreFile.withoutObjectIds("Reading from file sun.nio.ch.FileChannelImpl@6d9f7a80 failed at 5000 (length -1),"
                + " read 0, remaining 4096 [2.2.224/1]"))
                .isEqualTo("Reading from the file failed at 5000 (length -1), read 0, remaining 4096 [2.2.224/1]");
        assertThat(StoreFile.withoutObjectIds("chunk org.h2.mvstore.Chunk@1f is bad")).isEqualTo("chunk object is bad");
    }

    @Test
    void anEmptyStoreFileOpenedReadOnlyIsNamedEmptyNotMissing() throws IOException {
        Files.write(file(), new byte[0]);

        assertThatThrownBy(() -> Outbox.open(OutboxConfig.readOnly(dir)))
                .isInstanceOf(io.footfall.BadInputException.class)
                .hasMessageStartingWith("outbox store " + file() + " is empty (0 bytes), not a Footfall outbox");
        assertThat(file()).exists().isEmptyFile();
    }

    @Test
    void lockedStoreIsAClearErrorAndIsNotMoved() {
        try (Outbox first = Outbox.open(config())) {
            first.append("crossing", "a", Payloads.crossing(1));
            assertThatThrownBy(() -> Outbox.open(config()))
                    .isInstanceOf(StoreLockedException.class).hasMessageContaining("in use");
            assertThat(first.append("crossing", "b", Payloads.crossing(2))).isEqualTo(2);
        }
        try (Outbox again = Outbox.open(config())) {
            assertThat(again.lastSequence()).isEqualTo(2);
        }
    }

    private StoreCorruptException catchCorrupt() {
        try {
            Outbox.open(config()).close();
        } catch (StoreCorruptException e) {
            return e;
        }
        throw new AssertionError("expected StoreCorruptException opening " + file());
    }
}

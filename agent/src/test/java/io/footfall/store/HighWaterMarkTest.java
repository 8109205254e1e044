package io.footfall.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class HighWaterMarkTest {
    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve(HighWaterMark.FILE_NAME);
    }

    @Test
    void missingFileIsZeroAndOpeningCreatesItAtTheStoresLastSequence() {
        assertThat(HighWaterMark.read(file())).isZero();
        try (HighWaterMark m = HighWaterMark.open(file(), 12)) {
            assertThat(m.value()).isEqualTo(12);
        }
        assertThat(HighWaterMark.read(file())).isEqualTo(12);
    }

    @Test
    void advancesOnlyUpwardsAndSurvivesReopen() {
        try (HighWaterMark m = HighWaterMark.open(file(), 0)) {
            m.advance(5);
            m.advance(3);
            m.advance(9);
            assertThat(m.value()).isEqualTo(9);
        }
        try (HighWaterMark m = HighWaterMark.open(file(), 2)) {
            assertThat(m.value()).as("a store behind the mark does not lower it").isEqualTo(9);
        }
    }

    @Test
    void aTornSlotFallsBackToTheOtherSlotsPreviousMark() throws IOException {
        try (HighWaterMark m = HighWaterMark.open(file(), 0)) {
            for (long s = 1; s <= 7; s++) {
                m.advance(s);
            }
        }
        // Find the slot holding 7 by spoiling each in turn.
        for (int slot = 0; slot < 2; slot++) {
            Path copy = dir.resolve("copy-" + slot);
            Files.copy(file(), copy);
            try (RandomAccessFile f = new RandomAccessFile(copy.toFile(), "rw")) {
                f.seek(slot * 512L + 6);
                f.write(0x5A);
            }
            assertThat(HighWaterMark.read(copy)).isIn(6L, 7L);
        }
    }

    @Test
    void bothSlotsSpoiltReadsAsNoMark() throws IOException {
        Files.write(file(), new byte[1024]);
        assertThat(HighWaterMark.read(file())).isZero();
        try (HighWaterMark m = HighWaterMark.open(file(), 4)) {
            assertThat(m.value()).as("rewritten from the store").isEqualTo(4);
        }
        assertThat(HighWaterMark.read(file())).isEqualTo(4);
    }
}

package io.footfall.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.footfall.BadInputException;
import io.footfall.geometry.Box;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ViratFormatTest {

    @TempDir
    Path dir;

    @Test
    void readsPersonsOfDecodedFramesOnly() {
        Path file = EvalTestData.shared(EvalTestData.VIRAT_OBJECTS);

        GroundTruth all = ViratFormat.readPersons(file, Long.MAX_VALUE);
        GroundTruth clipped = ViratFormat.readPersons(file, EvalTestData.VIRAT_FRAMES);

        assertThat(all.size()).isEqualTo(2626);
        assertThat(all.byFrame().lastKey()).isEqualTo(494);
        assertThat(clipped.size()).isEqualTo(2614);
        assertThat(clipped.byFrame().lastKey()).isEqualTo(492);
        assertThat(clipped.objectIds()).containsExactly(1L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(clipped.inFrame(0)).contains(new GtBox(0, 1, new Box(540, 513, 36, 80)));
        assertThat(all.clipped(EvalTestData.VIRAT_FRAMES).boxes()).isEqualTo(clipped.boxes());
    }

    @Test
    void keepsTypeOneOnly() throws IOException {
        Path file = Files.writeString(dir.resolve("o.txt"),
                "1 10 0 5 6 7 8 1\r\n2 10 0 5 6 7 8 2\r\n3 10 0 5 6 7 8 5\r\n4 10 3 5 6 7 8 1\r\n");

        GroundTruth gt = ViratFormat.readPersons(file, 3);

        assertThat(gt.boxes()).containsExactly(new GtBox(0, 1, new Box(5, 6, 7, 8)));
    }

    @Test
    void badLinesNameFileLineAndExpectation() throws IOException {
        Path file = Files.writeString(dir.resolve("o.txt"), "1 10 0 5 6 7 8 1\n1 10 1 5 6 7 1\n");
        assertThatThrownBy(() -> ViratFormat.readPersons(file, 100))
                .isInstanceOf(BadInputException.class)
                .hasMessage(file + ":2: expected 8 columns (object id, duration, frame, left, top, width, height, type), found 7");

        Path notNumber = Files.writeString(dir.resolve("n.txt"), "1 10 x 5 6 7 8 1\n");
        assertThatThrownBy(() -> ViratFormat.readPersons(notNumber, 100))
                .isInstanceOf(BadInputException.class)
                .hasMessage(notNumber + ":1: expected frame (a whole number) in column 3, found 'x'");
    }
}

package io.footfall.eval;

import io.footfall.schema.TrackBox;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.footfall.BadInputException;
import io.footfall.geometry.Box;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MotChallengeFormatTest {

    @TempDir
    Path dir;

    @Test
    void readsTudCampusWithZeroBasedFramesAndSeqinfo() {
        GroundTruth gt = MotChallengeFormat.readGroundTruth(EvalTestData.shared(EvalTestData.TUD_GT));

        assertThat(gt.size()).isEqualTo(359);
        assertThat(gt.objectIds()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(gt.byFrame().firstKey()).isZero();
        assertThat(gt.byFrame().lastKey()).isEqualTo(70);
        assertThat(gt.boxes().get(0)).isEqualTo(new GtBox(0, 1, new Box(399, 182, 121, 229)));
        assertThat(gt.info()).contains(new SequenceInfo("TUD-Campus", 25, 640, 480, 71));
    }

    @Test
    void dropsIgnoreRowsAndNonPedestrianClasses() throws IOException {
        Path gt = write("gt.txt",
                "1,1,10,10,5,5,1,1,1",      // pedestrian
                "1,2,10,10,5,5,0,1,1",      // conf 0: ignore row
                "1,3,10,10,5,5,1,7,1",      // static person: distractor class
                "2,4,10,10,5,5,1,-1,-1,-1", // MOT15 row, no class
                "3,5,10,10,5,5,1");         // no class column

        GroundTruth read = MotChallengeFormat.readGroundTruth(gt);

        assertThat(read.boxes()).extracting(GtBox::objectId).containsExactly(1L, 4L, 5L);
        assertThat(read.boxes()).extracting(GtBox::frame).containsExactly(0L, 1L, 2L);
        assertThat(read.info()).isEmpty();
    }

    @Test
    void mot15WorldCoordinatesAreIgnoredAndEveryRowButConfZeroIsAPedestrian() throws IOException {
        Path gt = write("gt.txt",
                "1,1,363.0,217.0,75.0,190.0,1,-4.1554,12.034,0",
                "1,2,10,10,5,5,1,7,0.5,0",         // world x 7, y 0.5: looks like a class and visibility, still MOT15
                "2,1,365.0,218.0,75.0,190.0,0,-4.2,12.1,0", // conf 0: ignored
                "2,3,10,10,5,5,1,-1,-1,-1",        // no world coordinates
                "3,4,10,10,5,5,0.5,1e-3,-0.25,3.5");

        assertThat(MotChallengeFormat.detectFlavour(gt)).isEqualTo(MotChallengeFormat.Flavour.MOT15);
        GroundTruth read = MotChallengeFormat.readGroundTruth(gt);

        assertThat(read.boxes()).extracting(GtBox::objectId).containsExactly(1L, 2L, 3L, 4L);
        assertThat(read.boxes().get(0)).isEqualTo(new GtBox(0, 1, new Box(363, 217, 75, 190)));
        assertThat(MotChallengeFormat.readGroundTruth(gt, MotChallengeFormat.Flavour.MOT15).boxes()).isEqualTo(read.boxes());
    }

    @Test
    void mot16KeepsClassOneAndUnclassifiedRowsWithConf() throws IOException {
        Path gt = write("gt.txt",
                "1,1,10,10,5,5,1,1,0.83",
                "1,2,10,10,5,5,1,2,1",     // person on vehicle
                "1,3,10,10,5,5,1,13,0",    // MOT20 crowd
                "2,1,10,10,5,5,0,1,0.1",   // conf 0
                "2,4,10,10,5,5,1,-1,-1,-1",
                "3,1,10,10,5,5,1,1,1,-1");

        assertThat(MotChallengeFormat.detectFlavour(gt)).isEqualTo(MotChallengeFormat.Flavour.MOT16);
        assertThat(MotChallengeFormat.readGroundTruth(gt).boxes()).extracting(GtBox::objectId, GtBox::frame)
                .containsExactly(tuple(1L, 0L), tuple(4L, 1L), tuple(1L, 2L));
        // The same file read as MOT15 keeps every row with conf != 0.
        assertThat(MotChallengeFormat.readGroundTruth(gt, MotChallengeFormat.Flavour.MOT15).size()).isEqualTo(5);
    }

    @Test
    void detectionRule() throws IOException {
        MotChallengeFormat.Flavour mot15 = MotChallengeFormat.Flavour.MOT15;
        MotChallengeFormat.Flavour mot16 = MotChallengeFormat.Flavour.MOT16;
        // All -1, or no columns 8-10: MOT15 (both flavours would keep the same rows).
        assertThat(detect("1,1,10,10,5,5,1,-1,-1,-1", "2,1,10,10,5,5,1,-1,-1,-1")).isEqualTo(mot15);
        assertThat(detect("1,1,10,10,5,5,1", "2,1,10,10,5,5,1,-1")).isEqualTo(mot15);
        assertThat(detect()).isEqualTo(mot15);
        // One world coordinate that is not a class or visibility among MOT16-looking rows: MOT15.
        assertThat(detect("1,1,10,10,5,5,1,3,0.5,0", "2,1,10,10,5,5,1,3,0.75,0")).isEqualTo(mot16);
        assertThat(detect("1,1,10,10,5,5,1,3,0.5,0", "2,1,10,10,5,5,1,3.5,0.75,0")).isEqualTo(mot15);
        assertThat(detect("1,1,10,10,5,5,1,3,0.5,0", "2,1,10,10,5,5,1,3,1.75,0")).isEqualTo(mot15);
        assertThat(detect("1,1,10,10,5,5,1,14,0.5,0")).as("class beyond 13").isEqualTo(mot15);
        assertThat(detect("1,1,10,10,5,5,1,0,0.5,0")).as("class 0").isEqualTo(mot15);
        assertThat(detect("1,1,10,10,5,5,1,1")).as("class without visibility").isEqualTo(mot15);
        assertThat(detect("1,1,10,10,5,5,1,-1,0.5,0")).as("world x -1, y 0.5").isEqualTo(mot15);
        // MOT16 rows with unclassified (-1) or short rows among them: MOT16.
        assertThat(detect("1,1,10,10,5,5,1,1,1", "1,2,10,10,5,5,1,-1,-1", "1,3,10,10,5,5,1")).isEqualTo(mot16);
        // Whitespace-separated, float class ids.
        assertThat(detect("1 1 10 10 5 5 1 1.0 0.5 -1")).isEqualTo(mot16);
        // A broken MOT16 file is read as MOT15 (with a warning); --gt-format mot16 shows the error.
        assertThat(detect("1,1,10,10,5,5,1,1,1", "2,1,10,10,5,5,1,1,1", "3,1,10,10,5,5,1,pedestrian,1")).isEqualTo(mot15);
    }

    @Test
    void readsTudCampusAsMot15AndTheSameAsMot16() {
        Path file = EvalTestData.shared(EvalTestData.TUD_GT);

        assertThat(MotChallengeFormat.detectFlavour(file)).isEqualTo(MotChallengeFormat.Flavour.MOT15);
        assertThat(MotChallengeFormat.readGroundTruth(file, MotChallengeFormat.Flavour.MOT16).boxes())
                .isEqualTo(MotChallengeFormat.readGroundTruth(file).boxes());
    }

    @Test
    void rowsMalformedInTheChosenFlavourNameFileLineColumnAndExpectation() throws IOException {
        Path world = write("world.txt", "1,1,363.0,217.0,75.0,190.0,1,-1,-1,-1", "1,2,363.0,217.0,75.0,190.0,1,-4.1554,12.034,0");
        assertThatThrownBy(() -> MotChallengeFormat.readGroundTruth(world, MotChallengeFormat.Flavour.MOT16))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(world + ":2: expected class (a whole number 1..13, or -1) in column 8, found '-4.1554'")
                .hasMessageContaining("MOT16 layout: frame, id, x, y, w, h, conf, class, visibility, unused")
                .hasMessageContaining("use --gt-format mot15");

        Path visibility = write("vis.txt", "1,1,10,10,5,5,1,1,1", "2,1,10,10,5,5,1,1,1.5");
        assertThatThrownBy(() -> MotChallengeFormat.readGroundTruth(visibility, MotChallengeFormat.Flavour.MOT16))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(visibility + ":2: expected visibility (a number in [0, 1], or -1) in column 9, found '1.5'");

        Path word = write("word.txt", "1,1,10,10,5,5,1,1,1", "", "2,1,10,10,5,5,1,pedestrian,1");
        assertThatThrownBy(() -> MotChallengeFormat.readGroundTruth(word))
                .as("auto: read as MOT15, which needs numbers")
                .isInstanceOf(BadInputException.class)
                .hasMessage(word + ":3: expected world x (a number, or -1) in column 8, found 'pedestrian'"
                        + " (MOT15 layout: frame, id, x, y, w, h, conf, world x, world y, world z)");
        assertThatThrownBy(() -> MotChallengeFormat.readGroundTruth(word, MotChallengeFormat.Flavour.MOT16))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(word + ":3: expected class (a whole number 1..13, or -1) in column 8, found 'pedestrian'")
                .hasMessageNotContaining("mot15");

        Path z = write("z.txt", "1,1,10,10,5,5,1,-4.1554,12.034,");
        assertThatThrownBy(() -> MotChallengeFormat.readGroundTruth(z))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(z + ":1: expected world z (a number, or -1) in column 10, found ''");
    }

    @Test
    void acceptsWhitespaceSeparatedCrlfLinesAndFloatIds() throws IOException {
        Path gt = write("gt.txt", "1 1 10.5 10 5 5 1 -1 -1 -1\r", "", "2.0, 1.0, 11, 10, 5, 5, 1\r");

        assertThat(MotChallengeFormat.readGroundTruth(gt).boxes()).containsExactly(
                new GtBox(0, 1, new Box(10.5, 10, 5, 5)), new GtBox(1, 1, new Box(11, 10, 5, 5)));
    }

    @Test
    void badLinesNameFileLineAndExpectation() throws IOException {
        Path gt = write("gt.txt", "1,1,10,10,5,5,1", "", "2,1,ten,10,5,5,1");
        assertThatThrownBy(() -> MotChallengeFormat.readGroundTruth(gt))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(gt + ":3: ")
                .hasMessageContaining("expected x (a number) in column 3, found 'ten'");

        Path shortRow = write("short.txt", "1,1,10,10,5");
        assertThatThrownBy(() -> MotChallengeFormat.readGroundTruth(shortRow))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(shortRow + ":1: ")
                .hasMessageContaining("expected at least 7 columns");

        Path zeroFrame = write("zero.txt", "0,1,10,10,5,5,1");
        assertThatThrownBy(() -> MotChallengeFormat.readTracks(zeroFrame))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(":1: expected a 1-based frame");

        Path negative = write("neg.txt", "1,1,10,10,-5,5,1");
        assertThatThrownBy(() -> MotChallengeFormat.readTracks(negative))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("non-negative width and height");

        Path twice = write("twice.txt", "1,1,10,10,5,5,1", "1,1,20,10,5,5,1");
        assertThatThrownBy(() -> MotChallengeFormat.readTracks(twice))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(":2: expected one box per track and frame");

        assertThatThrownBy(() -> MotChallengeFormat.readTracks(dir.resolve("absent.txt")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("absent.txt: file not found");
    }

    @Test
    void findsSeqinfoOneFolderUpAndReportsMissingKeys() throws IOException {
        Files.createDirectories(dir.resolve("seq/gt"));
        Files.writeString(dir.resolve("seq/seqinfo.ini"),
                "[Sequence]\nname=Walk\nframeRate=30\nseqLength=9\nimWidth=1920\nimHeight=1080\n");
        Path gt = Files.writeString(dir.resolve("seq/gt/gt.txt"), "1,1,10,10,5,5,1\n");

        assertThat(MotChallengeFormat.readGroundTruth(gt).info()).contains(new SequenceInfo("Walk", 30, 1920, 1080, 9));

        Path ini = Files.writeString(dir.resolve("bad.ini"), "[Sequence]\nframeRate=fast\nimWidth=1\nimHeight=1\nseqLength=1\n");
        assertThatThrownBy(() -> MotChallengeFormat.readSequenceInfo(ini))
                .isInstanceOf(BadInputException.class)
                .hasMessage(ini + ":2: expected frameRate to be a positive number, found 'fast'");
        Path noLength = Files.writeString(dir.resolve("short.ini"), "[Sequence]\nframeRate=25\nimWidth=1\nimHeight=1\n");
        assertThatThrownBy(() -> MotChallengeFormat.readSequenceInfo(noLength))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("expected a 'seqLength=' entry");
    }

    @Test
    void tracksRoundTripExactlyWithOneBasedFramesOnDisk() throws IOException {
        List<TrackBox> tracks = List.of(
                new TrackBox(3, 2, new Box(0.1 + 0.2, 1e-7, 123.456789012345, 7)),
                new TrackBox(0, 9, new Box(-4.5, 1e20, 1, 2.25)));
        Path file = dir.resolve("res.txt");

        MotChallengeFormat.writeTracks(file, tracks);

        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo("1,9,-4.5,100000000000000000000,1,2.25,1,-1,-1,-1");
        assertThat(lines.get(1)).startsWith("4,2,0.30000000000000004,0.0000001,123.456789012345,7,");
        assertThat(MotChallengeFormat.readTracks(file)).containsExactly(tracks.get(1), tracks.get(0));
    }

    @Test
    void groundTruthRoundTrips() {
        GroundTruth gt = GroundTruth.of(List.of(new GtBox(1, 4, new Box(1.5, 2, 3, 4)), new GtBox(0, 3, new Box(5, 6, 7, 8))));
        Path file = dir.resolve("gt.txt");

        MotChallengeFormat.writeGroundTruth(file, gt);

        assertThat(MotChallengeFormat.readGroundTruth(file).boxes()).isEqualTo(gt.boxes());
    }

    private MotChallengeFormat.Flavour detect(String... lines) throws IOException {
        return MotChallengeFormat.detectFlavour(write("detect.txt", lines));
    }

    private Path write(String name, String... lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }
}

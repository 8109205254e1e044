package io.footfall.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.footfall.BadInputException;
import io.footfall.job.RunRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --out} never replaces what the command reads: its inputs, and a run's saved tracks. */
class OutputFileTest {

    @TempDir
    Path tmp;

    @Test
    void anOutputThatIsAnInputIsRefusedNamingBoth() throws Exception {
        Path gt = Files.writeString(tmp.resolve("gt.txt"), "1,1,10,10,5,5,1,-1,-1,-1\n");

        assertThatThrownBy(() -> OutputFile.check("--out", gt, new OutputFile.Input("--tracks", null),
                new OutputFile.Input("--gt", gt)))
                .isInstanceOf(BadInputException.class)
                .hasMessage("--out " + gt + " is the same file as --gt " + gt + ": writing there would destroy the input;"
                        + " choose another file");
        assertThat(Files.readString(gt)).startsWith("1,1,");
    }

    @Test
    void theSameFileIsFoundThroughAnotherSpellingAndASymbolicLink() throws Exception {
        Path photo = Files.writeString(tmp.resolve("alice.jpg"), "jpeg");
        Path link = Files.createSymbolicLink(tmp.resolve("link.jpg"), photo);
        Path dotted = tmp.resolve("sub/../alice.jpg");
        Files.createDirectories(tmp.resolve("sub"));
        List<OutputFile.Input> photos = OutputFile.Input.each("--crops photo", List.of(photo));

        for (Path out : List.of(link, dotted)) {
            assertThatThrownBy(() -> OutputFile.check("--out", out, photos)).hasMessageContaining("--crops photo " + photo);
        }
        Path fresh = tmp.resolve("gallery.bin");
        assertThat(OutputFile.check("--out", fresh, photos)).isEqualTo(fresh);
    }

    @Test
    void aRunsSavedTracksAreFootfallsOwnData() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("run/tracks"));
        Files.writeString(tmp.resolve("run").resolve(RunRecord.FILE), "{}");
        Path tracks = Files.writeString(data.resolve("camera1.txt"), "1,1,10,10,5,5,1,-1,-1,-1\n");

        assertThatThrownBy(() -> OutputFile.check("--out", tracks)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("is Footfall's own data (camera1.txt)");
        // A folder called tracks that is no run's is the user's.
        Path other = Files.createDirectories(tmp.resolve("mine/tracks")).resolve("camera1.txt");
        assertThat(OutputFile.check("--out", other)).isEqualTo(other);
    }

    @Test
    void detectNeverWritesOverFootageItsOwnSourceOrAnother() throws Exception {
        byte[] gif = "GIF89a-not-really".getBytes(StandardCharsets.US_ASCII);
        Path source = Files.write(tmp.resolve("entrance.gif"), gif);
        Path other = Files.write(tmp.resolve("yesterday.MP4"), gif);

        String err = stderrOf(() -> assertThat(FootfallCommand.execute("detect", "--source", source.toString(), "--out",
                source.toString())).isEqualTo(ExitCodes.BAD_INPUT));
        assertThat(err).contains("is the same file as --source " + source);
        err = stderrOf(() -> assertThat(FootfallCommand.execute("detect", "--source", source.toString(), "--out",
                other.toString())).isEqualTo(ExitCodes.BAD_INPUT));
        assertThat(err).contains("--out " + other + " is an existing video or picture");
        assertThat(Files.readAllBytes(source)).isEqualTo(gif);
        assertThat(Files.readAllBytes(other)).isEqualTo(gif);
    }

    @Test
    void edgeManifestRefusesToReplaceItsConfig() throws Exception {
        String yaml = "device: s1\ncameras:\n  - id: c1\n    source: usb:0\n    lines: [{name: door, points: [[0.5, 0], [0.5, 1]]}]\n";
        Path config = Files.writeString(tmp.resolve("store.yaml"), yaml);

        String err = stderrOf(() -> assertThat(FootfallCommand.execute("edge", "manifest", "--config", config.toString(), "--out",
                config.toString())).isEqualTo(ExitCodes.BAD_INPUT));

        assertThat(err).contains("--out " + config + " is the same file as --config " + config);
        assertThat(Files.readString(config)).isEqualTo(yaml);
    }

    private static String stderrOf(Runnable r) {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setErr(old);
        }
        return err.toString(StandardCharsets.UTF_8);
    }
}

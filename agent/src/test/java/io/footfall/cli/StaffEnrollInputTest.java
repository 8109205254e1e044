package io.footfall.cli;

import io.footfall.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Careless enrolment from footage: a clear error naming what was expected, and no gallery file written. */
class StaffEnrollInputTest {

    @TempDir
    Path tmp;

    private String run(String... args) throws Exception {
        Path key = tmp.resolve("staff.key");
        Files.writeString(key, Base64.getEncoder().encodeToString(new byte[32]));
        PrintStream before = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true));
        int code;
        try {
            String[] all = new String[args.length + 4];
            all[0] = "staff";
            all[1] = "enroll";
            System.arraycopy(args, 0, all, 2, args.length);
            all[args.length + 2] = "--key-file";
            all[args.length + 3] = key.toString();
            code = FootfallCommand.newCommandLine().execute(all);
        } finally {
            System.setErr(before);
        }
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(tmp.resolve("g.bin")).doesNotExist();
        return err.toString();
    }

    @Test
    void photosOrFootageMustBeChosen() throws Exception {
        assertThat(run("--out", tmp.resolve("g.bin").toString())).contains("--crops").contains("--source");
        assertThat(run("--out", tmp.resolve("g.bin").toString(), "--crops", tmp.toString(), "--source", "x.mp4"))
                .contains("either");
    }

    @Test
    void footageNeedsAZoneAndASaneWindow() throws Exception {
        String clip = SharedData.require(SharedData.ONE_BY_ONE).toString();
        assertThat(run("--out", tmp.resolve("g.bin").toString(), "--source", clip)).contains("--zone is required");
        assertThat(run("--out", tmp.resolve("g.bin").toString(), "--source", clip, "--zone", "0,0,1,0,1,1,0,1",
                "--from", "10", "--to", "5")).contains("--from").contains("before --to");
        assertThat(run("--out", tmp.resolve("g.bin").toString(), "--source", clip, "--zone", "0,0,1,1"))
                .contains("zone");
    }

    @Test
    void anOutputPathThatCannotBeWrittenIsRefusedBeforeAnyFootageIsRead() throws Exception {
        String clip = SharedData.require(SharedData.ONE_BY_ONE).toString();
        assertThat(run("--out", tmp.toString(), "--source", clip, "--zone", "0,0,1,0,1,1,0,1"))
                .contains("--out " + tmp).contains("is a directory");
        assertThat(run("--out", tmp.resolve("missing/g.bin").toString(), "--source", clip, "--zone", "0,0,1,0,1,1,0,1"))
                .contains("does not exist").doesNotContain("staff enroll: 1/");
    }

    @Test
    void theGalleryNeverReplacesOneOfThePhotos() throws Exception {
        Path crops = Files.createDirectories(tmp.resolve("crops"));
        Path alice = Files.writeString(crops.resolve("alice.jpg"), "not read before --out is checked");

        assertThat(run("--out", alice.toString(), "--crops", crops.toString()))
                .contains("--out " + alice + " is the same file as --crops photo " + alice);
        assertThat(Files.readString(alice)).isEqualTo("not read before --out is checked");
    }

    @Test
    void aPhotoThatCannotHoldAWholeBodyIsNamedBeforeAnyModelLoads() throws Exception {
        Path crops = Files.createDirectories(tmp.resolve("crops"));
        png(crops.resolve("a-good.png"), 100, 250, true);
        Path blank = png(crops.resolve("b-blank.png"), 100, 250, false);
        assertThat(run("--out", tmp.resolve("g.bin").toString(), "--crops", crops.toString()))
                .contains("--crops photo " + blank + ": the picture is one flat colour");
        Files.delete(blank);
        Path scene = png(crops.resolve("c-scene.png"), 640, 360, true);
        assertThat(run("--out", tmp.resolve("g.bin").toString(), "--crops", crops.toString()))
                .contains("--crops photo " + scene + ": 640x360 is wider than tall");
        Files.delete(scene);
        Path thumbnail = png(crops.resolve("d-thumb.png"), 20, 48, true);
        assertThat(run("--out", tmp.resolve("g.bin").toString(), "--crops", crops.toString()))
                .contains("--crops photo " + thumbnail + ": 20x48 is too small");
    }

    /** A {@code w x h} picture: random colours (something to see), or one flat grey. */
    private static Path png(Path file, int w, int h, boolean textured) throws Exception {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(7);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, textured ? random.nextInt(0x1000000) : 0x808080);
            }
        }
        javax.imageio.ImageIO.write(img, "png", file.toFile());
        return file;
    }

    @Test
    void nobodyInTheZoneWritesNothing() throws Exception {
        String clip = SharedData.require(SharedData.ONE_BY_ONE).toString();
        // The first person walks in at 6.3 s: the first 5 s have nobody.
        assertThat(run("--out", tmp.resolve("g.bin").toString(), "--source", clip, "--zone", "0,0,1,0,1,1,0,1",
                "--to", "5")).contains("nobody stood in --zone").contains("nothing was written");
    }
}

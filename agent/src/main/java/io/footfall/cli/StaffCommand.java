package io.footfall.cli;

import io.footfall.BadInputException;
import io.footfall.FootfallPaths;
import io.footfall.appearance.AppearanceModel;
import io.footfall.appearance.AppearanceModels;
import io.footfall.geometry.Box;
import io.footfall.identity.StaffGallery;
import io.footfall.track.AppearanceConfig;
import io.footfall.track.Embedding;
import io.footfall.video.Frame;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code footfall staff enroll}: the store's staff, with their consent, as appearance embeddings in an encrypted file
 * that {@code tracker.appearance.staffGallery} names, so counts can be had with and without staff.
 */
@Command(name = "staff", mixinStandardHelpOptions = true,
        description = "Staff exclusion: enrol staff from photos so crossings say whether a person was staff.",
        subcommands = {StaffCommand.Enroll.class})
public final class StaffCommand {

    @Command(name = "enroll", mixinStandardHelpOptions = true,
            description = {"Compute the appearance of every whole-body photo (jpg, png) in a folder, one staff member per "
                    + "photo or several photos each, and write them encrypted (AES-256-GCM) to a gallery file.",
                    "The key is FOOTFALL_STAFF_KEY (32 bytes, base64: openssl rand -base64 32) or --key-file; "
                            + "the photos themselves are not copied anywhere."})
    static final class Enroll implements Callable<Integer> {
        @Option(names = "--crops", required = true, paramLabel = "DIR", description = "Folder of whole-body photos of staff.")
        Path crops;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The gallery file to write.")
        Path out;

        @Option(names = "--key-file", paramLabel = "FILE", description = "Read the key from this file instead of FOOTFALL_STAFF_KEY.")
        Path keyFile;

        @Option(names = "--model", defaultValue = AppearanceConfig.DEFAULT_MODEL, paramLabel = "NAME",
                description = "Re-identification model (default: ${DEFAULT-VALUE}); the same the tracker uses.")
        String model;

        @Override
        public Integer call() throws Exception {
            byte[] key = keyFile != null
                    ? StaffGallery.key(readKey(keyFile), "--key-file " + keyFile)
                    : StaffGallery.key(System.getenv(StaffGallery.KEY_ENV), StaffGallery.KEY_ENV);
            List<Path> photos = photos(crops);
            List<Embedding> staff = new ArrayList<>();
            try (AppearanceModel m = AppearanceModels.standard(FootfallPaths.detect()).open(model,
                    Math.max(1, Runtime.getRuntime().availableProcessors()), Optional.empty())) {
                for (Path p : photos) {
                    Frame f = frame(p);
                    staff.add(m.embed(f, List.of(new Box(0, 0, f.width(), f.height()))).get(0));
                }
            }
            StaffGallery.write(out, staff, key);
            System.err.println("staff enroll: " + staff.size() + " photos from " + crops + " enrolled into " + out
                    + " (encrypted; set tracker.appearance.staffGallery to it)");
            return ExitCodes.OK;
        }

        private static String readKey(Path file) {
            try {
                return Files.readString(file);
            } catch (IOException e) {
                throw new BadInputException("--key-file " + file + ": cannot read (" + e.getClass().getSimpleName() + ")");
            }
        }

        private static List<Path> photos(Path dir) throws IOException {
            if (!Files.isDirectory(dir)) {
                throw new BadInputException("--crops " + dir + ": expected a folder of jpg or png photos");
            }
            try (Stream<Path> s = Files.list(dir)) {
                List<Path> photos = s.filter(Files::isRegularFile).filter(p -> {
                    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                    return n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".png");
                }).sorted().toList();
                if (photos.isEmpty()) {
                    throw new BadInputException("--crops " + dir + ": no jpg or png photos in it");
                }
                return photos;
            }
        }

        /** A photo as a packed BGR frame, as the video sources deliver. */
        private static Frame frame(Path photo) throws IOException {
            BufferedImage img = ImageIO.read(photo.toFile());
            if (img == null) {
                throw new BadInputException("--crops photo " + photo + ": not a readable jpg or png");
            }
            int w = img.getWidth();
            int h = img.getHeight();
            ByteBuffer bgr = ByteBuffer.allocateDirect(w * h * 3);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int rgb = img.getRGB(x, y);
                    bgr.put((byte) rgb).put((byte) (rgb >> 8)).put((byte) (rgb >> 16));
                }
            }
            bgr.flip();
            return new Frame(0, 0, w, h, w * 3, bgr);
        }
    }
}

package io.footfall.cli;

import io.footfall.BadInputException;
import io.footfall.FootfallPaths;
import io.footfall.appearance.AppearanceModel;
import io.footfall.appearance.AppearanceModels;
import io.footfall.geometry.Box;
import io.footfall.identity.StaffGallery;
import io.footfall.identity.StaffPhotos;
import io.footfall.track.AppearanceConfig;
import io.footfall.track.Embedding;
import io.footfall.video.Frame;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
        description = "Staff exclusion: enrol staff from photos or from footage of a staff-only zone, so crossings say "
                + "whether a person was staff.",
        subcommands = {StaffCommand.Enroll.class})
public final class StaffCommand {

    @Command(name = "enroll", mixinStandardHelpOptions = true,
            description = {"Compute the appearance of every whole-body photo (jpg, png) in a folder, one staff member per "
                    + "photo or several photos each, and write them encrypted (AES-256-GCM) to a gallery file.",
                    "The key is FOOTFALL_STAFF_KEY (32 bytes, base64: openssl rand -base64 32) or --key-file; "
                            + "the photos themselves are not copied anywhere."})
    static final class Enroll implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Option(names = "--crops", paramLabel = "DIR", description = "Folder of whole-body photos of staff, each cropped "
                + "to the person (taller than wide, at least 64 pixels tall).")
        Path crops;

        @Option(names = "--source", paramLabel = "SOURCE",
                description = {"Instead of photos: footage of a staff-only place (a file or sample:NAME); everyone who stands",
                        "in --zone for --min-seconds is enrolled."})
        String source;

        @Option(names = "--zone", paramLabel = "x1,y1,x2,y2,x3,y3,...",
                description = "The staff-only zone in that footage (relative 0..1 corners, tested at the feet).")
        String zone;

        @Option(names = "--from", paramLabel = "SECONDS", defaultValue = "0",
                description = "Skip the footage before this (default: ${DEFAULT-VALUE}).")
        double from;

        @Option(names = "--to", paramLabel = "SECONDS", description = "Read the footage up to this (default: all of it).")
        Double to;

        @Option(names = "--min-seconds", paramLabel = "SECONDS", defaultValue = "2",
                description = "Time a person must stand in the zone to be enrolled (default: ${DEFAULT-VALUE}).")
        double minSeconds;

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
            if ((crops == null) == (source == null)) {
                throw new BadInputException("staff enroll: give either --crops DIR (photos) or --source SOURCE with --zone "
                        + "(footage of a staff-only place)");
            }
            List<Path> photos = crops == null ? List.of() : photos(crops);
            // Before any photo or frame is read: enrolment from footage takes minutes, and must not end on a bad path.
            List<OutputFile.Input> inputs = new ArrayList<>(OutputFile.Input.each("--crops photo", photos));
            inputs.add(new OutputFile.Input("--key-file", keyFile));
            if (source != null) {
                inputs.add(new OutputFile.Input("--source", Path.of(source)));
            }
            OutputFile.check("--out", out, inputs);
            if (source != null) {
                return fromFootage(key);
            }
            // Every photo is checked before the model loads, so one bad photo among fifty is named at once; each is
            // read again to embed it rather than held: fifty full-size photos would not fit in direct memory.
            for (Path p : photos) {
                StaffPhotos.check("--crops photo " + p, frame(p));
            }
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

        private int fromFootage(byte[] key) throws Exception {
            if (zone == null) {
                throw new BadInputException("staff enroll --source: --zone is required (the staff-only zone, relative corners"
                        + " x1,y1,x2,y2,x3,y3,...)");
            }
            if (!Double.isFinite(from) || (to != null && !Double.isFinite(to)) || !Double.isFinite(minSeconds)) {
                throw new BadInputException("staff enroll: --from, --to and --min-seconds must be numbers of seconds");
            }
            var plan = new io.footfall.job.StaffFromFootage.Plan(io.footfall.count.Zone.parse("staff-only", zone),
                    java.time.Duration.ofMillis(Math.round(from * 1000)),
                    to == null ? java.time.Duration.ofDays(365) : java.time.Duration.ofMillis(Math.round(to * 1000)),
                    java.time.Duration.ofMillis(Math.round(minSeconds * 1000)));
            FootfallPaths paths = FootfallPaths.detect();
            int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
            List<io.footfall.job.StaffFromFootage.Enrolled> found;
            Progress progress = Progress.onStderr("staff enroll");
            try (var frames = io.footfall.video.Sources.open(new io.footfall.video.SampleClips(paths).resolve(source));
                 var detector = new io.footfall.job.DetectJob(paths).openDetector(io.footfall.detect.DetectorSettings
                         .defaults("person-detection-retail-0013", io.footfall.detect.BackendKind.OPENVINO).withInFlight(1));
                 AppearanceModel m = AppearanceModels.standard(paths).open(model, threads, Optional.empty())) {
                progress.started(frames.info().frameCount());
                found = new io.footfall.job.StaffFromFootage().enroll(plan, frames, detector, m, () -> progress.frameDone(""));
                progress.finished(found.size() + " enrolled");
            }
            if (found.isEmpty()) {
                throw new BadInputException("staff enroll --source " + source + ": nobody stood in --zone " + zone + " for "
                        + minSeconds + " s between " + from + " s and " + (to == null ? "the end" : to + " s")
                        + "; nothing was written");
            }
            StaffGallery.write(out, found.stream().map(io.footfall.job.StaffFromFootage.Enrolled::appearance).toList(), key);
            for (var e : found) {
                System.err.printf("staff enroll: person (track %s) in the zone %.1f s, %d looks%n", e.track(),
                        e.inZone().toMillis() / 1000.0, e.looks());
            }
            System.err.println("staff enroll: " + found.size() + (found.size() == 1 ? " person" : " people") + " from " + source
                    + " enrolled into " + out
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

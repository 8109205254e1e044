package io.footfall.video;

import org.bytedeco.opencv.opencv_core.Mat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

/**
 * Frames from a folder of numbered images (MOTChallenge's {@code img1/}), in file-name order.
 * Timestamps come from the frame rate ({@code seqinfo.ini} or the caller's default).
 */
public final class ImageFolderSource implements FrameSource {

    private static final List<String> EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".bmp");

    private final List<Path> files;
    private final SourceInfo info;
    private int index;
    private Mat current;

    private ImageFolderSource(List<Path> files, SourceInfo info) {
        this.files = files;
        this.info = info;
    }

    public static boolean hasImages(Path folder) {
        return !listImages(folder).isEmpty();
    }

    public static ImageFolderSource open(Path folder, double fps) {
        List<Path> files = listImages(folder);
        if (files.isEmpty()) {
            throw new UnreadableSourceException("image folder " + folder + " has no .jpg/.png/.bmp images");
        }
        Mat first = read(files.get(0));
        SourceInfo info = new SourceInfo(Redaction.source(folder.toString()), first.cols(), first.rows(), fps, files.size(), false, true);
        first.close();
        return new ImageFolderSource(files, info);
    }

    private static List<Path> listImages(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> EXTENSIONS.stream().anyMatch(e -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(e)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UnreadableSourceException("cannot list image folder " + folder + ": " + e.getMessage(), e);
        }
    }

    private static Mat read(Path file) {
        Mat m = imread(file.toString(), IMREAD_COLOR);
        if (m == null || m.empty()) {
            throw new UnreadableSourceException("cannot decode image " + file + " (expected a readable JPEG/PNG/BMP)");
        }
        return m;
    }

    @Override
    public SourceInfo info() {
        return info;
    }

    @Override
    public Frame next() {
        if (index >= files.size()) {
            return null;
        }
        if (current != null) {
            current.close();
        }
        current = read(files.get(index));
        if (current.cols() != info.width() || current.rows() != info.height()) {
            throw new UnreadableSourceException("image " + files.get(index) + " is " + current.cols() + "x" + current.rows()
                    + ", expected " + info.width() + "x" + info.height() + " like the rest of the folder");
        }
        ByteBuffer bgr = current.data().capacity(current.step() * current.rows()).asByteBuffer();
        long pts = Math.round(index * 1000.0 / info.fps());
        return new Frame(index++, pts, current.cols(), current.rows(), (int) current.step(), bgr);
    }

    @Override
    public void close() {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}

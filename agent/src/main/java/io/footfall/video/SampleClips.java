package io.footfall.video;

import io.footfall.Downloads;
import io.footfall.FootfallPaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Resolves {@code sample:NAME} sources: Intel's public sample videos, taken from the local mirror
 * ({@link FootfallPaths#mirror()}) when this host has one, else downloaded once into Footfall's home.
 */
public final class SampleClips {
    private static final Logger log = LoggerFactory.getLogger(SampleClips.class);
    public static final String PREFIX = "sample:";
    public static final String DEFAULT = "one-by-one-person-detection.mp4";
    private static final String ORIGIN = "https://github.com/intel-iot-devkit/sample-videos/raw/master/";

    private final FootfallPaths paths;

    public SampleClips(FootfallPaths paths) {
        this.paths = paths;
    }

    /** The source as given, or for {@code sample:NAME} (or bare {@code sample}) a local path to the clip. */
    public String resolve(String source) {
        if (!source.startsWith(PREFIX) && !source.equals("sample")) {
            return source;
        }
        String name = source.equals("sample") ? DEFAULT : source.substring(PREFIX.length());
        if (name.isBlank() || name.contains("/") || name.contains("..")) {
            throw new UnreadableSourceException("sample name '" + name + "' must be a plain file name such as " + DEFAULT);
        }
        var mirrored = paths.sampleClipMirror(name);
        if (mirrored.isPresent()) {
            return mirrored.get().toString();
        }
        Path local = paths.home().resolve("samples").resolve(name);
        if (!Files.isRegularFile(local)) {
            download(URI.create(ORIGIN + name), local);
        }
        return local.toString();
    }

    private static void download(URI uri, Path to) {
        log.info("event=sample_download url={} to={}", uri, to);
        try {
            Files.createDirectories(to.getParent());
            Path tmp = Files.createTempFile(to.getParent(), to.getFileName().toString(), ".part");
            try {
                Downloads.toFile(uri, tmp);
                Files.move(tmp, to, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UnreadableSourceException("sample clip could not be fetched: " + e.getMessage(), e);
        }
    }
}

package io.footfall.model;

import io.footfall.BadInputException;
import io.footfall.FileErrors;
import io.footfall.Downloads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Installs model files into a models folder, from a local mirror (a folder laid out like the models
 * folder) or else from each file's official URL, checking every file's sha256. A file with the wrong
 * checksum is an error and is not kept; files already present with the right checksum are left alone.
 *
 * <p>Thread-safe for different models; two fetchers of one model race only on identical content.
 */
public final class ModelFetcher {
    private static final Logger log = LoggerFactory.getLogger(ModelFetcher.class);

    private final Path modelsDir;
    private final Optional<Path> mirror;

    public ModelFetcher(Path modelsDir, Optional<Path> mirror) {
        this.modelsDir = modelsDir;
        this.mirror = mirror;
    }

    /** What one file's installation did. */
    public enum Outcome { ALREADY_PRESENT, COPIED_FROM_MIRROR, DOWNLOADED }

    /** True when every file of the model is present with the right checksum. */
    public boolean isInstalled(ModelManifest m) {
        for (ModelManifest.ModelFile f : m.files()) {
            Path p = m.folderIn(modelsDir).resolve(f.path());
            if (!Files.isRegularFile(p) || !sha256(p).equals(f.sha256())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The model file of {@code variant} (null: the default), installing the model first when any file is missing or
     * damaged.
     */
    public Path installed(ModelManifest m, String variant) {
        if (!isInstalled(m)) {
            fetch(m);
        }
        Path file = m.folderIn(modelsDir).resolve(m.modelFile(variant));
        ModelManifest.MadeVariant made = variant == null ? null : m.madeVariants().get(variant);
        if (made != null && !Files.isRegularFile(file)) {
            throw new BadInputException("variant " + variant + " of " + m.name() + " is made on this machine, not downloaded, and "
                    + file + " does not exist yet; make it with: " + made.madeBy());
        }
        return file;
    }

    /** Installs every file of a model; returns the model's folder. */
    public Path fetch(ModelManifest m) {
        Path folder = m.folderIn(modelsDir);
        for (ModelManifest.ModelFile f : m.files()) {
            Outcome o = fetchFile(m, f, folder.resolve(f.path()));
            log.info("event=model_file model={} file={} outcome={}", m.name(), f.path(), o);
        }
        return folder;
    }

    private Outcome fetchFile(ModelManifest m, ModelManifest.ModelFile f, Path target) {
        if (Files.isRegularFile(target) && sha256(target).equals(f.sha256())) {
            return Outcome.ALREADY_PRESENT;
        }
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
            try {
                Outcome outcome;
                Optional<Path> local = mirror.map(dir -> dir.resolve(m.name()).resolve(f.path())).filter(Files::isRegularFile);
                String from;
                if (local.isPresent()) {
                    from = local.get().toString();
                    Files.copy(local.get(), tmp, StandardCopyOption.REPLACE_EXISTING);
                    outcome = Outcome.COPIED_FROM_MIRROR;
                } else {
                    from = f.url();
                    download(m, f, tmp);
                    outcome = Outcome.DOWNLOADED;
                }
                String actual = sha256(tmp);
                if (!actual.equals(f.sha256())) {
                    throw new BadInputException("model file " + f.path() + " from " + from + " has sha256 " + actual
                            + ", expected " + f.sha256() + "; it was not kept");
                }
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return outcome;
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            // The models folder itself: the user's to fix (another --models-dir).
            throw new BadInputException("cannot install model file " + f.path() + " of " + m.name() + " into " + target.getParent()
                    + ": " + FileErrors.describe(e), e);
        }
    }

    /**
     * @throws UncheckedIOException when the download fails: a network failure (exit 1, as the README's exit codes say),
     *                              not a bad input
     */
    private void download(ModelManifest m, ModelManifest.ModelFile f, Path to) {
        try {
            Downloads.toFile(URI.create(f.url()), to);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot download model file " + f.path() + " of " + m.name() + ": " + e.getMessage()
                    + (mirror.isEmpty() ? " (no local mirror given; pass --mirror DIR on an offline host)" : ""), e);
        }
    }


    /** Lower-case hex sha256 of a file. */
    public static String sha256(Path file) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + FileErrors.reason(e), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}

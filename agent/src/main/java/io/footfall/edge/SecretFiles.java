package io.footfall.edge;

import io.footfall.BadInputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Writes camera secrets as the agent reads them ({@link io.footfall.video.SourceSecrets}): one file per secret, named
 * for it, holding the value and a newline, readable by its owner only from the moment it exists.
 */
public final class SecretFiles {
    private SecretFiles() {
    }

    public static void write(Path dir, Map<String, String> secrets) {
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new BadInputException("--secrets-out " + dir + ": expected a folder, and it is a file");
            }
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            for (Map.Entry<String, String> e : secrets.entrySet()) {
                Path file = dir.resolve(e.getKey());
                Files.deleteIfExists(file); // a new file gets the owner-only mode; an old one may be readable by all
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (FileAlreadyExistsException raced) {
                    throw new IOException("another program created " + file + " meanwhile", raced);
                }
                Files.writeString(file, e.getValue() + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the camera secrets to " + dir + ": " + e.getMessage(), e);
        }
    }
}

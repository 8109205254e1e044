package io.footfall.agent;

import io.footfall.FileErrors;
import io.footfall.BadInputException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks a data folder before anything is written to it, with a message that says why it cannot be used. */
final class DataFolder {
    private DataFolder() {
    }

    static void prepare(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new BadInputException("data folder " + dir + " is not a directory (a file of that name exists); "
                    + "give --data-dir a folder");
        }
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (AccessDeniedException e) {
            throw new BadInputException("data folder " + dir + " is not writable: permission denied", e);
        } catch (FileSystemException e) {
            String reason = e.getReason() == null ? "" : e.getReason();
            if (reason.toLowerCase(java.util.Locale.ROOT).contains("read-only")) {
                throw new BadInputException("data folder " + dir + " is on a read-only file system", e);
            }
            if (reason.toLowerCase(java.util.Locale.ROOT).contains("no space")) {
                // The outbox may still open and retention may free space: let it try.
                return;
            }
            // A symbolic-link loop or /proc give no reason: name the exception and what was expected instead.
            throw new BadInputException("data folder " + dir + " cannot be used: "
                    + (reason.isEmpty() ? e.getClass().getSimpleName() : reason)
                    + " (expected a folder Footfall can create and write files in)", e);
        } catch (IOException e) {
            throw new BadInputException("data folder " + dir + " cannot be used: " + FileErrors.describe(e), e);
        }
    }
}

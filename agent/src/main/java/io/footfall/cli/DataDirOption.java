package io.footfall.cli;

import io.footfall.BadInputException;
import io.footfall.store.DataDirectory;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code --data-dir}, resolved the same way by every command that reads or writes a data folder. */
public final class DataDirOption {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data folder: outbox, events, aggregates, clips (default: FOOTFALL_DATA_DIR, else /var/lib/footfall "
                    + "when it exists and is writable, as in the edge module, else ./footfall-data).")
    Path option;

    public Path resolve() {
        return DataDirectory.resolve(option);
    }

    /**
     * The data folder for a command that writes into it, refused up front with the reason ("not a directory",
     * "read-only file system", "permission denied") when it cannot be written. Creates nothing.
     */
    public Path resolveForWriting() {
        return requireWritable(resolve());
    }

    static Path requireWritable(Path dir) {
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return dir;
        }
        String subject = existing.equals(dir) ? "it " : existing + " ";
        if (!Files.isDirectory(existing)) {
            throw new BadInputException("data folder " + dir + " cannot be used: " + subject
                    + "is a file, not a directory (expected a folder Footfall can create and write, e.g. --data-dir ./footfall-data)");
        }
        if (!Files.isWritable(existing)) {
            throw new BadInputException("data folder " + dir + " cannot be written: " + subject + (readOnlyFileSystem(existing)
                    ? "is on a read-only file system" : "is not writable: permission denied for user " + System.getProperty("user.name"))
                    + " (expected a folder Footfall can create and write)");
        }
        return dir;
    }

    private static boolean readOnlyFileSystem(Path p) {
        try {
            return Files.getFileStore(p).isReadOnly();
        } catch (IOException e) {
            return false;
        }
    }
}

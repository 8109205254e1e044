package io.footfall.cli;

import io.footfall.BadInputException;
import io.footfall.job.RunRecord;
import io.footfall.pipeline.JsonLinesSink;
import io.footfall.store.Outbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Checks a file a command is about to write ({@code --out}) before anything is opened: a typo or a tab-completed name
 * must never turn an export into the loss of the outbox it was exported from.
 */
final class OutputFile {
    /** What the agent keeps in its data folder, and a mirror or record a command must not replace. */
    private static final Set<String> DATA_FOLDER_FILES = Set.of(Outbox.FILE_NAME, "outbox.hwm", JsonLinesSink.EVENTS,
            JsonLinesSink.AGGREGATES, RunRecord.FILE);

    private OutputFile() {
    }

    /**
     * {@code out}, if it may be written.
     *
     * @throws BadInputException naming the option and the file: a directory, a missing folder, or Footfall's own data
     */
    static Path check(String option, Path out) {
        Path target = out.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw new BadInputException(option + " " + out + " is a directory (expected a file to write)");
        }
        Path parent = target.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new BadInputException(option + " " + out + ": " + parent
                    + (Files.exists(parent) ? " is a file, not a directory" : " does not exist") + " (expected a file in an existing folder)");
        }
        if (parent != null && !Files.isWritable(parent)) {
            throw new BadInputException(option + " " + out + ": folder " + parent + " is not writable");
        }
        Path real = realPath(target);
        String name = real.getFileName() == null ? "" : real.getFileName().toString();
        boolean store = name.endsWith(".mv.db");
        boolean dataFolder = DATA_FOLDER_FILES.contains(name) && real.getParent() != null
                && Files.exists(real.getParent().resolve(Outbox.FILE_NAME));
        if (store || dataFolder) {
            throw new BadInputException(option + " " + out + " is Footfall's own data (" + name
                    + "): writing there would destroy it; choose another file");
        }
        return out;
    }

    /** The file a write would reach, through symbolic links, when it exists. */
    private static Path realPath(Path target) {
        try {
            return Files.exists(target) ? target.toRealPath() : target;
        } catch (IOException e) {
            return target;
        }
    }
}

package io.footfall.cli;

import io.footfall.BadInputException;
import io.footfall.job.EvalJob;
import io.footfall.job.RunRecord;
import io.footfall.pipeline.JsonLinesSink;
import io.footfall.store.Outbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Checks a file a command is about to write ({@code --out}) before anything is opened: a typo or a tab-completed name
 * must never turn an export into the loss of the outbox it was exported from, nor of the file the command reads (a
 * store's configuration, hand-labelled ground truth, a staff photo).
 */
final class OutputFile {
    /** What the agent keeps in its data folder, and a mirror or record a command must not replace. */
    private static final Set<String> DATA_FOLDER_FILES = Set.of(Outbox.FILE_NAME, "outbox.hwm", JsonLinesSink.EVENTS,
            JsonLinesSink.AGGREGATES, RunRecord.FILE);

    /** Footage and pictures: no command writes one through {@code --out}, so an existing one is someone's recording. */
    private static final java.util.regex.Pattern FOOTAGE = java.util.regex.Pattern.compile(
            "(?i).*\\.(mp4|m4v|mov|avi|mkv|webm|ts|mts|gif|jpe?g|png|bmp|tiff?|h26[45]|mjpe?g)");

    private OutputFile() {
    }

    /**
     * A file the command reads, named as the user gave it.
     *
     * @param option the option that names it (or a description such as "--crops photo")
     * @param file   the file; may be null when the option was not given
     */
    record Input(String option, Path file) {
        /** One input per file, all under the same option. */
        static List<Input> each(String option, List<Path> files) {
            return files.stream().map(f -> new Input(option, f)).toList();
        }
    }

    /** As {@link #check(String, Path, List)}. */
    static Path check(String option, Path out, Input... inputs) {
        return check(option, out, List.of(inputs));
    }

    /**
     * {@code out}, if it may be written.
     *
     * @param inputs the files the command reads: writing over one would destroy what it is about to read
     * @throws BadInputException naming the option and the file: a directory, a missing folder, one of the inputs (named
     *                           too), or Footfall's own data
     */
    static Path check(String option, Path out, List<Input> inputs) {
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
        for (Input input : inputs) {
            if (input.file() != null && sameFile(target, input.file())) {
                throw new BadInputException(option + " " + out + " is the same file as " + input.option() + " " + input.file()
                        + ": writing there would destroy the input; choose another file");
            }
        }
        Path real = realPath(target);
        String name = real.getFileName() == null ? "" : real.getFileName().toString();
        if (Files.exists(real) && FOOTAGE.matcher(name).matches()) {
            throw new BadInputException(option + " " + out + " is an existing video or picture: writing there would "
                    + "destroy it (expected a new file for the command's output, such as detections.jsonl)");
        }
        boolean store = name.endsWith(".mv.db");
        boolean dataFolder = DATA_FOLDER_FILES.contains(name) && real.getParent() != null
                && Files.exists(real.getParent().resolve(Outbox.FILE_NAME));
        if (store || dataFolder || isSavedTracks(real)) {
            throw new BadInputException(option + " " + out + " is Footfall's own data (" + name
                    + "): writing there would destroy it; choose another file");
        }
        return out;
    }

    /**
     * {@code dir}, if files may be written into it: an existing folder, or one that can be created. Checked before
     * a command prints or computes anything, so a mistyped folder is a usage error, not a failure after the work.
     *
     * @throws BadInputException naming the option and the path: a file, or Footfall's own data folder
     */
    static Path checkFolder(String option, Path dir) {
        Path target = dir.toAbsolutePath().normalize();
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new BadInputException(option + " " + dir + " is a file, not a folder (expected a folder to write the files into)");
        }
        for (Path p = target.getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw new BadInputException(option + " " + dir + ": " + p + " is a file, not a folder (expected a folder to write"
                        + " the files into)");
            }
        }
        return dir;
    }

    /** Through symbolic and hard links; a file that does not exist yet is no one's input. */
    private static boolean sameFile(Path target, Path input) {
        try {
            return Files.exists(target) && Files.exists(input) && Files.isSameFile(target, input);
        } catch (IOException e) {
            return false; // unreadable: the command's own read of the input will say why
        }
    }

    /** A camera's tracks ({@code DIR/tracks/<camera>.txt}) in a run's data folder: what {@code footfall eval} scores. */
    private static boolean isSavedTracks(Path real) {
        Path folder = real.getParent();
        Path dataFolder = folder == null ? null : folder.getParent();
        return dataFolder != null && folder.getFileName().toString().equals(EvalJob.TRACKS_FOLDER)
                && real.getFileName().toString().endsWith(".txt")
                && (Files.exists(dataFolder.resolve(RunRecord.FILE)) || Files.exists(dataFolder.resolve(Outbox.FILE_NAME)));
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

package io.footfall;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Why a file operation failed, in words. {@link FileSystemException}'s own message is often only the path
 * ("/tmp/x"): the reason is in its type (a file where a folder was expected, permission denied) or in
 * {@link FileSystemException#getReason()} ("Read-only file system"), which a user never sees otherwise.
 * Stateless.
 */
public final class FileErrors {
    private FileErrors() {
    }

    /**
     * The file the failure names and why, e.g. "/tmp/x is a file, not a folder" or "/data: read-only file system";
     * for an {@link IOException} that names no file, its message.
     */
    public static String describe(IOException e) {
        if (!(e instanceof FileSystemException fse) || fse.getFile() == null) {
            return reason(e);
        }
        String reason = reason(e);
        String other = fse.getOtherFile() == null ? "" : " (and " + fse.getOtherFile() + ")";
        return fse.getFile() + other + (reason.startsWith("is ") || reason.startsWith("already ") ? " " : ": ") + reason;
    }

    /**
     * Why, without the file: "is a file, not a folder", "a folder on its path is a file", "permission denied",
     * "read-only file system"...
     */
    public static String reason(IOException e) {
        if (!(e instanceof FileSystemException fse)) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        String reason = fse.getReason() == null ? "" : fse.getReason().toLowerCase(Locale.ROOT);
        if (e instanceof NotDirectoryException) {
            return "is a file, not a folder";
        } else if (reason.equals("not a directory")) {
            // ENOTDIR: a folder on the way to the file is a file.
            return "a folder on its path is a file";
        } else if (e instanceof AccessDeniedException || reason.equals("permission denied")) {
            return "permission denied";
        } else if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        } else if (e instanceof FileAlreadyExistsException) {
            // Files.createDirectories throws this when a file stands where a folder is wanted.
            return fse.getFile() != null && Files.isRegularFile(Path.of(fse.getFile())) ? "is a file, not a folder" : "already exists";
        } else if (e instanceof DirectoryNotEmptyException) {
            return "is a folder that is not empty";
        } else if (!reason.isEmpty()) {
            return reason;
        }
        // Some file systems (/proc, a symbolic-link loop) give no reason: the type is all there is.
        return e.getClass().getSimpleName();
    }
}

package io.footfall.store;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Recognises a full disk in the exceptions the JDK and MVStore raise (they say "No space left on device", errno 28,
 * buried in a cause chain) and measures free space, so the outbox can say plainly what happened and make room
 * before a commit. Stateless; thread-safe.
 */
final class DiskSpace {
    /** Free bytes the outbox wants before a commit: one MVStore chunk of a busy batch plus headers, with margin. */
    static final long COMMIT_HEADROOM_BYTES = 1024 * 1024;
    private static final String ENOSPC = "No space left on device";

    private DiskSpace() {
    }

    /** True when {@code t} or one of its causes is the kernel's ENOSPC. */
    static boolean isNoSpace(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String m = c.getMessage();
            if (m != null && (m.contains(ENOSPC) || m.contains("error=28"))) {
                return true;
            }
        }
        return false;
    }

    /** The message to show for {@code e}: "no space left on device" first when that is the cause. */
    static String describe(Throwable e) {
        return isNoSpace(e) ? "no space left on device: " + e.getMessage() : String.valueOf(e.getMessage());
    }

    /** The message and its root cause, "no space left on device" first when that is the cause. */
    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root == t ? String.valueOf(t.getMessage()) : t.getMessage() + ": " + root;
        return isNoSpace(t) ? "no space left on device; " + text : text;
    }

    /** Usable bytes on the filesystem holding {@code path}, or Long.MAX_VALUE when that cannot be asked. */
    static long usable(Path path) {
        try {
            return usable(Files.getFileStore(path));
        } catch (IOException | SecurityException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Usable bytes of {@code store} (one statvfs), or Long.MAX_VALUE when unknown. Callers on the commit path keep
     * the FileStore: finding it again reads the mount table each time.
     */
    static long usable(FileStore store) {
        try {
            return store == null ? Long.MAX_VALUE : store.getUsableSpace();
        } catch (IOException | SecurityException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The filesystem holding {@code path}, or null when it cannot be found. */
    static FileStore fileStoreOf(Path path) {
        try {
            return Files.getFileStore(path);
        } catch (IOException | SecurityException e) {
            return null;
        }
    }
}

package io.footfall.pipeline;

import java.util.Locale;

/** Turns an encoder or file failure into words an installer understands. */
final class ClipFailures {
    private ClipFailures() {
    }

    static String reason(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(' ').append(t.getMessage());
        }
        String text = all.toString().toLowerCase(Locale.ROOT);
        // FFmpeg reports ENOSPC as AVERROR(-28); Java as "No space left on device".
        if (text.contains("no space left") || text.contains("error -28") || text.contains("(-28)") || text.contains("enospc")) {
            return "no space left on device";
        }
        if (text.contains("read-only") || text.contains("erofs") || text.contains("error -30")) {
            return "read-only file system";
        }
        if (text.contains("permission denied") || text.contains("error -13")) {
            return "permission denied";
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.replace('"', '\'');
    }
}

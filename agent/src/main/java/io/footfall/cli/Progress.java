package io.footfall.cli;

import io.footfall.pipeline.JobProgress;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Reports progress on stderr: a redrawn bar (frames, fps, ETA) on a terminal, plain lines every few
 * seconds otherwise so logs stay readable. Not thread-safe.
 */
final class Progress implements JobProgress {
    private static final long PLAIN_EVERY_NANOS = Duration.ofSeconds(5).toNanos();
    private static final long BAR_EVERY_NANOS = Duration.ofMillis(200).toNanos();

    private final PrintStream out;
    private final String label;
    private final boolean terminal;
    private long total = -1;
    private final long start = System.nanoTime();
    private long lastPrint;
    private long frames;

    Progress(PrintStream out, String label, boolean terminal) {
        this.out = out;
        this.label = label;
        this.terminal = terminal;
    }

    static Progress onStderr(String label) {
        return new Progress(System.err, label, System.console() != null);
    }

    @Override
    public void started(long totalFrames) {
        total = totalFrames;
    }

    @Override
    public void frameDone(String detail) {
        frames++;
        long now = System.nanoTime();
        if (now - lastPrint >= (terminal ? BAR_EVERY_NANOS : PLAIN_EVERY_NANOS)) {
            lastPrint = now;
            print(now, detail, false);
        }
    }

    @Override
    public void finished(String detail) {
        print(System.nanoTime(), detail, true);
    }

    private void print(long now, String detail, boolean last) {
        double secs = Math.max(1e-9, (now - start) / 1e9);
        double fps = frames / secs;
        String eta = total > 0 && fps > 0 ? formatSeconds((total - frames) / fps) : "?";
        String count = total > 0 ? frames + "/" + total : Long.toString(frames);
        if (terminal) {
            String bar = "";
            if (total > 0) {
                int filled = (int) Math.min(30, 30 * frames / total);
                bar = "[" + "#".repeat(filled) + " ".repeat(30 - filled) + "] ";
            }
            out.print("\r" + label + " " + bar + count + " frames " + String.format("%.1f", fps) + " fps ETA " + eta
                    + (detail.isEmpty() ? "" : " " + detail) + "   ");
            if (last) {
                out.println();
            }
        } else {
            out.println(label + ": " + count + " frames, " + String.format("%.1f", fps) + " fps, ETA " + (last ? "0s" : eta)
                    + (detail.isEmpty() ? "" : ", " + detail));
        }
        out.flush();
    }

    private static String formatSeconds(double s) {
        long t = Math.round(s);
        return t >= 60 ? (t / 60) + "m" + (t % 60) + "s" : t + "s";
    }
}

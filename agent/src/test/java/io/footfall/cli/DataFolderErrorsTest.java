package io.footfall.cli;

import io.footfall.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A data folder that cannot be written is refused before anything runs, saying why. */
class DataFolderErrorsTest {

    @TempDir
    Path tmp;

    private static String[] run(String... args) {
        var cl = FootfallCommand.newCommandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new String[]{Integer.toString(code), err.toString()};
    }

    private static String[] runInto(Path data) {
        return run("run", "--source", "/nonexistent.mp4", "--line", "0.5,0,0.5,1", "--data-dir", data.toString());
    }

    @Test
    void aFileIsNotADirectory() throws Exception {
        Path file = Files.writeString(tmp.resolve("data"), "x");
        String[] r = runInto(file);
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1].strip()).isEqualTo("footfall run: data folder " + file + " cannot be used: it is a file, not a directory"
                + " (expected a folder Footfall can create and write, e.g. --data-dir ./footfall-data)");
        String[] below = runInto(file.resolve("sub"));
        assertThat(below[1]).contains(file + " is a file, not a directory");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    /** Needs a read-only mount (root, as in CI); skipped elsewhere, but never under CI=true. */
    @Test
    void aReadOnlyFileSystemSaysReadOnly() throws Exception {
        Path mount = Files.createDirectories(tmp.resolve("ro"));
        boolean mounted = exec("mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", mount.toString());
        SharedData.assume(mounted, "cannot mount a read-only tmpfs here (needs root, as in CI)");
        try {
            String[] r = runInto(mount.resolve("data"));
            assertThat(r[0]).isEqualTo("2");
            assertThat(r[1]).contains("data folder " + mount.resolve("data") + " cannot be written: " + mount
                    + " is on a read-only file system");
            String[] itself = runInto(mount);
            assertThat(itself[1]).contains("cannot be written: it is on a read-only file system");
        } finally {
            exec("umount", mount.toString());
        }
    }

    private static boolean exec(String... cmd) throws Exception {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}

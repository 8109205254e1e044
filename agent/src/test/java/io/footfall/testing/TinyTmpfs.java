package io.footfall.testing;


import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real, tiny tmpfs mounted for one test, to fill a filesystem for real. Needs permission to mount (root, as in
 * CI). Skipped with the reason where it cannot mount, except under {@code CI=true}, where that is a failure: a
 * disk-full test that silently skips proves nothing.
 */
public final class TinyTmpfs implements AutoCloseable {
    private final Path mount;

    private TinyTmpfs(Path mount) {
        this.mount = mount;
    }

    public static TinyTmpfs mount(String size) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("footfall-full-");
        String output = run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString());
        if (output != null) {
            Files.deleteIfExists(dir);
            SharedData.assume(false, "cannot mount a " + size + " tmpfs at " + dir
                    + " for the disk-full tests (needs root or CAP_SYS_ADMIN): " + output);
        }
        return new TinyTmpfs(dir);
    }

    public Path path() {
        return mount;
    }

    /** Writes {@code name} until the filesystem is full; returns its size. */
    public long fill(String name) throws IOException {
        Path ballast = mount.resolve(name);
        byte[] block = new byte[4096];
        long written = 0;
        try (var out = Files.newOutputStream(ballast)) {
            while (true) {
                out.write(block);
                written += block.length;
            }
        } catch (IOException full) {
            if (!full.getMessage().contains("No space left on device")) {
                throw full;
            }
        }
        return written;
    }

    /** The command's output when it failed, null when it succeeded. */
    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        boolean done = p.waitFor(30, TimeUnit.SECONDS);
        return done && p.exitValue() == 0 ? null : (out.isEmpty() ? "exit " + (done ? p.exitValue() : "timeout") : out);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        String failed = run("umount", mount.toString());
        if (failed != null) {
            throw new IOException("cannot unmount " + mount + ": " + failed);
        }
        Files.deleteIfExists(mount);
    }
}

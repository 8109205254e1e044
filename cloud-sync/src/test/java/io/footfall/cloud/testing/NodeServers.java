package io.footfall.cloud.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Finds and starts the npm servers that stand in for Azure in tests (installed by
 * {@code scripts/install-cloud-test-servers.sh} into {@code .footfall/node}). When they are not installed the
 * test is skipped with the command to run, except under {@code CI=true} where that is a failure.
 */
public final class NodeServers {
    private NodeServers() {
    }

    /** The {@code node_modules} folder of the installed test servers. */
    public static Path modules() {
        String configured = System.getProperty("footfall.node");
        Path root = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("footfall.root", "..")).resolve(".footfall/node");
        Path modules = root.resolve("node_modules");
        boolean present = Files.isDirectory(modules.resolve("@vercel/cosmosdb-server"))
                && Files.isDirectory(modules.resolve("azurite"));
        String message = "cloud test servers not installed in " + root + ": run scripts/install-cloud-test-servers.sh";
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(message);
        }
        Assumptions.assumeTrue(present, message);
        return modules;
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts {@code command}, waits until a line of its output satisfies {@code ready} (60 s at most), and keeps
     * draining the output so the process never blocks on a full pipe.
     */
    public static Process start(List<String> command, Path workDir, Predicate<String> ready) {
        Process started = null;
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
            pb.environment().put("NODE_PATH", modules().toString());
            Process p = pb.start();
            started = p;
            CompletableFuture<Void> up = new CompletableFuture<>();
            StringBuilder seen = new StringBuilder();
            Thread drain = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        if (!up.isDone()) {
                            seen.append(line).append('\n');
                            if (ready.test(line)) {
                                up.complete(null);
                            }
                        }
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
                up.completeExceptionally(new IllegalStateException("exited before ready: " + command + "\n" + seen));
            }, "test-server-output");
            drain.setDaemon(true);
            drain.start();
            up.get(60, TimeUnit.SECONDS);
            return p;
        } catch (Exception e) {
            stop(started); // never leave a half-started server behind
            throw new IllegalStateException("could not start " + command + ": " + e.getMessage(), e);
        }
    }

    public static void stop(Process p) {
        if (p == null) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.footfall.cloud.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Azurite's Blob service on 127.0.0.1, as a child process the test owns, with an account and key the test makes
 * (so a test can plant the key as a secret). Data lives in a folder that survives {@link #stop()}/{@link #start()}:
 * stopping it in the middle of an upload and starting it again is a storage outage.
 */
public final class AzuriteServer implements AutoCloseable {
    public static final String ACCOUNT = "footfalltest";

    private final Path location;
    private int port;
    private final String key;
    private final Path log;
    private Process process;

    public AzuriteServer(Path location) throws IOException {
        this.location = location;
        this.port = freePort();
        byte[] k = new byte[32];
        new java.security.SecureRandom().nextBytes(k);
        this.key = Base64.getEncoder().encodeToString(k);
        this.log = location.resolveSibling(location.getFileName() + "-azurite.log");
    }

    public String key() {
        return key;
    }

    public String blobEndpoint() {
        return "http://127.0.0.1:" + port + "/" + ACCOUNT;
    }

    public String connectionString() {
        return "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT + ";AccountKey=" + key + ";BlobEndpoint="
                + blobEndpoint() + ";";
    }

    /** Starts Azurite; a first failure (a port taken between choosing and binding it) is retried once on another port. */
    public synchronized AzuriteServer start() throws Exception {
        try {
            return startOnce();
        } catch (IllegalStateException first) {
            if (process != null) {
                process.destroyForcibly();
                process = null;
            }
            port = freePort();
            try {
                return startOnce();
            } catch (IllegalStateException second) {
                second.addSuppressed(first);
                throw second;
            }
        }
    }

    private AzuriteServer startOnce() throws Exception {
        if (process != null) {
            return this;
        }
        List<String> cmd = new ArrayList<>(List.of("node", TestServers.azuriteBlob().toString(), "--blobHost", "127.0.0.1",
                "--blobPort", Integer.toString(port), "--location", location.toString(), "--skipApiVersionCheck",
                "--loose", "--disableProductStyleUrl"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("AZURITE_ACCOUNTS", ACCOUNT + ":" + key);
        process = pb.start();
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!accepting()) {
            if (!process.isAlive()) {
                int code = process.exitValue();
                process = null;
                throw new IllegalStateException("Azurite exited with " + code + ": " + tail());
            }
            if (System.nanoTime() > end) {
                throw new IllegalStateException("Azurite did not listen on 127.0.0.1:" + port + " within 30 s: " + tail());
            }
            Thread.sleep(100);
        }
        return this;
    }

    /**
     * Stops Azurite (SIGTERM, as a service stop would); its data folder stays. Azurite then waits for its clients'
     * idle keep-alive connections, which the SDK holds open, so after a grace of 2 s it is killed, as a service
     * manager would; every test run before waited the full 10 s on each stop.
     */
    public synchronized void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(2, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        process = null;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private String tail() {
        try {
            List<String> lines = java.nio.file.Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    private boolean accepting() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}

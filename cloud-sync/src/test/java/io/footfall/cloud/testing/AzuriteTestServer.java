package io.footfall.cloud.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real Blob storage endpoint on 127.0.0.1: Azurite (npm {@code azurite}), blob service only, data in a test
 * folder, with its well-known development account.
 */
public final class AzuriteTestServer implements AutoCloseable {
    /** Azurite's published development account key (not a secret). */
    private static final String ACCOUNT = "devstoreaccount1";
    private static final String KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private final Process process;
    private final int port;

    private AzuriteTestServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static AzuriteTestServer start(Path workDir) {
        Path modules = NodeServers.modules();
        int port = NodeServers.freePort();
        Path data = workDir.resolve("azurite");
        try {
            Files.createDirectories(data);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Process p = NodeServers.start(List.of("node", modules.resolve("azurite/dist/src/blob/main.js").toString(),
                "--blobHost", "127.0.0.1", "--blobPort", Integer.toString(port), "--location", data.toString(),
                "--skipApiVersionCheck", "--disableProductStyleUrl"), modules.getParent(),
                line -> line.contains("successfully listens"));
        return new AzuriteTestServer(p, port);
    }

    public String connectionString() {
        return "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT + ";AccountKey=" + KEY + ";BlobEndpoint="
                + blobEndpoint() + ";";
    }

    public String blobEndpoint() {
        return "http://127.0.0.1:" + port + "/" + ACCOUNT;
    }

    @Override
    public void close() {
        NodeServers.stop(process);
    }
}

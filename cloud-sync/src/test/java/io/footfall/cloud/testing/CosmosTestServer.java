package io.footfall.cloud.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Cosmos DB SQL API server on 127.0.0.1 (npm {@code @vercel/cosmosdb-server}) over HTTPS with a key pair
 * this class makes with the JDK's keytool (CN=localhost, SAN 127.0.0.1) for the duration of the test.
 *
 * <p>The Java SDK builds its TLS context from the JVM's default trust managers, so the certificate is written to a
 * PKCS12 trust store and the test JVM's {@code javax.net.ssl.trustStore} points to it (test scope only: the
 * other servers the tests talk to are plain HTTP). The server is empty when it starts.
 */
public final class CosmosTestServer implements AutoCloseable {
    /** Any key works: the server does not check signatures, but the SDK needs a base64 key to sign with. */
    public static final String KEY = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";
    private static final String PASSWORD = "footfall-test";

    private static final List<String> TRUST_PROPERTIES = List.of("javax.net.ssl.trustStore",
            "javax.net.ssl.trustStorePassword", "javax.net.ssl.trustStoreType");

    private final Process process;
    private final int port;
    private final java.util.Map<String, String> previousTrust;

    private CosmosTestServer(Process process, int port, java.util.Map<String, String> previousTrust) {
        this.process = process;
        this.port = port;
        this.previousTrust = previousTrust;
    }

    public static CosmosTestServer start(Path workDir) {
        Path modules = NodeServers.modules();
        Path serverStore = workDir.resolve("cosmos-server.p12");
        Path trustStore = workDir.resolve("cosmos-trust.p12");
        makeKeyPair(serverStore);
        writeTrustStore(serverStore, trustStore);
        java.util.Map<String, String> previous = new java.util.HashMap<>();
        TRUST_PROPERTIES.forEach(k -> previous.put(k, System.getProperty(k)));
        System.setProperty("javax.net.ssl.trustStore", trustStore.toString());
        System.setProperty("javax.net.ssl.trustStorePassword", PASSWORD);
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        int port = NodeServers.freePort();
        Path script = workDir.resolve("cosmos-test-server.js");
        try (InputStream in = CosmosTestServer.class.getResourceAsStream("/cosmos-test-server.js")) {
            Files.write(script, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Process p = NodeServers.start(List.of("node", script.toString(), serverStore.toString(), PASSWORD,
                Integer.toString(port)), modules.getParent(), line -> line.contains("cosmos-ready"));
        return new CosmosTestServer(p, port, previous);
    }

    public String endpoint() {
        return "https://127.0.0.1:" + port + "/";
    }

    public int port() {
        return port;
    }

    private static void makeKeyPair(Path store) {
        try {
            Files.deleteIfExists(store);
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "cosmos", "-keyalg", "RSA",
                    "-keysize", "2048", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                    "-validity", "2", "-keystore", store.toString(), "-storetype", "PKCS12",
                    "-storepass", PASSWORD, "-keypass", PASSWORD).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void writeTrustStore(Path serverStore, Path trustStore) {
        try (InputStream in = Files.newInputStream(serverStore); OutputStream out = Files.newOutputStream(trustStore)) {
            KeyStore server = KeyStore.getInstance("PKCS12");
            server.load(in, PASSWORD.toCharArray());
            Certificate cert = server.getCertificate("cosmos");
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("cosmos-test-server", cert);
            trust.store(out, PASSWORD.toCharArray());
        } catch (Exception e) {
            throw new IllegalStateException("could not write the trust store " + trustStore + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        NodeServers.stop(process);
        // The trust store file goes with the test's folder: later tests must use the JVM's default again.
        previousTrust.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
    }
}

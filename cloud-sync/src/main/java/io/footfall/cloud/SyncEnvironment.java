package io.footfall.cloud;

import io.footfall.BadInputException;
import io.footfall.cloud.blob.BlobCredentials;
import io.footfall.cloud.iothub.HubIdentity;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where to sync to, from the environment only (secrets never come from the config file):
 * <ul>
 *   <li>{@value #IOTHUB_CONNECTION_STRING}: a device (or module) connection string; otherwise, under IoT Edge
 *       ({@code IOTEDGE_WORKLOADURI} or {@code EdgeHubConnectionString} set), the module identity edgeHub gives;</li>
 *   <li>{@value #IOTHUB_CA_FILE}: a PEM CA to trust for the hub connection (a gateway with a private CA);</li>
 *   <li>{@value #BLOB_CONNECTION_STRING}, or {@value #BLOB_SAS_URL}, or {@value #BLOB_ACCOUNT_URL} with a managed
 *       identity (azure-identity's default chain).</li>
 * </ul>
 * {@link #toString()} names which are set, never their values.
 */
public record SyncEnvironment(Optional<HubIdentity> hub, Optional<Path> hubCaFile, Optional<BlobCredentials> blob) {
    public static final String IOTHUB_CONNECTION_STRING = "FOOTFALL_IOTHUB_CONNECTION_STRING";
    public static final String IOTHUB_CA_FILE = "FOOTFALL_IOTHUB_CA_FILE";
    public static final String BLOB_CONNECTION_STRING = "FOOTFALL_BLOB_CONNECTION_STRING";
    public static final String BLOB_SAS_URL = "FOOTFALL_BLOB_SAS_URL";
    public static final String BLOB_ACCOUNT_URL = "FOOTFALL_BLOB_ACCOUNT_URL";

    public static SyncEnvironment from(Function<String, Optional<String>> env) {
        Optional<HubIdentity> hub = nonBlank(env, IOTHUB_CONNECTION_STRING)
                .<HubIdentity>map(HubIdentity.ConnectionString::new)
                .or(() -> nonBlank(env, "IOTEDGE_WORKLOADURI").or(() -> nonBlank(env, "EdgeHubConnectionString"))
                        .map(x -> new HubIdentity.EdgeEnvironment()));
        Optional<Path> ca = nonBlank(env, IOTHUB_CA_FILE).map(Path::of);
        return new SyncEnvironment(hub, ca, blobCredentials(env));
    }

    /** The first of {@value #BLOB_CONNECTION_STRING}, {@value #BLOB_SAS_URL} and {@value #BLOB_ACCOUNT_URL} set. */
    public static Optional<BlobCredentials> blobCredentials(Function<String, Optional<String>> env) {
        return nonBlank(env, BLOB_CONNECTION_STRING)
                .<BlobCredentials>map(BlobCredentials.ConnectionString::new)
                .or(() -> nonBlank(env, BLOB_SAS_URL).map(BlobCredentials.SasUrl::new))
                .or(() -> nonBlank(env, BLOB_ACCOUNT_URL).map(BlobCredentials.AccountUrl::new));
    }

    /** The environment variable {@code c} came from. */
    public static String variableOf(BlobCredentials c) {
        return c instanceof BlobCredentials.ConnectionString ? BLOB_CONNECTION_STRING
                : c instanceof BlobCredentials.SasUrl ? BLOB_SAS_URL : BLOB_ACCOUNT_URL;
    }

    public boolean configured() {
        return hub.isPresent() || blob.isPresent();
    }

    /** The CA file as a trust-only SSL context. */
    public Optional<SSLContext> hubTrust() {
        if (hubCaFile.isEmpty()) {
            return Optional.empty();
        }
        Path file = hubCaFile.get();
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                ks.setCertificateEntry("ca-" + i++, c);
            }
            if (i == 0) {
                throw new BadInputException(IOTHUB_CA_FILE + "=" + file + ": no PEM certificate in the file");
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLSv1.2");
            ctx.init(null, tmf.getTrustManagers(), null);
            return Optional.of(ctx);
        } catch (BadInputException e) {
            throw e;
        } catch (Exception e) {
            throw new BadInputException(IOTHUB_CA_FILE + "=" + file + ": cannot read it as PEM certificates ("
                    + e.getMessage() + ")", e);
        }
    }

    private static Optional<String> nonBlank(Function<String, Optional<String>> env, String name) {
        return env.apply(name).filter(v -> !v.isBlank());
    }

    @Override
    public String toString() {
        return "SyncEnvironment[hub=" + hub.map(Object::toString).orElse("none") + ", blob="
                + blob.map(b -> b.getClass().getSimpleName()).orElse("none") + "]";
    }
}

package io.footfall.cloud.testing;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds what the tests need outside Maven: Azurite (installed by scripts/install-cloud-test-servers.sh) and the shared
 * test clips. Absent: the test is skipped with the command that installs it, except under CI=true, where it fails.
 */
public final class TestServers {
    private TestServers() {
    }

    public static Path root() {
        return Path.of(System.getProperty("footfall.root", "..")).toAbsolutePath().normalize();
    }

    public static Path azuriteBlob() {
        return require(root().resolve(".footfall/node/node_modules/azurite/dist/src/blob/main.js"),
                "Azurite; run scripts/install-cloud-test-servers.sh");
    }

    public static Path sharedFile(String relative) {
        Path shared = Path.of(System.getProperty("footfall.shared", "../../shared/data"));
        return require(shared.resolve(relative), "shared test data");
    }

    private static Path require(Path p, String what) {
        if (Files.exists(p)) {
            return p;
        }
        String message = "missing " + what + ": " + p;
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(message);
        }
        Assumptions.abort(message);
        return p;
    }
}

package io.footfall.deploy;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find the repository, deploy-edge and the shared test data; and the CI rule for what is missing. */
final class Project {
    private Project() {
    }

    static Path root() {
        String prop = System.getProperty("footfall.root");
        return Path.of(prop != null ? prop : "..").toAbsolutePath().normalize();
    }

    static Path deployEdge() {
        return root().resolve("deploy-edge");
    }

    static Path shared() {
        String prop = System.getProperty("footfall.shared");
        return Path.of(prop != null ? prop : "../shared/data").toAbsolutePath().normalize();
    }

    static boolean ci() {
        return "true".equals(System.getenv("CI"));
    }

    /** Skips the test with the reason, except under CI=true, where the missing piece is a failure. */
    static void require(boolean present, String what) {
        if (!present) {
            if (ci()) {
                Assertions.fail(what + "; under CI=true it must be present");
            }
            Assumptions.abort(what + "; skipping");
        }
    }

    static Path requireShared(String relative) {
        Path p = shared().resolve(relative);
        require(Files.exists(p), "shared test data " + p + " is missing (see ../shared/data/README.md)");
        return p;
    }

    /** An executable on PATH, or null. */
    static Path onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}

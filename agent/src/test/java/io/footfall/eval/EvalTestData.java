package io.footfall.eval;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates shared data and the project's Python venv: a missing file skips the test, except under
 * {@code CI=true} where it fails. (The lead may fold this into io.footfall.testing.SharedData.)
 */
final class EvalTestData {

    static final String TUD_GT = "mot/TUD-Campus/gt/gt.txt";
    static final String VIRAT_OBJECTS = "virat/VIRAT_S_010003_07_000608_000636.viratdata.objects.txt";
    /** Frames the VIRAT clip decodes to (its README); the last two annotated frames lie beyond. */
    static final int VIRAT_FRAMES = 493;

    private EvalTestData() {
    }

    static Path shared(String relative) {
        String root = System.getProperty("footfall.shared", "../shared/data");
        return require(Path.of(root).resolve(relative), "shared data file");
    }

    static Path venvPython() {
        String root = System.getProperty("footfall.root", ".");
        return require(Path.of(root, ".footfall", "venv", "bin", "python"),
                "Python venv with motmetrics (run scripts/setup-python.sh --dev)");
    }

    static Path script(String relative) {
        return Path.of(System.getProperty("footfall.root", "."), relative);
    }

    private static Path require(Path p, String what) {
        if (!Files.exists(p)) {
            String message = what + " not found: " + p.toAbsolutePath();
            if ("true".equals(System.getenv("CI"))) {
                fail(message + " (required when CI=true)");
            }
            Assumptions.abort(message + "; skipping");
        }
        return p;
    }
}

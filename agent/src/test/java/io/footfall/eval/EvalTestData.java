package io.footfall.eval;

import io.footfall.testing.SharedData;

import java.nio.file.Path;

/**
 * Shared files the evaluation tests read; lookups go through {@link SharedData}.
 */
final class EvalTestData {

    static final String TUD_GT = "mot/TUD-Campus/gt/gt.txt";
    static final String VIRAT_OBJECTS = "virat/VIRAT_S_010003_07_000608_000636.viratdata.objects.txt";
    /** Frames the VIRAT clip decodes to (its README); the last two annotated frames lie beyond. */
    static final int VIRAT_FRAMES = 493;

    private EvalTestData() {
    }

    static Path shared(String relative) {
        return SharedData.require(relative);
    }

    static Path venvPython() {
        return SharedData.venvPython();
    }

    static Path script(String relative) {
        return SharedData.projectRoot().resolve(relative);
    }
}

package io.footfall.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DataDirectoryTest {
    @TempDir
    Path module;

    @Test
    void optionWinsThenEnvironmentThenModuleVolumeThenWorkstation() {
        Path option = Path.of("/srv/x");
        Map<String, String> env = Map.of(DataDirectory.ENV, "/data/env");
        assertThat(DataDirectory.resolve(option, env, module)).isEqualTo(option);
        assertThat(DataDirectory.resolve(null, env, module)).isEqualTo(Path.of("/data/env"));
        assertThat(DataDirectory.resolve(null, Map.of(DataDirectory.ENV, " "), module)).isEqualTo(module);
        assertThat(DataDirectory.resolve(null, Map.of(), module.resolve("absent")))
                .isEqualTo(Path.of("footfall-data").toAbsolutePath());
    }
}

package io.footfall;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where Footfall keeps and finds things on this host. The project root is {@code footfall.root}
 * (set by the launcher), else {@code FOOTFALL_ROOT}, else the working directory.
 *
 * @param root     the project checkout (or install) folder
 * @param home     project-owned, git-ignored state: models, runtime, downloaded samples
 * @param models   installed model files, one folder per model
 * @param shared   the shared test/demo data folder, when this host has one
 */
public record FootfallPaths(Path root, Path home, Path models, Optional<Path> shared) {

    public static FootfallPaths detect() {
        return from(System.getenv(), System.getProperty("footfall.root"));
    }

    static FootfallPaths from(Map<String, String> env, String rootProperty) {
        String r = rootProperty != null ? rootProperty : env.getOrDefault("FOOTFALL_ROOT", ".");
        Path root = Path.of(r).toAbsolutePath().normalize();
        Path home = Path.of(env.getOrDefault("FOOTFALL_HOME", root.resolve(".footfall").toString()));
        Path models = Path.of(env.getOrDefault("FOOTFALL_MODELS_DIR", home.resolve("models").toString()));
        Path shared = root.resolve("../shared/data").normalize();
        return new FootfallPaths(root, home, models, Files.isDirectory(shared) ? Optional.of(shared) : Optional.empty());
    }

    /** The local model mirror: {@code shared/data/models} when present. */
    public Optional<Path> modelMirror() {
        return shared.map(s -> s.resolve("models")).filter(Files::isDirectory);
    }
}

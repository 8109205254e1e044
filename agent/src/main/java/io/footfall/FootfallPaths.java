package io.footfall;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where Footfall keeps and finds things on this host. The project root is {@code footfall.root}
 * (set by the launcher), else {@code FOOTFALL_ROOT}, else the working directory.
 *
 * <p>The local mirror is a folder laid out as {@code models/<model>/...} and {@code videos/<clip>}: copies of the
 * official models and Intel's sample clips, so a host without internet access (or a developer's checkout) neither
 * downloads nor converts them. It is {@code FOOTFALL_MIRROR_DIR}, else {@code <root>/../shared/data} when that folder
 * exists. Footfall only reads from it; tests find their own data through their test support, not here.
 *
 * @param root     the project checkout (or install) folder
 * @param home     project-owned, git-ignored state: models, runtime, downloaded samples
 * @param models   installed model files, one folder per model
 * @param mirror   the local mirror of official models and sample clips, when this host has one
 */
public record FootfallPaths(Path root, Path home, Path models, Optional<Path> mirror) {

    public static FootfallPaths detect() {
        return from(System.getenv(), System.getProperty("footfall.root"));
    }

    static FootfallPaths from(Map<String, String> env, String rootProperty) {
        String r = rootProperty != null ? rootProperty : env.getOrDefault("FOOTFALL_ROOT", ".");
        Path root = Path.of(r).toAbsolutePath().normalize();
        Path home = Path.of(env.getOrDefault("FOOTFALL_HOME", root.resolve(".footfall").toString()));
        Path models = Path.of(env.getOrDefault("FOOTFALL_MODELS_DIR", home.resolve("models").toString()));
        String mirrorDir = env.get("FOOTFALL_MIRROR_DIR");
        Path mirror = mirrorDir != null ? Path.of(mirrorDir).toAbsolutePath().normalize()
                : root.resolve("../shared/data").normalize();
        return new FootfallPaths(root, home, models, Files.isDirectory(mirror) ? Optional.of(mirror) : Optional.empty());
    }

    /** The mirror's official models ({@code <mirror>/models}), when present. */
    public Optional<Path> modelMirror() {
        return mirror.map(m -> m.resolve("models")).filter(Files::isDirectory);
    }

    /** The mirror's copy of sample clip {@code name} ({@code <mirror>/videos/<name>}), when present. */
    public Optional<Path> sampleClipMirror(String name) {
        return mirror.map(m -> m.resolve("videos").resolve(name)).filter(Files::isRegularFile);
    }
}

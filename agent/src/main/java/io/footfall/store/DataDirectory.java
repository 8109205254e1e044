package io.footfall.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the outbox keeps its data: an explicit option wins, then the {@value #ENV} environment variable, then
 * {@code /var/lib/footfall} when it exists and is writable (the IoT Edge module mounts its volume there), else
 * {@code ./footfall-data} (a workstation). Stateless; thread-safe.
 */
public final class DataDirectory {
    public static final String ENV = "FOOTFALL_DATA_DIR";
    public static final Path MODULE_DEFAULT = Path.of("/var/lib/footfall");
    public static final Path WORKSTATION_DEFAULT = Path.of("footfall-data");

    private DataDirectory() {
    }

    /** Resolves with this process's environment. */
    public static Path resolve(Path option) {
        return resolve(option, System.getenv(), MODULE_DEFAULT);
    }

    /** Resolves from the given option (may be null), environment and module directory (testable). */
    public static Path resolve(Path option, Map<String, String> env, Path moduleDefault) {
        if (option != null) {
            return option.toAbsolutePath().normalize();
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv.trim()).toAbsolutePath().normalize();
        }
        if (Files.isDirectory(moduleDefault) && Files.isWritable(moduleDefault)) {
            return moduleDefault;
        }
        return WORKSTATION_DEFAULT.toAbsolutePath().normalize();
    }
}

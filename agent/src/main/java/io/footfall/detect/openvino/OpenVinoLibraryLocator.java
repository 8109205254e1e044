package io.footfall.detect.openvino;

import io.footfall.detect.DetectionException;
import io.footfall.detect.DetectorSetupException;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds {@code libopenvino_c.so} for the OpenVINO backend. Places, in order:
 * <ol>
 *   <li>an explicit path (a folder, or the library file itself) from the user's options;</li>
 *   <li>the folder in env {@code OPENVINO_LIB_DIR};</li>
 *   <li>when neither is set, the project's own install by {@code scripts/setup-python.sh}:
 *       {@code <root>/.footfall/venv/lib/python3*}{@code /site-packages/openvino/libs};</li>
 *   <li>Intel's system install, {@code /opt/intel/openvino/runtime/lib/intel64}.</li>
 * </ol>
 * A place the user set (option or env) must hold a library that loads, else that is the error; otherwise the
 * first install whose library loads wins, and when none does, {@link #locate} throws one
 * {@link DetectorSetupException} that lists every place and why it failed, and how to install.
 *
 * <p>The environment and the paths are injected, so the search can be tested without touching the
 * machine. Immutable and thread-safe.
 */
public final class OpenVinoLibraryLocator {

    /** The env variable naming a folder that holds {@code libopenvino_c.so}. */
    public static final String ENV_LIB_DIR = "OPENVINO_LIB_DIR";
    /** Where Intel's installer puts the runtime. */
    public static final Path SYSTEM_DIR = Paths.get("/opt/intel/openvino/runtime/lib/intel64");
    private static final String LIB_NAME = "libopenvino_c.so";

    /** One place to look, e.g. {@code env OPENVINO_LIB_DIR=/x}. {@code location} is empty when unset. */
    public record Place(String description, Optional<Path> location) {
    }

    /** Loads a found library, throwing (any exception or linkage error) when it cannot be used. */
    @FunctionalInterface
    public interface Loader {
        void load(Path library) throws Exception;
    }

    private final Optional<Path> explicitPath;
    private final Map<String, String> env;
    private final Path projectRoot;
    private final Path systemDir;

    /**
     * @param explicitPath the user's option, a folder or the library file
     * @param env          environment variables (only {@value #ENV_LIB_DIR} is read)
     * @param projectRoot  the Footfall checkout or install folder holding {@code .footfall/}
     * @param systemDir    Intel's system install folder, normally {@link #SYSTEM_DIR}
     */
    public OpenVinoLibraryLocator(Optional<Path> explicitPath, Map<String, String> env, Path projectRoot,
                                  Path systemDir) {
        this.explicitPath = Objects.requireNonNull(explicitPath, "explicitPath");
        this.env = Map.copyOf(env);
        this.projectRoot = Objects.requireNonNull(projectRoot, "projectRoot");
        this.systemDir = Objects.requireNonNull(systemDir, "systemDir");
    }

    /**
     * The locator for this process: the real environment, the project root from system property
     * {@code footfall.root} (else the working directory) and {@link #SYSTEM_DIR}.
     */
    public static OpenVinoLibraryLocator forThisProcess(Optional<Path> explicitPath) {
        String root = System.getProperty("footfall.root");
        Path projectRoot = root == null || root.isBlank() ? Paths.get("").toAbsolutePath() : Paths.get(root);
        return new OpenVinoLibraryLocator(explicitPath, System.getenv(), projectRoot, SYSTEM_DIR);
    }

    /** Every place this locator looks, in order, including unset ones (their location is empty). */
    public List<Place> places() {
        List<Place> places = new ArrayList<>();
        places.add(new Place("option openvino library path", explicitPath));
        String envDir = env.get(ENV_LIB_DIR);
        places.add(new Place("env " + ENV_LIB_DIR, Optional.ofNullable(envDir).filter(s -> !s.isBlank()).map(Paths::get)));
        List<Path> venvLibs = projectInstalls();
        if (venvLibs.isEmpty()) {
            places.add(new Place("project install", Optional.of(projectRoot.resolve(
                    ".footfall/venv/lib/python3*/site-packages/openvino/libs"))));
        } else {
            venvLibs.forEach(p -> places.add(new Place("project install", Optional.of(p))));
        }
        places.add(new Place("system install", Optional.of(systemDir)));
        return places;
    }

    /**
     * The library the user named ({@code --openvino-lib}, {@code detector.openvinoLib}, else env
     * {@value #ENV_LIB_DIR}), or else the first found in the project or system install that {@code loader}
     * accepts. A place the user named is binding: when it does not exist, has no library or the library does
     * not load, that is the error (never a silent fall-back to another, possibly different, OpenVINO).
     *
     * @throws DetectorSetupException naming the user's place and what was expected, or listing every place
     *                                tried and why it failed
     */
    public Path locate(Loader loader) {
        if (explicitPath.isPresent()) {
            return required(explicitPath.get(), "--openvino-lib (detector.openvinoLib in a config)", loader);
        }
        Optional<Path> envDir = places().get(1).location();
        if (envDir.isPresent()) {
            return required(envDir.get(), "env " + ENV_LIB_DIR, loader);
        }
        List<String> tried = new ArrayList<>();
        for (Place place : places()) {
            String where = place.description() + place.location().map(p -> " " + p).orElse("");
            if (place.location().isEmpty()) {
                tried.add(where + ": not set");
                continue;
            }
            Path location = place.location().get();
            Optional<Path> lib;
            try {
                lib = libraryAt(location);
            } catch (DetectionException e) {
                tried.add(where + ": " + e.getMessage());
                continue;
            }
            if (lib.isEmpty()) {
                tried.add(where + ": " + (Files.exists(location) ? "has no " + LIB_NAME + "*" : "does not exist"));
                continue;
            }
            try {
                loader.load(lib.get());
                return lib.get();
            } catch (Exception | LinkageError e) {
                tried.add(where + ": found " + lib.get().getFileName() + " but it does not load: " + oneLine(e));
            }
        }
        StringBuilder msg = new StringBuilder("OpenVINO runtime (" + LIB_NAME + ") not found or not loadable. Tried:");
        for (int i = 0; i < tried.size(); i++) {
            msg.append("\n  ").append(i + 1).append(". ").append(tried.get(i));
        }
        msg.append("\nInstall it with scripts/setup-python.sh (the openvino pip package, into .footfall/venv),")
                .append(" or set ").append(ENV_LIB_DIR).append(" to a folder holding ").append(LIB_NAME).append('.');
        throw new DetectorSetupException(msg.toString());
    }

    /** The library at a place the user named, or one clear error naming it, the setting and what was expected. */
    private static Path required(Path location, String setting, Loader loader) {
        String expected = "expected a folder containing " + LIB_NAME + " (or that library file itself)";
        Optional<Path> lib;
        try {
            lib = libraryAt(location);
        } catch (DetectionException e) {
            throw new DetectorSetupException("OpenVINO library " + location + " (from " + setting + ") " + e.getMessage() + "; " + expected);
        }
        if (lib.isEmpty()) {
            throw new DetectorSetupException("OpenVINO library folder " + location + " (from " + setting + ") "
                    + (Files.exists(location) ? "has no " + LIB_NAME + "*" : "does not exist") + "; " + expected);
        }
        try {
            loader.load(lib.get());
            return lib.get();
        } catch (Exception | LinkageError e) {
            throw new DetectorSetupException("OpenVINO library " + lib.get() + " (from " + setting + ") does not load: " + oneLine(e)
                    + "; expected OpenVINO's C library (the openvino pip package's openvino/libs, or an Intel install)");
        }
    }

    /**
     * The library at a location: the file itself when it is named {@code libopenvino_c.so*}, or in a
     * folder the plain {@code libopenvino_c.so}, else the versioned name (pip wheels ship only
     * {@code libopenvino_c.so.NNNN}), highest version first.
     */
    static Optional<Path> libraryAt(Path location) {
        if (Files.isRegularFile(location)) {
            if (!location.getFileName().toString().startsWith(LIB_NAME)) {
                throw new DetectionException("is a file but not " + LIB_NAME + "*");
            }
            return Optional.of(location);
        }
        if (!Files.isDirectory(location)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(location)) {
            return files.filter(p -> isLibraryName(p.getFileName().toString()) && Files.isRegularFile(p))
                    .min(Comparator.comparing((Path p) -> !p.getFileName().toString().equals(LIB_NAME))
                            .thenComparing(p -> p.getFileName().toString(), Comparator.reverseOrder()));
        } catch (IOException e) {
            throw new DetectionException("cannot be listed: " + e.getMessage());
        }
    }

    private static boolean isLibraryName(String name) {
        return name.equals(LIB_NAME) || name.startsWith(LIB_NAME + ".");
    }

    private List<Path> projectInstalls() {
        Path lib = projectRoot.resolve(".footfall/venv/lib");
        if (!Files.isDirectory(lib)) {
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> pythons = Files.newDirectoryStream(lib, "python3*")) {
            for (Path python : pythons) {
                Path libs = python.resolve("site-packages/openvino/libs");
                if (Files.isDirectory(libs)) {
                    found.add(libs);
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        found.sort(Comparator.reverseOrder());
        return found;
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        m = m.replaceAll("\\s+", " ").strip();
        // JNA appends the whole classpath to a load failure; the first part says what went wrong.
        return m.length() > 300 ? m.substring(0, 300) + "..." : m;
    }
}

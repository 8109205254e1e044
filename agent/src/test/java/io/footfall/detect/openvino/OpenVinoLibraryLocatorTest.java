package io.footfall.detect.openvino;

import io.footfall.detect.DetectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the runtime is looked for, in which order, and the one error when it is nowhere. */
class OpenVinoLibraryLocatorTest {

    private static final OpenVinoLibraryLocator.Loader ACCEPT = lib -> { };

    @TempDir
    Path tmp;

    private OpenVinoLibraryLocator locator(Optional<Path> explicit, Map<String, String> env) {
        return new OpenVinoLibraryLocator(explicit, env, tmp.resolve("project"), tmp.resolve("opt-intel"));
    }

    private Path lib(String dir, String name) throws IOException {
        Path d = Files.createDirectories(tmp.resolve(dir));
        return Files.writeString(d.resolve(name), "fake");
    }

    @Test
    void nothingAnywhereListsEveryPlaceAndHowToInstall() {
        assertThatThrownBy(() -> locator(Optional.empty(), Map.of()).locate(ACCEPT))
                .isInstanceOf(DetectionException.class)
                .hasMessage("OpenVINO runtime (libopenvino_c.so) not found or not loadable. Tried:\n"
                        + "  1. option openvino library path: not set\n"
                        + "  2. env OPENVINO_LIB_DIR: not set\n"
                        + "  3. project install " + tmp.resolve("project")
                        + "/.footfall/venv/lib/python3*/site-packages/openvino/libs: does not exist\n"
                        + "  4. system install " + tmp.resolve("opt-intel") + ": does not exist\n"
                        + "Install it with scripts/setup-python.sh (the openvino pip package, into .footfall/venv),"
                        + " or set OPENVINO_LIB_DIR to a folder holding libopenvino_c.so.");
    }

    @Test
    void eachFailureModeSaysWhy() throws IOException {
        Path notALib = lib("x", "libsomething.so");
        Path emptyDir = Files.createDirectories(tmp.resolve("empty"));
        lib("project/.footfall/venv/lib/python3.11/site-packages/openvino/libs", "libopenvino_c.so.2641");
        Path system = lib("opt-intel", "libopenvino_c.so");
        OpenVinoLibraryLocator l = locator(Optional.of(notALib), Map.of("OPENVINO_LIB_DIR", emptyDir.toString()));
        assertThatThrownBy(() -> l.locate(lib -> {
            throw new UnsatisfiedLinkError(lib.getFileName() + ": wrong ELF class");
        }))
                .isInstanceOf(DetectionException.class)
                .hasMessageContaining("1. option openvino library path " + notALib + ": is a file but not libopenvino_c.so*\n")
                .hasMessageContaining("2. env OPENVINO_LIB_DIR " + emptyDir + ": has no libopenvino_c.so*\n")
                .hasMessageContaining("3. project install " + tmp.resolve("project/.footfall/venv/lib/python3.11/site-packages/openvino/libs")
                        + ": found libopenvino_c.so.2641 but it does not load: libopenvino_c.so.2641: wrong ELF class\n")
                .hasMessageContaining("4. system install " + system.getParent()
                        + ": found libopenvino_c.so but it does not load: libopenvino_c.so: wrong ELF class\n");
    }

    @Test
    void explicitPathComesFirstThenEnvThenProjectThenSystem() throws IOException {
        Path explicit = lib("explicit", "libopenvino_c.so");
        Path env = lib("env", "libopenvino_c.so");
        Path project = lib("project/.footfall/venv/lib/python3.11/site-packages/openvino/libs", "libopenvino_c.so.2641");
        Path system = lib("opt-intel", "libopenvino_c.so");
        Map<String, String> envVars = Map.of("OPENVINO_LIB_DIR", env.getParent().toString());

        assertThat(locator(Optional.of(explicit.getParent()), envVars).locate(ACCEPT)).isEqualTo(explicit);
        assertThat(locator(Optional.empty(), envVars).locate(ACCEPT)).isEqualTo(env);
        assertThat(locator(Optional.empty(), Map.of()).locate(ACCEPT)).isEqualTo(project);
        Files.delete(project);
        assertThat(locator(Optional.empty(), Map.of()).locate(ACCEPT)).isEqualTo(system);
    }

    @Test
    void aPlaceThatDoesNotLoadFallsThroughToTheNext() throws IOException {
        Path broken = lib("env", "libopenvino_c.so");
        Path system = lib("opt-intel", "libopenvino_c.so");
        List<Path> tried = new ArrayList<>();
        Path found = locator(Optional.empty(), Map.of("OPENVINO_LIB_DIR", broken.getParent().toString())).locate(lib -> {
            tried.add(lib);
            if (lib.equals(broken)) {
                throw new IllegalStateException("broken");
            }
        });
        assertThat(found).isEqualTo(system);
        assertThat(tried).containsExactly(broken, system);
    }

    @Test
    void explicitFileIsUsedAsIs() throws IOException {
        Path file = lib("any", "libopenvino_c.so.2641");
        assertThat(locator(Optional.of(file), Map.of()).locate(ACCEPT)).isEqualTo(file);
    }

    @Test
    void inAFolderThePlainNameWinsOverVersionedOnes() throws IOException {
        lib("d", "libopenvino_c.so.2540");
        lib("d", "libopenvino_c.so.2641");
        assertThat(OpenVinoLibraryLocator.libraryAt(tmp.resolve("d"))).contains(tmp.resolve("d/libopenvino_c.so.2641"));
        Path plain = lib("d", "libopenvino_c.so");
        assertThat(OpenVinoLibraryLocator.libraryAt(tmp.resolve("d"))).contains(plain);
    }

    @Test
    void theRealLoaderRejectsAFileThatIsNotALibrary() throws IOException {
        Path fake = lib("fake", "libopenvino_c.so");
        OpenVinoLibraryLocator l = new OpenVinoLibraryLocator(Optional.of(fake), Map.of(), tmp.resolve("none"),
                tmp.resolve("none2"));
        assertThatThrownBy(() -> OpenVinoRuntime.load(l))
                .isInstanceOf(DetectionException.class)
                .hasMessageContaining("1. option openvino library path " + fake + ": found libopenvino_c.so but it does not load: ")
                .hasMessageContaining("Install it with scripts/setup-python.sh");
    }
}

package io.footfall.detect.openvino;

import io.footfall.detect.DetectionException;
import io.footfall.detect.DetectorSetupException;
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
    void eachFailureModeOfTheInstallsSaysWhy() throws IOException {
        Path project = lib("project/.footfall/venv/lib/python3.11/site-packages/openvino/libs", "libopenvino_c.so.2641");
        Path system = lib("opt-intel", "libopenvino_c.so");
        OpenVinoLibraryLocator l = locator(Optional.empty(), Map.of());
        assertThatThrownBy(() -> l.locate(lib -> {
            throw new UnsatisfiedLinkError(lib.getFileName() + ": wrong ELF class");
        }))
                .isInstanceOf(DetectorSetupException.class)
                .hasMessageContaining("3. project install " + project.getParent()
                        + ": found libopenvino_c.so.2641 but it does not load: libopenvino_c.so.2641: wrong ELF class\n")
                .hasMessageContaining("4. system install " + system.getParent()
                        + ": found libopenvino_c.so but it does not load: libopenvino_c.so: wrong ELF class\n");
    }

    /** What the user names is binding: never a silent fall-back to another OpenVINO. */
    @Test
    void aPlaceTheUserNamedThatIsNotUsableIsTheErrorNamingItAndWhatWasExpected() throws IOException {
        lib("opt-intel", "libopenvino_c.so"); // a usable install the locator must not fall back to
        Path missing = tmp.resolve("nonexistent");
        Path notALib = lib("x", "libsomething.so");
        Path emptyDir = Files.createDirectories(tmp.resolve("empty"));
        Path broken = lib("broken", "libopenvino_c.so");
        OpenVinoLibraryLocator.Loader rejectBroken = lib -> {
            if (lib.equals(broken)) {
                throw new UnsatisfiedLinkError("invalid ELF header");
            }
        };
        String expected = "expected a folder containing libopenvino_c.so (or that library file itself)";

        assertThatThrownBy(() -> locator(Optional.of(missing), Map.of()).locate(ACCEPT))
                .isInstanceOf(DetectorSetupException.class)
                .hasMessage("OpenVINO library folder " + missing + " (from --openvino-lib (detector.openvinoLib in a config)) does not exist; "
                        + expected);
        assertThatThrownBy(() -> locator(Optional.of(notALib), Map.of()).locate(ACCEPT))
                .isInstanceOf(DetectorSetupException.class).hasMessageContaining(notALib + " (from --openvino-lib")
                .hasMessageContaining("is a file but not libopenvino_c.so*");
        assertThatThrownBy(() -> locator(Optional.empty(), Map.of("OPENVINO_LIB_DIR", missing.toString())).locate(ACCEPT))
                .isInstanceOf(DetectorSetupException.class)
                .hasMessage("OpenVINO library folder " + missing + " (from env OPENVINO_LIB_DIR) does not exist; " + expected);
        assertThatThrownBy(() -> locator(Optional.empty(), Map.of("OPENVINO_LIB_DIR", emptyDir.toString())).locate(ACCEPT))
                .isInstanceOf(DetectorSetupException.class).hasMessageContaining(emptyDir + " (from env OPENVINO_LIB_DIR) has no libopenvino_c.so*");
        assertThatThrownBy(() -> locator(Optional.of(broken.getParent()), Map.of()).locate(rejectBroken))
                .isInstanceOf(DetectorSetupException.class)
                .hasMessageContaining(broken + " (from --openvino-lib").hasMessageContaining("does not load: invalid ELF header");
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
    void anInstallThatDoesNotLoadFallsThroughToTheNext() throws IOException {
        Path broken = lib("project/.footfall/venv/lib/python3.11/site-packages/openvino/libs", "libopenvino_c.so");
        Path system = lib("opt-intel", "libopenvino_c.so");
        List<Path> tried = new ArrayList<>();
        Path found = locator(Optional.empty(), Map.of()).locate(lib -> {
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
                .isInstanceOf(DetectorSetupException.class)
                .hasMessageContaining("OpenVINO library " + fake + " (from --openvino-lib")
                .hasMessageContaining("does not load: ");
    }
}

package io.footfall.detect.openvino;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import io.footfall.detect.DetectionException;
import io.footfall.detect.DetectorSetupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A loaded {@code libopenvino_c}: where it came from and its version; creates {@link OpenVinoCore}s.
 *
 * <p>A native library, once loaded and bound, belongs to the whole process, so this is the one
 * place in the package with process-wide state: the first successful {@link #load} binds the C API,
 * and later loads reuse that binding (asking for a different library then fails clearly instead of
 * mixing two runtimes). Thread-safe.
 */
public final class OpenVinoRuntime {

    private static final Logger log = LoggerFactory.getLogger(OpenVinoRuntime.class);
    /** Guards {@link #bound}: the JVM can bind {@link OvNative} to only one library. */
    private static final Object BIND_LOCK = new Object();
    private static OpenVinoRuntime bound;

    private final Path library;
    private final String version;
    private final OvNative.Variadic variadic;

    private OpenVinoRuntime(Path library, String version, OvNative.Variadic variadic) {
        this.library = library;
        this.version = version;
        this.variadic = variadic;
    }

    /**
     * Finds and loads the runtime (see {@link OpenVinoLibraryLocator}), or returns the one already
     * loaded in this process when it is the same file.
     *
     * @throws DetectionException when no usable library is found (one message listing every place),
     *                            or when another library was loaded earlier in this process
     */
    public static OpenVinoRuntime load(OpenVinoLibraryLocator locator) {
        synchronized (BIND_LOCK) {
            if (bound != null) {
                Path wanted = locator.locate(lib -> {
                    if (!sameFile(lib, bound.library)) {
                        throw new DetectionException("another OpenVINO library, " + bound.library
                                + ", is already loaded in this process");
                    }
                });
                log.debug("openvino runtime reused library={}", wanted);
                return bound;
            }
            OpenVinoRuntime[] loaded = new OpenVinoRuntime[1];
            locator.locate(lib -> loaded[0] = bind(lib));
            bound = loaded[0];
            log.info("openvino runtime loaded version={} library={}", bound.version, bound.library);
            return bound;
        }
    }

    private static OpenVinoRuntime bind(Path lib) {
        // Loading by absolute path lets the dynamic linker find libopenvino.so and libtbb beside it
        // through the library's RPATH=$ORIGIN; OpenVINO then finds its device plugins next to itself.
        String path = lib.toAbsolutePath().toString();
        NativeLibrary nativeLibrary = NativeLibrary.getInstance(path);
        nativeLibrary.getFunction("ov_get_openvino_version");
        OvNative.bind(nativeLibrary);
        String version = readVersion();
        checkElementTypeCodes(version);
        return new OpenVinoRuntime(lib.toAbsolutePath(), version, OvNative.Variadic.load(path));
    }

    private static String readVersion() {
        OvNative.OvVersion v = new OvNative.OvVersion();
        OvStatus.check(OvNative.ov_get_openvino_version(v), "read its version");
        try {
            return v.buildNumber.getString(0);
        } finally {
            OvNative.ov_version_free(v);
        }
    }

    /**
     * {@code ov_element_type_e} was renumbered between releases; a mismatch would feed u8 pixels as
     * another type. A 2x3 tensor per type must have 6 x the type's size in bytes.
     */
    private static void checkElementTypeCodes(String version) {
        for (OvElementType type : OvElementType.values()) {
            try (OvTensor t = OvTensor.allocate(type, new long[]{2, 3})) {
                if (t.byteSize() != 6L * type.bytes) {
                    throw new DetectorSetupException("OpenVINO " + version + " is not supported: its element type #"
                            + type.code + " is not " + type + " (a 2x3 tensor has " + t.byteSize() + " bytes);"
                            + " Footfall needs OpenVINO 2025 or later");
                }
            }
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return a.toRealPath().equals(b.toRealPath());
        } catch (IOException e) {
            return a.toAbsolutePath().equals(b.toAbsolutePath());
        }
    }

    /** The loaded library file. */
    public Path library() {
        return library;
    }

    /** OpenVINO's build number, e.g. {@code 2026.4.1-22982-e213a147257-releases/2026/4}. */
    public String buildNumber() {
        return version;
    }

    /** The release, e.g. {@code 2026.4.1}. */
    public String version() {
        int dash = version.indexOf('-');
        return dash < 0 ? version : version.substring(0, dash);
    }

    /** A new OpenVINO core; the caller closes it. */
    public OpenVinoCore newCore() {
        return OpenVinoCore.create(this);
    }

    OvNative.Variadic variadic() {
        return variadic;
    }

    /** Reads a string the library allocated, then frees it. */
    static String takeString(Pointer p) {
        if (p == null) {
            return "";
        }
        try {
            return p.getString(0);
        } finally {
            OvNative.ov_free(p);
        }
    }

    @Override
    public String toString() {
        return "openvino " + version() + " (" + library + ")";
    }
}

package io.footfall.detect.openvino;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import io.footfall.detect.DetectionException;
import io.footfall.detect.DetectorSetupException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An OpenVINO core ({@code ov_core_t}): reads models and compiles them for a device.
 * OpenVINO's core is thread-safe; this wrapper's {@link #close()} must not race its other methods.
 */
public final class OpenVinoCore extends NativeHandle {

    private final OpenVinoRuntime runtime;

    private OpenVinoCore(OpenVinoRuntime runtime, Pointer p) {
        super("core", p);
        this.runtime = runtime;
    }

    static OpenVinoCore create(OpenVinoRuntime runtime) {
        PointerByReference out = new PointerByReference();
        OvStatus.check(OvNative.ov_core_create(out), "create a core");
        return new OpenVinoCore(runtime, out.getValue());
    }

    public OpenVinoRuntime runtime() {
        return runtime;
    }

    /**
     * Reads an OpenVINO IR ({@code .xml} with its {@code .bin} beside it) or an ONNX model.
     *
     * @throws DetectionException naming the file when it is missing, or when OpenVINO rejects it
     */
    public OvModel readModel(Path modelFile) {
        if (!Files.isRegularFile(modelFile)) {
            throw new DetectorSetupException("model file " + modelFile + " does not exist");
        }
        String name = modelFile.getFileName().toString();
        String weights = null;
        if (name.endsWith(".xml")) {
            Path bin = modelFile.resolveSibling(name.substring(0, name.length() - 4) + ".bin");
            if (!Files.isRegularFile(bin)) {
                throw new DetectorSetupException("model " + modelFile + " has no weights file " + bin.getFileName()
                        + " beside it");
            }
            weights = bin.toString();
        }
        PointerByReference out = new PointerByReference();
        try {
            OvStatus.check(OvNative.ov_core_read_model(pointer(), modelFile.toString(), weights, out),
                    "read model " + modelFile);
        } catch (OpenVinoException e) {
            throw new DetectorSetupException("model " + modelFile + " is not a valid OpenVINO IR or ONNX model ("
                    + e.reason() + ")", e);
        }
        return new OvModel(out.getValue(), modelFile);
    }

    /**
     * Compiles a model for a device with OpenVINO properties (e.g. {@code PERFORMANCE_HINT=LATENCY},
     * {@code INFERENCE_NUM_THREADS=2}). Blocks while the device compiles, typically 0.1-1 s on CPU.
     */
    public OvCompiledModel compile(OvModel model, String device, Map<String, String> properties) {
        List<Object> keyValues = new ArrayList<>();
        properties.forEach((k, v) -> {
            keyValues.add(k);
            keyValues.add(v);
        });
        PointerByReference out = new PointerByReference();
        OvStatus.check(runtime.variadic().ov_core_compile_model(pointer(), model.pointer(), device,
                        keyValues.size(), out, keyValues.toArray()),
                "compile " + model.source().getFileName() + " for " + device + " with " + properties);
        return new OvCompiledModel(out.getValue(), device);
    }

    @Override
    void free(Pointer p) {
        OvNative.ov_core_free(p);
    }
}

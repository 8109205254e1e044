package io.footfall.detect.openvino;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/**
 * A model compiled for one device ({@code ov_compiled_model_t}); creates infer requests.
 * OpenVINO allows creating requests from several threads; {@link #close()} must come after every
 * request made from it is closed.
 */
public final class OvCompiledModel extends NativeHandle {

    private final String device;

    OvCompiledModel(Pointer p, String device) {
        super("compiled model", p);
        this.device = device;
    }

    public String device() {
        return device;
    }

    public OvInferRequest newInferRequest() {
        PointerByReference out = new PointerByReference();
        OvStatus.check(OvNative.ov_compiled_model_create_infer_request(pointer(), out), "create an infer request");
        return new OvInferRequest(out.getValue());
    }

    /** A property of the compiled model as text, e.g. {@code OPTIMAL_NUMBER_OF_INFER_REQUESTS}. */
    public String property(String key) {
        PointerByReference out = new PointerByReference();
        OvStatus.check(OvNative.ov_compiled_model_get_property(pointer(), key, out), "read property " + key);
        return OpenVinoRuntime.takeString(out.getValue());
    }

    @Override
    void free(Pointer p) {
        OvNative.ov_compiled_model_free(p);
    }
}

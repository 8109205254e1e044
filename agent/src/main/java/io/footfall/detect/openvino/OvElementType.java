package io.footfall.detect.openvino;

/**
 * The {@code ov_element_type_e} values Footfall uses, with their C codes as OpenVINO 2025+ numbers
 * them (DYNAMIC = 0, after UNDEFINED was dropped; 2024 had both and every code one higher; earlier
 * releases lacked U2/U3/U6). {@link OpenVinoRuntime} checks the codes against the loaded library,
 * because a silent mismatch would feed pixels as another type.
 */
public enum OvElementType {
    F16(3, 2), F32(4, 4), U8(16, 1);

    final int code;
    final int bytes;

    OvElementType(int code, int bytes) {
        this.code = code;
        this.bytes = bytes;
    }

    static String nameOf(int code) {
        for (OvElementType t : values()) {
            if (t.code == code) {
                return t.name();
            }
        }
        return "element type #" + code;
    }
}

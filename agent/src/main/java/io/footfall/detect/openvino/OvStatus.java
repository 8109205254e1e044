package io.footfall.detect.openvino;

import com.sun.jna.Pointer;

/**
 * The {@code ov_status_e} codes every C API call returns, and the check that turns a failure into an
 * {@link OpenVinoException}. Stateless.
 */
enum OvStatus {
    OK(0), GENERAL_ERROR(-1), NOT_IMPLEMENTED(-2), NETWORK_NOT_LOADED(-3), PARAMETER_MISMATCH(-4),
    NOT_FOUND(-5), OUT_OF_BOUNDS(-6), UNEXPECTED(-7), REQUEST_BUSY(-8), RESULT_NOT_READY(-9),
    NOT_ALLOCATED(-10), INFER_NOT_STARTED(-11), NETWORK_NOT_READ(-12), INFER_CANCELLED(-13),
    INVALID_C_PARAM(-14), UNKNOWN_C_ERROR(-15), NOT_IMPLEMENT_C_METHOD(-16), UNKNOWN_EXCEPTION(-17);

    final int code;

    OvStatus(int code) {
        this.code = code;
    }

    static OvStatus of(int code) {
        for (OvStatus s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        return UNKNOWN_C_ERROR;
    }

    /** Throws when {@code code} is not OK; {@code action} says what was attempted, e.g. "read model x.xml". */
    static void check(int code, String action) {
        if (code != 0) {
            OvStatus status = of(code);
            throw new OpenVinoException(status, action, status.carriesMessage() ? lastErrorMessage() : "");
        }
    }

    /**
     * Whether the C wrapper stored a message for this status. It only does so when it caught a C++
     * exception; its own parameter checks (-14..-16) return without one, and the stored message is then
     * stale, from an earlier failure.
     */
    private boolean carriesMessage() {
        return code >= INFER_CANCELLED.code || this == UNKNOWN_EXCEPTION;
    }

    /**
     * The C API keeps one process-wide last message (not per thread), so under concurrent failures
     * this may describe another thread's error; the status name is always right.
     */
    private static String lastErrorMessage() {
        Pointer p = OvNative.ov_get_last_err_msg();
        if (p == null) {
            return "";
        }
        try {
            return p.getString(0).strip();
        } finally {
            OvNative.ov_free(p);
        }
    }
}

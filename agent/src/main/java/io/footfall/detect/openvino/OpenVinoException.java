package io.footfall.detect.openvino;

import io.footfall.detect.DetectionException;

/**
 * An OpenVINO C API call failed: carries the status name and OpenVINO's own message.
 */
public class OpenVinoException extends DetectionException {

    private final String status;

    OpenVinoException(OvStatus status, String action, String nativeMessage) {
        super("OpenVINO failed to " + action + ": " + status.name()
                + (nativeMessage.isEmpty() ? "" : ": " + nativeMessage));
        this.status = status.name();
    }

    /** The {@code ov_status_e} name, e.g. {@code GENERAL_ERROR}. */
    public String status() {
        return status;
    }
}

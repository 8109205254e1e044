package io.footfall.detect.openvino;

import io.footfall.detect.DetectionException;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * An OpenVINO C API call failed: carries the status name and OpenVINO's own message.
 */
public class OpenVinoException extends DetectionException {

    private final String status;
    private final String nativeMessage;

    OpenVinoException(OvStatus status, String action, String nativeMessage) {
        super(format(status.name(), action, conciseMessage(nativeMessage)));
        this.status = status.name();
        this.nativeMessage = conciseMessage(nativeMessage);
    }

    private static String format(String status, String action, String detail) {
        return "OpenVINO failed to " + action + ": " + status + (detail.isEmpty() ? "" : ": " + detail);
    }

    /** The {@code ov_status_e} name, e.g. {@code GENERAL_ERROR}. */
    public String status() {
        return status;
    }

    /** OpenVINO's explanation, without its source-location lines; may be empty. */
    public String nativeMessage() {
        return nativeMessage;
    }

    /** The status and OpenVINO's explanation, e.g. {@code GENERAL_ERROR: Incorrect weights in bin file!}. */
    public String reason() {
        return status + (nativeMessage.isEmpty() ? "" : ": " + nativeMessage);
    }

    /**
     * OpenVINO prefixes its messages with lines like {@code Exception from src/x.cpp:84:} and
     * {@code Check 'cond' failed at src/y.cpp:900:}; the words for a person come after them.
     */
    static String conciseMessage(String raw) {
        String kept = Arrays.stream(raw.split("\\R"))
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .filter(l -> !l.matches("(Exception from|Check '.*' failed at) \\S+:\\d+:?"))
                .collect(Collectors.joining("; "));
        return kept.isEmpty() ? raw.replaceAll("\\s+", " ").strip() : kept;
    }
}

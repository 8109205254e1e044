package io.footfall.detect;

/**
 * A detector cannot be set up from what the user gave: a model file that is missing, corrupt or does not
 * match its manifest, a model that does not run on the chosen runtime, a runtime not found where the user
 * pointed. The user can fix it (exit code 2); a failure while inferring stays a plain
 * {@link DetectionException} (exit code 1).
 */
public class DetectorSetupException extends DetectionException {
    public DetectorSetupException(String message) {
        super(message);
    }

    public DetectorSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}

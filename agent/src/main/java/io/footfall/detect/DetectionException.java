package io.footfall.detect;

/** A detector could not be set up or run: missing or corrupt model, runtime not found, bad output. */
public class DetectionException extends RuntimeException {
    public DetectionException(String message) {
        super(message);
    }

    public DetectionException(String message, Throwable cause) {
        super(message, cause);
    }
}

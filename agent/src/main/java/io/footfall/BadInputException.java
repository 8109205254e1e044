package io.footfall;

/** Input the user can fix (a file, a flag value, a config field): exit code 2, one clear line. */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}

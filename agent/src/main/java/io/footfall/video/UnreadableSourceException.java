package io.footfall.video;

import io.footfall.BadInputException;

/** A file, folder, URL or device that cannot be opened or decoded as video. */
public class UnreadableSourceException extends BadInputException {
    public UnreadableSourceException(String message) {
        super(message);
    }

    public UnreadableSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.footfall.config;

import io.footfall.BadInputException;

/** A configuration value that is missing, malformed or out of bounds; the message names the field. */
public class ConfigException extends BadInputException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}

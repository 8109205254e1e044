package io.footfall.agent;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.footfall.BadInputException;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Set;

/** Changes logback levels at run time (the {@code setLogLevel} direct method, the CLI's quiet SDKs). */
public final class LogLevels {
    private static final Set<String> LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

    private LogLevels() {
    }

    public static void set(String logger, String level) {
        String l = level == null ? "" : level.trim().toUpperCase(Locale.ROOT);
        if (!LEVELS.contains(l)) {
            throw new BadInputException("log level: expected one of " + LEVELS + ", got '" + level + "'");
        }
        String name = logger == null || logger.isBlank() ? org.slf4j.Logger.ROOT_LOGGER_NAME : logger.trim();
        if (!(LoggerFactory.getLogger(name) instanceof Logger lb)) {
            throw new IllegalStateException("logging is not logback; cannot change levels");
        }
        lb.setLevel(Level.toLevel(l));
    }
}

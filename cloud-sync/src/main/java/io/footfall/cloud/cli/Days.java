package io.footfall.cloud.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Day options ({@code --from}, {@code --to}). Stateless. */
final class Days {
    private Days() {
    }

    static LocalDate parse(String option, String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " '" + text + "': expected a day like 2026-11-25");
        }
    }
}

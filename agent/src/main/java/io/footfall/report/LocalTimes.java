package io.footfall.report;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * How the report names local times for a reader: the clock time alone, plus the UTC offset where the clock time
 * alone names two moments (the hour repeated when clocks go back: {@code 01:00 UTC-04:00} and
 * {@code 01:00 UTC-05:00}). Files always carry the offset (see {@link CsvRenderer}). Stateless.
 */
final class LocalTimes {
    /** {@code +01:00}, {@code -04:00}, and {@code +00:00} (not {@code Z}, which a reader may not know). */
    static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx");
    /** ISO-8601 with the offset, to the second: {@code 2026-11-25T09:41:07+01:00}. */
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private LocalTimes() {
    }

    /** Whether the clock shows this local time twice on its day. */
    static boolean ambiguous(ZonedDateTime t) {
        return t.getZone().getRules().getValidOffsets(t.toLocalDateTime()).size() > 1;
    }

    /** An hour's start, {@code 09:00}. */
    static String hour(ZonedDateTime start) {
        return HOUR.format(start) + offsetIfAmbiguous(start);
    }

    /** An hour from its start to an hour later, {@code 09:00-10:00}, both at the start's offset. */
    static String hourRange(ZonedDateTime start) {
        return HOUR.format(start) + "-" + HOUR.format(start.toOffsetDateTime().plusHours(1)) + offsetIfAmbiguous(start);
    }

    /** A moment, {@code 2026-11-25 09:41:07}. */
    static String dateTime(ZonedDateTime t) {
        return DATE_TIME.format(t) + offsetIfAmbiguous(t);
    }

    /** A moment for a file or a machine, {@code 2026-11-25T09:41:07+01:00}: never ambiguous, whatever the day. */
    static String iso(ZonedDateTime t) {
        return ISO.format(t);
    }

    private static String offsetIfAmbiguous(ZonedDateTime t) {
        return ambiguous(t) ? " UTC" + OFFSET.format(t) : "";
    }
}

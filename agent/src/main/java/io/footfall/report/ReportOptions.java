package io.footfall.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * How to cut the report: the time zone its hours and days are in (the store's), and an optional day range
 * (inclusive). Immutable.
 */
public record ReportOptions(ZoneId zone, Optional<LocalDate> from, Optional<LocalDate> to) {
    public ReportOptions {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw new io.footfall.BadInputException("--to " + to.get() + ": expected a day on or after --from " + from.get());
        }
    }

    public static ReportOptions utc() {
        return new ReportOptions(ZoneOffset.UTC, Optional.empty(), Optional.empty());
    }

    boolean includes(LocalDate day) {
        return from.map(f -> !day.isBefore(f)).orElse(true) && to.map(t -> !day.isAfter(t)).orElse(true);
    }
}

package io.footfall.cloud.load;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of a count file inside the counts container, as the edge uploader writes it:
 * {@code {store}/{device}/{yyyy}/{MM}/{dd}/{HH}/{camera}.jsonl}, late records in {@code {camera}.part{n}.jsonl}.
 * The hour is UTC. Immutable.
 */
public record CountBlobName(String name, String store, String device, LocalDateTime hour, String camera, int part) {
    private static final Pattern NAME = Pattern.compile(
            "([^/]+)/([^/]+)/(\\d{4})/(\\d{2})/(\\d{2})/(\\d{2})/([^/]+?)(?:\\.part(\\d+))?\\.jsonl");

    /** Parses a blob name; empty when the blob is not a count file (then the loader skips it and says so). */
    public static java.util.Optional<CountBlobName> parse(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return java.util.Optional.empty();
        }
        try {
            LocalDateTime hour = LocalDateTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)),
                    Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)), 0);
            int part = m.group(8) == null ? 1 : Integer.parseInt(m.group(8));
            return java.util.Optional.of(new CountBlobName(name, m.group(1), m.group(2), hour, m.group(7), part));
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    public LocalDate day() {
        return hour.toLocalDate();
    }
}

package io.footfall.config;

import java.time.Duration;

/**
 * Which annotated video to keep.
 *
 * @param mode  {@code off}; {@code continuous}: the whole run in one-minute files per camera; {@code events}: a
 *              short clip around each crossing (crossings close together share one, at most a minute a file)
 * @param pre   with {@code events}: seconds kept before the crossing
 * @param post  with {@code events}: seconds kept after the last crossing of the clip
 */
public record ClipPolicy(Mode mode, Duration pre, Duration post) {

    public enum Mode {
        OFF("off"), CONTINUOUS("continuous"), EVENTS("events");

        private final String id;

        Mode(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** The mode named {@code id} as on the command line; {@code option} names it in the error. */
        public static Mode parse(String option, String id) {
            for (Mode m : values()) {
                if (m.id.equals(id)) {
                    return m;
                }
            }
            throw new io.footfall.BadInputException(option + " must be off, continuous or events, got '" + id + "'");
        }
    }

    /** Clips around crossings: what a store needs to audit counts without filling the disk. */
    public static ClipPolicy defaults() {
        return new ClipPolicy(Mode.EVENTS, Duration.ofSeconds(3), Duration.ofSeconds(3));
    }
}

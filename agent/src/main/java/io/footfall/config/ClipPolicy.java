package io.footfall.config;

import java.time.Duration;

/**
 * Which annotated video to keep.
 *
 * @param mode  {@code off}; {@code continuous}: the whole run in one file per camera; {@code events}: a short
 *              clip around each crossing
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
    }

    /** Clips around crossings: what a store needs to audit counts without filling the disk. */
    public static ClipPolicy defaults() {
        return new ClipPolicy(Mode.EVENTS, Duration.ofSeconds(3), Duration.ofSeconds(3));
    }
}

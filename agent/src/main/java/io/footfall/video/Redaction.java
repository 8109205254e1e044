package io.footfall.video;

import java.util.regex.Pattern;

/** Removes credentials from source names before they reach a log or an error message. */
public final class Redaction {
    private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/@\\s]+@");

    private Redaction() {
    }

    /** {@code rtsp://user:secret@cam/stream} becomes {@code rtsp://***@cam/stream}. */
    public static String redact(String source) {
        return USER_INFO.matcher(source).replaceAll("***@");
    }
}

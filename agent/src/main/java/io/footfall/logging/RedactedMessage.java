package io.footfall.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.footfall.video.Redaction;

/**
 * Logback's {@code %msg} with every URL's credentials masked ({@link Redaction#text}): a last line of
 * defence, so a source string logged by mistake still shows no password. Control characters are escaped
 * ({@code \n}, {@code \r}, {@code \u001b}): a value from a config file or a twin patch (a camera source with a line
 * break, say) must not start a forged log line or move a terminal's cursor. Installed in {@code logback.xml}.
 */
public final class RedactedMessage extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return oneLine(super.convert(event));
    }

    /** {@code s} as a log line or a terminal may show it: credentials masked, control characters escaped. */
    public static String oneLine(String s) {
        return escapeControls(Redaction.text(s));
    }

    /** {@code s} with its control characters escaped, for one line of a log or a terminal. */
    public static String escapeControls(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = (c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
            if (control && out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (out != null) {
                if (!control) {
                    out.append(c);
                } else if (c == '\n') {
                    out.append("\\n");
                } else if (c == '\r') {
                    out.append("\\r");
                } else {
                    out.append(String.format("\\u%04x", (int) c));
                }
            }
        }
        return out == null ? s : out.toString();
    }
}

package io.footfall.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.footfall.video.Redaction;

/**
 * Logback's {@code %msg} with every URL's credentials masked ({@link Redaction#text}): a last line of
 * defence, so a source string logged by mistake still shows no password. Installed in {@code logback.xml}.
 */
public final class RedactedMessage extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return Redaction.text(super.convert(event));
    }
}

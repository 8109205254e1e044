package io.footfall.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import io.footfall.video.Redaction;

/** Logback's {@code %ex} with every URL's credentials masked, like {@link RedactedMessage}. */
public final class RedactedThrowable extends ThrowableProxyConverter {
    @Override
    protected String throwableProxyToString(IThrowableProxy tp) {
        return Redaction.text(super.throwableProxyToString(tp));
    }
}

package io.footfall.cloud.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.stream.Collectors;

/** Every log line of the process (all loggers, INFO and up, the Azure SDKs' included), with stack traces. */
public final class LogCapture implements AutoCloseable {
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    private final List<Logger> raised;
    private final List<Level> before;

    public LogCapture() {
        appender.start();
        root.addAppender(appender);
        raised = List.of((Logger) LoggerFactory.getLogger("com.microsoft.azure.sdk.iot"),
                (Logger) LoggerFactory.getLogger("com.azure"));
        before = raised.stream().map(Logger::getLevel).toList();
        raised.forEach(l -> l.setLevel(Level.INFO));
    }

    public String text() {
        return List.copyOf(appender.list).stream().map(e -> e.getLoggerName() + " " + e.getFormattedMessage()
                + throwable(e.getThrowableProxy())).collect(Collectors.joining("\n"));
    }

    private static String throwable(IThrowableProxy t) {
        StringBuilder b = new StringBuilder();
        for (IThrowableProxy p = t; p != null; p = p.getCause()) {
            b.append(" | ").append(p.getClassName()).append(": ").append(p.getMessage());
        }
        return b.toString();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        for (int i = 0; i < raised.size(); i++) {
            raised.get(i).setLevel(before.get(i));
        }
    }
}

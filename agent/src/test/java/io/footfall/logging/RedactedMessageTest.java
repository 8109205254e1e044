package io.footfall.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactedMessageTest {

    private static String converted(String format, Object... args) {
        LoggerContext context = new LoggerContext();
        LoggingEvent event = new LoggingEvent("test", context.getLogger("test"), Level.WARN, format, null, args);
        RedactedMessage converter = new RedactedMessage();
        converter.setContext(context);
        converter.start();
        return converter.convert(event);
    }

    @Test
    void aValueWithALineBreakCannotForgeALogLineNorMoveTheTerminal() {
        String source = "/tmp/cam\n2026-12-03T00:00:00.000Z ERROR Agent event=FORGED\r\u001b[2J\u2028end";
        String line = converted("event=source_failed source={} reason=\"{}\"", source, "gone");
        assertThat(line).doesNotContain("\n").doesNotContain("\r").doesNotContain("\u001b").doesNotContain("\u2028")
                .isEqualTo("event=source_failed source=/tmp/cam\\n2026-12-03T00:00:00.000Z ERROR Agent event=FORGED"
                        + "\\r\\u001b[2J\\u2028end reason=\"gone\"");
    }

    @Test
    void passwordsAreMaskedAndPlainMessagesAndTabsPassUnchanged() {
        assertThat(converted("opening {}", "rtsp://admin:hunter2@10.0.0.5/stream")).doesNotContain("hunter2");
        assertThat(converted("event=camera_done camera={}\tfps={}", "door", 25)).isEqualTo("event=camera_done camera=door\tfps=25");
    }
}

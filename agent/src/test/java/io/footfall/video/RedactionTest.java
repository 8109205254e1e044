package io.footfall.video;

import io.footfall.testing.PlantedSecrets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every known way a credential rides in a source string, masked in names, messages and exception chains. */
class RedactionTest {

    static Stream<Arguments> forms() {
        return PlantedSecrets.forms().map(p -> Arguments.of(p.at("cam.local"), p.secrets()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void theDisplayFormHasNoSecret(String source, List<String> secrets) {
        String shown = Redaction.source(source);
        secrets.forEach(s -> assertThat(shown).as(shown).doesNotContain(s));
        assertThat(shown).contains("cam.local");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void ffmpegMessagesQuotingTheSourceAreCleaned(String source, List<String> secrets) {
        String javacv = "avformat_open_input() error -111: Could not open input \"" + source
                + "\". (Has setFormat() been called?)";
        String clean = Redaction.message(javacv, source);
        secrets.forEach(s -> assertThat(clean).as(clean).doesNotContain(s));
        assertThat(clean).contains(Redaction.source(source));
        // Free text with no known source still loses the credentials of anything written as a URL.
        String text = Redaction.text(javacv);
        secrets.stream().filter(s -> source.contains("://")).forEach(s -> assertThat(text).as(text).doesNotContain(s));
    }

    @Test
    void theUsualFormKeepsHostAndPath() {
        assertThat(Redaction.source("rtsp://admin:s3cret@10.0.0.5/stream1")).isEqualTo("rtsp://***@10.0.0.5/stream1");
        assertThat(Redaction.source("rtsp://admin:p@ss@10.0.0.5/s")).isEqualTo("rtsp://***@10.0.0.5/s");
        assertThat(Redaction.source("rtsp://10.0.0.5/s?user=a&password=b&channel=1"))
                .isEqualTo("rtsp://10.0.0.5/s?user=***&password=***&channel=1");
        assertThat(Redaction.source("/media/aisle3.mp4")).isEqualTo("/media/aisle3.mp4");
        assertThat(Redaction.source("usb:0")).isEqualTo("usb:0");
        assertThat(Redaction.source("rtsp://cam/stream")).isEqualTo("rtsp://cam/stream");
        assertThat(Redaction.text("cannot open rtsp://cam/s?password=x: Connection refused. See http://a:b@h/x."))
                .isEqualTo("cannot open rtsp://cam/s?password=***: Connection refused. See http://***@h/x.");
    }

    @Test
    void connectionStringSecretsAreMaskedAfterAQuoteOrASpaceAndJsonPasswordsToo() {
        assertThat(Redaction.text("found \"AccountKey=AKSECRET3==\"")).isEqualTo("found \"AccountKey=***\"");
        assertThat(Redaction.text("pw=hunter2 SharedAccessKey=SAK4SECRET;x")).doesNotContain("SAK4SECRET");
        assertThat(Redaction.text("'AccountEndpoint=https://x.documents.azure.com:443/;AccountKey=AK3SECRET==;'"))
                .doesNotContain("AK3SECRET");
        assertThat(Redaction.text("found {\"url\":\"rtsp://h/s\",\"password\":\"PLAINSECRET\"}"))
                .doesNotContain("PLAINSECRET");
        assertThat(Redaction.text("sig: abc123 and token = t0k3n")).doesNotContain("abc123");
        // Structured log fields that merely contain such letters stay readable.
        assertThat(Redaction.text("event=shutdown signal=TERM design=x tokens=3"))
                .isEqualTo("event=shutdown signal=TERM design=x tokens=3");
    }

    @Test
    void decodedAndBase64FormsOfTheCredentialsAreCleanedToo() {
        String source = "http://admin:p%40ss@cam.local/x";
        String basic = java.util.Base64.getEncoder().encodeToString("admin:p@ss".getBytes());
        String msg = "request failed for p@ss with Authorization: Basic " + basic + " and header " + basic;
        String clean = Redaction.message(msg, source);
        assertThat(clean).doesNotContain("p@ss").doesNotContain(basic);
    }

    @Test
    void exceptionChainsAreCopiedWithCleanMessagesAndTheOriginalStackTrace() {
        String source = "rtsp://admin:ChainPw1@cam.local/s";
        Exception inner = new java.io.IOException("socket to " + source + " closed");
        RuntimeException outer = new IllegalStateException("open " + source + " failed", inner);
        Redaction.RedactedException copy = Redaction.exception(outer, source);
        StringWriter trace = new StringWriter();
        copy.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain("ChainPw1")
                .contains("java.lang.IllegalStateException: open rtsp://***@cam.local/s failed")
                .contains("Caused by: java.io.IOException: socket to rtsp://***@cam.local/s closed")
                .contains(RedactionTest.class.getName());
        assertThat(copy.getStackTrace()).isEqualTo(outer.getStackTrace());
    }
}

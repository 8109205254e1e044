package io.footfall.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpServer;
import io.footfall.testing.ChildFootfall;
import io.footfall.testing.LocalStreamServer;
import io.footfall.testing.PlantedSecrets;
import io.footfall.testing.SharedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plants camera credentials in every known form ({@link PlantedSecrets}) and greps everything Footfall writes
 * for them: stderr and stdout (with and without {@code --verbose}), every log event, and the data folder
 * ({@code run.json}, {@code events.jsonl}, {@code aggregates.jsonl}, the outbox file, clips). Against
 * unreachable sources (closed ports on 127.0.0.1) in-process, and against a reachable HTTP server that
 * demands the password, also in a child JVM so FFmpeg's native output is caught too.
 */
class SecretsNeverLeakTest {

    @TempDir
    Path tmp;

    private ListAppender<ILoggingEvent> logs;
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void captureLogs() {
        logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        root.detachAppender(logs);
    }

    /** Everything one in-process command printed or logged. */
    private record Outcome(int code, String printed) {
    }

    private Outcome inProcess(String... args) {
        PrintStream oldErr = System.err;
        PrintStream oldOut = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        StringWriter cliErr = new StringWriter();
        StringWriter cliOut = new StringWriter();
        int code;
        System.setErr(capture);
        System.setOut(capture);
        try {
            CommandLineRunner cl = new CommandLineRunner(cliErr, cliOut);
            code = cl.execute(args);
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
        }
        return new Outcome(code, bytes.toString(StandardCharsets.UTF_8) + cliErr + cliOut);
    }

    /** {@link FootfallCommand#newCommandLine()} with its streams captured. */
    private record CommandLineRunner(StringWriter err, StringWriter out) {
        int execute(String... args) {
            var cl = FootfallCommand.newCommandLine();
            cl.setErr(new PrintWriter(err, true));
            cl.setOut(new PrintWriter(out, true));
            return cl.execute(args);
        }
    }

    /** Every log event's message, arguments and exception chain, as logged (before any output-side masking). */
    private String loggedText() {
        StringBuilder sb = new StringBuilder();
        for (ILoggingEvent e : logs.list) {
            sb.append(e.getFormattedMessage()).append('\n');
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                sb.append(t.getClassName()).append(": ").append(t.getMessage()).append('\n');
            }
        }
        return sb.toString();
    }

    private static void assertNoSecret(String where, String text, List<String> secrets) {
        for (String s : secrets) {
            assertThat(text).as("%s holds the planted secret '%s':%n%s", where, s, text).doesNotContain(s);
        }
    }

    /** Every file under the data folder, read as bytes (the outbox is binary). */
    private static void assertNoSecretInFiles(Path dir, List<String> secrets) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertNoSecret(f.toString(), content, secrets);
            }
        }
    }

    @Test
    void unreachableSourcesInEveryFormLeakNothingWithOrWithoutVerbose() throws IOException {
        int closed = LocalStreamServer.freePort();
        int n = 0;
        for (PlantedSecrets.Planted p : PlantedSecrets.forms().toList()) {
            String source = p.at("127.0.0.1:" + closed);
            for (boolean verbose : new boolean[]{false, true}) {
                Path data = tmp.resolve("run" + n++);
                List<String> run = new ArrayList<>(List.of("run", "--source", source, "--line", "0.5,0,0.5,1",
                        "--clips", "off", "--data-dir", data.toString()));
                List<String> detect = new ArrayList<>(List.of("detect", "--source", source, "--out", data.resolve("d.jsonl").toString()));
                if (verbose) {
                    run.add("--verbose");
                    detect.add("--verbose");
                }
                for (List<String> args : List.of(run, detect)) {
                    logs.list.clear();
                    Outcome o = inProcess(args.toArray(String[]::new));
                    assertThat(o.code()).as("%s%n%s", args, o.printed()).isEqualTo(ExitCodes.BAD_INPUT);
                    assertThat(o.printed()).as(o.printed()).contains("127.0.0.1");
                    assertNoSecret("output of " + p + (verbose ? " --verbose" : ""), o.printed(), p.secrets());
                    assertNoSecret("logs of " + p, loggedText(), p.secrets());
                    if (verbose) {
                        assertThat(o.printed()).as("--verbose prints a stack trace").contains("\tat ");
                    }
                }
                assertNoSecretInFiles(data, p.secrets());
            }
        }
    }

    /**
     * A reachable HTTP server that demands the password (Basic authentication, which FFmpeg answers from the
     * URL's user-info): the run decodes, counts and writes all its files, and none of them holds a secret.
     * Run in a child JVM so FFmpeg's native stderr is part of what is searched.
     */
    @Test
    void aReachableSourceThatNeedsThePasswordLeaksItNowhere() throws Exception {
        Path clip = shortClip();
        String user = "admin";
        String password = "p@ssW0rd-Live";
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/cam/clip.mp4", exchange -> {
            byte[] body = Files.readAllBytes(clip);
            exchange.getResponseHeaders().add("Content-Type", "video/mp4");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        }).setAuthenticator(new BasicAuthenticator("camera") {
            @Override
            public boolean checkCredentials(String u, String pw) {
                return user.equals(u) && password.equals(pw);
            }
        });
        server.start();
        try {
            String source = "http://" + user + ":" + password + "@127.0.0.1:" + server.getAddress().getPort()
                    + "/cam/clip.mp4?token=TokSecret123&password=QuerySecret456";
            List<String> secrets = List.of(password, "ssW0rd-Live", "TokSecret123", "QuerySecret456");
            Path data = tmp.resolve("reachable");

            ChildFootfall.Result run = child("run", "--verbose", "--source", source, "--line", "0.5,0,0.5,1", "--zone", "0,0,1,0,1,1,0,1",
                    "--clips", "continuous", "--data-dir", data.toString());
            assertThat(run.code()).as(run.output()).isZero();
            assertThat(run.output()).as("frames were decoded from the server").contains("camera camera1: ");
            assertThat(Files.readString(data.resolve("run.json"))).contains("127.0.0.1").contains("***");
            assertNoSecret("run output (stdout+stderr, native included)", run.output(), secrets);
            assertNoSecretInFiles(data, secrets);
            assertThat(data.resolve("events.jsonl")).exists();
            assertThat(data.resolve("outbox.mv.db")).exists();

            ChildFootfall.Result detect = child("detect", "--verbose", "--source", source, "--max-frames", "10");
            assertThat(detect.code()).as(detect.output()).isZero();
            assertThat(detect.output()).contains("\"frame\":9");
            assertNoSecret("detect output", detect.output(), secrets);

            ChildFootfall.Result wrong = child("detect", "--verbose", "--source", source.replace(password, "Wr0ngPassword"), "--max-frames", "1");
            assertThat(wrong.code()).as(wrong.output()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(wrong.output()).contains("401");
            assertNoSecret("output with a wrong password", wrong.output(), List.of("Wr0ngPassword", "TokSecret123", "QuerySecret456"));
        } finally {
            server.stop(0);
        }
    }

    /** An unreachable RTSP camera in a child JVM: what FFmpeg prints natively is searched too. */
    @Test
    void nativeOutputOfAnUnreachableCameraLeaksNothing() throws Exception {
        int closed = LocalStreamServer.freePort();
        String source = "rtsp://admin:s3cretNative@127.0.0.1:" + closed + "/none?password=QueryNative1";
        ChildFootfall.Result run = child("run", "--verbose", "--source", source, "--line", "0.5,0,0.5,1", "--data-dir", tmp.resolve("d").toString());
        assertThat(run.code()).as(run.output()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.output()).contains("Connection refused").contains("rtsp://***@127.0.0.1:" + closed)
                .doesNotContain("Has setFormat() been called");
        assertNoSecret("child output", run.output(), List.of("s3cretNative", "QueryNative1"));
        assertNoSecretInFiles(tmp.resolve("d"), List.of("s3cretNative", "QueryNative1"));
    }

    private ChildFootfall.Result child(String... args) throws Exception {
        return ChildFootfall.run(tmp, args);
    }

    /** The first 40 frames of the sample clip, moov first so it streams over plain HTTP. */
    private Path shortClip() throws Exception {
        Path clip = SharedData.require(SharedData.ONE_BY_ONE);
        Path out = tmp.resolve("short.mp4");
        LocalStreamServer.requireFfmpeg();
        Process p = new ProcessBuilder("ffmpeg", "-nostdin", "-loglevel", "error", "-i", clip.toString(), "-frames:v", "40",
                "-c", "copy", "-movflags", "+faststart", out.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(log).isZero();
        return out;
    }
}

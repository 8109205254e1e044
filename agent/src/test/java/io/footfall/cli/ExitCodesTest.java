package io.footfall.cli;

import io.footfall.BadInputException;
import io.footfall.config.ConfigException;
import io.footfall.detect.DetectionException;
import io.footfall.detect.DetectorSetupException;
import io.footfall.detect.openvino.OpenVinoLibraryLocator;
import io.footfall.store.StoreWriteException;
import io.footfall.video.UnreadableSourceException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exit codes follow the type of the failure, decided where it is raised: 2 for what the user can fix,
 * 1 for failures while running and for internal errors (which also say so).
 */
class ExitCodesTest {

    @Test
    void userFixableFailuresAreTwo() {
        assertThat(ExitCodes.of(new BadInputException("x"))).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(ExitCodes.of(new ConfigException("x"))).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(ExitCodes.of(new UnreadableSourceException("x"))).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(ExitCodes.of(new DetectorSetupException("model file x does not exist"))).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void runtimeAndInternalFailuresAreOne() {
        assertThat(ExitCodes.of(new DetectionException("ONNX Runtime inference failed on frame 3"))).isEqualTo(ExitCodes.FAILURE);
        assertThat(ExitCodes.of(new IllegalArgumentException("ptsMillis went backwards"))).isEqualTo(ExitCodes.FAILURE);
        assertThat(ExitCodes.of(new IllegalStateException("closed"))).isEqualTo(ExitCodes.FAILURE);
        assertThat(ExitCodes.of(new IOException("disk"))).isEqualTo(ExitCodes.FAILURE);
        assertThat(ExitCodes.of(new StoreWriteException("no space", 41, new IOException("No space left on device")))).isEqualTo(ExitCodes.FAILURE);
    }

    /** A runtime error raised by the real locator: OpenVINO missing where the user pointed is theirs to fix. */
    @Test
    void theRealRaiseSitesCarryTheRightType() {
        Throwable t = catchFrom(() -> new OpenVinoLibraryLocator(Optional.of(Path.of("/nonexistent")), Map.of(), Path.of("/none"),
                Path.of("/none")).locate(lib -> { }));
        assertThat(ExitCodes.of(t)).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(ExitCodes.of(catchFrom(() -> io.footfall.model.ModelCatalog.bundled().get("resnet")))).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(ExitCodes.of(catchFrom(() -> io.footfall.detect.BackendKind.parse("tensorflow")))).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        final Exception toThrow;

        Boom(Exception toThrow) {
            this.toThrow = toThrow;
        }

        @Override
        public Integer call() throws Exception {
            throw toThrow;
        }
    }

    private static String[] handle(Exception e) {
        CommandLine cl = new CommandLine(new Boom(e));
        cl.setExecutionExceptionHandler(new ExitCodes.ExceptionHandler());
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute();
        return new String[]{Integer.toString(code), err.toString()};
    }

    @Test
    void anInternalErrorSaysSoAndExitsOne() {
        String[] r = handle(new IllegalArgumentException("track 3 has two boxes in frame 9"));
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[1]).startsWith("boom: internal error: IllegalArgumentException: track 3 has two boxes in frame 9");
        String[] inference = handle(new DetectionException("ONNX Runtime inference failed on frame 3: out of memory"));
        assertThat(inference[0]).isEqualTo("1");
        assertThat(inference[1]).isEqualTo("boom: ONNX Runtime inference failed on frame 3: out of memory" + System.lineSeparator());
    }

    @Test
    void aFileSystemFailureSaysWhyNotOnlyThePath() {
        String[] r = handle(new java.nio.file.FileSystemException("/mnt/ro/m.json", null, "Read-only file system"));
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[1]).isEqualTo("boom: /mnt/ro/m.json: read-only file system" + System.lineSeparator());
        assertThat(handle(new java.nio.file.AccessDeniedException("/data/x"))[1]).contains("/data/x: permission denied");
    }

    @Test
    void whatIsPrintedHasNoUrlCredentials() {
        String[] r = handle(new BadInputException("camera rtsp://admin:Pw9876@cam/s failed"));
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).contains("rtsp://***@cam/s").doesNotContain("Pw9876");
    }

    private static Throwable catchFrom(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("nothing thrown");
    }
}

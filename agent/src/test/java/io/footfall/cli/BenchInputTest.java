package io.footfall.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A bench given bad settings says so before it reads a frame or prints a line of its table. */
class BenchInputTest {

    private record Outcome(int code, String out, String err) {
    }

    private static Outcome run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true));
        System.setErr(new PrintStream(e, true));
        try {
            int code = FootfallCommand.newCommandLine().execute(args);
            return new Outcome(code, o.toString(), e.toString());
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void badDetectSettingsAreRefusedBeforeTheTable() {
        Outcome inFlight = run("bench", "detect", "--in-flight", "0");
        assertThat(inFlight.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(inFlight.err()).contains("in flight").contains("1..8");
        assertThat(inFlight.out()).isEmpty();

        Outcome model = run("bench", "detect", "--model", "no-such-model");
        assertThat(model.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(model.err()).contains("no-such-model").contains("person-detection-retail-0013");
        assertThat(model.out()).isEmpty();

        Outcome frames = run("bench", "detect", "--frames", "0");
        assertThat(frames.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(frames.err()).contains("--frames");
        assertThat(frames.out()).isEmpty();

        Outcome backend = run("bench", "detect", "--backend", "tpu");
        assertThat(backend.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(backend.err()).contains("tpu");
        assertThat(backend.out()).isEmpty();
    }

    @Test
    void badRunSettingsAreRefusedBeforeTheTable() {
        for (String[] args : new String[][] {
                {"--analysis-fps", "-1"}, {"--tiles", "0x0"}, {"--source", "/nonexistent/clip.mp4"}, {"--clips", "bogus"},
                {"--streams", "65"}}) {
            String[] all = new String[args.length + 6];
            all[0] = "bench";
            all[1] = "run";
            all[2] = "--streams";
            all[3] = "1";
            all[4] = "--frames";
            all[5] = "5";
            System.arraycopy(args, 0, all, 6, args.length);
            Outcome o = run(all);
            assertThat(o.code()).as(String.join(" ", args) + ": " + o.err()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(o.err()).as(String.join(" ", args)).contains(args[1]);
            assertThat(o.out()).as(String.join(" ", args)).isEmpty();
        }
    }

    /** A tab-completed --json once replaced the shared vtest.avi with the bench's JSON, after a whole bench run. */
    @Test
    void theJsonFileIsCheckedBeforeTheBenchAndNeverReplacesTheClipItPlays(@TempDir Path tmp) throws Exception {
        Path clip = Files.write(tmp.resolve("clip.avi"), new byte[]{1, 2, 3});
        Outcome overClip = run("bench", "run", "--source", clip.toString(), "--json", clip.toString());
        assertThat(overClip.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(overClip.err()).contains("--json " + clip + " is the same file as --source " + clip);
        assertThat(Files.readAllBytes(clip)).containsExactly(1, 2, 3);
        assertThat(overClip.out()).isEmpty();

        Outcome folder = run("bench", "run", "--source", clip.toString(), "--json", tmp.toString());
        assertThat(folder.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(folder.err()).contains("--json " + tmp + " is a directory");
        assertThat(folder.out()).isEmpty();
    }
}

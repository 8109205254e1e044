package io.footfall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.footfall.eval.GroundTruthFormat;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What --help and -V say is what the commands do. */
class HelpMatchesBehaviourTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = FootfallCommand.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void theVersionIsTheProjectsNotDev() {
        assertThat(run("-V")).isZero();
        assertThat(out.toString().strip()).matches("footfall \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void everyGroundTruthFormatTheHelpListsIsAcceptedAndEveryAcceptedOneIsListed() {
        assertThat(run("eval", "--help")).isZero();
        assertThat(out.toString()).contains("--gt-format=" + GroundTruthFormat.VALUES);
        for (String value : GroundTruthFormat.VALUES.split("\\|")) {
            GroundTruthFormat.parse(value); // throws for a listed value it does not accept
        }
        assertThat(Arrays.asList(GroundTruthFormat.VALUES.split("\\|")))
                .containsExactlyInAnyOrder("auto", "mot", "mot15", "mot16", "mot17", "mot20", "virat");
    }

    @Test
    void verboseIsAcceptedByTheCommandsThatRejectedIt() throws Exception {
        assertThat(run("config", "schema", "--verbose")).as("stderr: %s", err).isZero();
        Path config = Files.writeString(tmp.resolve("c.yaml"), "cameras: [{id: c1, source: usb:0}]\n");
        assertThat(run("config", "check", "--verbose", config.toString())).as("stderr: %s", err).isZero();
        err.getBuffer().setLength(0);
        assertThat(run("staff", "enroll", "--verbose", "--out", tmp.resolve("g.bin").toString(), "--key-file",
                tmp.resolve("missing.key").toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).doesNotContain("Unknown option").contains("--key-file");
    }
}

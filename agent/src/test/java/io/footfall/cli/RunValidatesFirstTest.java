package io.footfall.cli;

import io.footfall.testing.SharedData;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Everything a run is given is checked before anything is written: a bad command leaves no data folder behind. */
class RunValidatesFirstTest {

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "device with a path      | --device ../x                                  | device",
            "device with a slash     | --device a/b                                   | device",
            "camera id with a space  | --camera-id 'a b'                              | camera",
            "store id traversal      | --store-id ..                                  | store",
            "duplicate line names    | --line 0.2,0,0.2,1:door                        | used twice",
            "self-intersecting zone  | --zone 0,0,1,1,1,0,0,0.5:bow                   | self-intersecting",
    })
    void aBadRunIsRefusedWithExitTwoAndWritesNothing(String what, String extra, String message) throws Exception {
        Path data = tmp.resolve("data");
        List<String> args = new ArrayList<>(List.of("run", "--source", SharedData.require(SharedData.ONE_BY_ONE).toString(),
                "--line", "0.8,0,0.8,1:door", "--clips", "off", "--data-dir", data.toString()));
        args.addAll(Arrays.asList(extra.replace("'a b'", "a\u0000b").split(" ")));
        args.replaceAll(a -> a.replace('\u0000', ' '));
        StringWriter err = new StringWriter();
        var cl = FootfallCommand.newCommandLine();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args.toArray(String[]::new));
        assertThat(code).as(what + ": " + err).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains(message);
        assertThat(Files.exists(data)).as("no data folder after a refused run").isFalse();
    }
}

package io.footfall.pipeline;

import io.footfall.cli.FootfallCommand;
import io.footfall.testing.SharedData;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The restructuring of the cloud wave (one composition root, typed wire records, one config schema) changed no
 * count: events and aggregates of the one-by-one and vtest runs are byte-identical to those of the code before it
 * (test resources {@code baseline/}, see their README), except the {@code store} field it added and the
 * Cosmos-safe id separator ({@code :} for {@code /}).
 */
class RunOutputsUnchangedTest {
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]*)\"");

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"one-by-one, " + SharedData.ONE_BY_ONE, "vtest, " + SharedData.VTEST})
    void eventsAndAggregatesAreByteIdenticalToBefore(String name, String clip) throws Exception {
        Path data = tmp.resolve("data");
        int code = FootfallCommand.newCommandLine().execute("run", "--source", SharedData.require(clip).toString(),
                "--line", "0.8,0,0.8,1:door", "--line", "0.5,0,0.5,1:mid", "--zone", "0.1,0.1,0.6,0.1,0.6,0.9,0.1,0.9:room",
                "--start", "2026-11-25T09:00:00Z", "--clips", "off", "--device", "store-1", "--data-dir", data.toString());
        assertThat(code).isZero();
        for (String file : List.of(JsonLinesSink.EVENTS, JsonLinesSink.AGGREGATES)) {
            List<String> now = Files.readAllLines(data.resolve(file)).stream()
                    .map(l -> l.replace("\"store\":\"store-1\",", "")).toList();
            assertThat(now).as(name + " " + file).containsExactlyElementsOf(
                    baseline(name, file).stream().map(RunOutputsUnchangedTest::cosmosSafeId).toList());
        }
    }

    /** The baseline predates Cosmos-safe ids: the same id with {@code :} where it had {@code /}. */
    static String cosmosSafeId(String line) {
        Matcher m = ID.matcher(line);
        return m.find() ? line.substring(0, m.start(1)) + m.group(1).replace('/', ':') + line.substring(m.end(1)) : line;
    }

    private static List<String> baseline(String name, String file) throws Exception {
        try (InputStream in = RunOutputsUnchangedTest.class.getResourceAsStream("/baseline/" + name + "/" + file)) {
            assertThat(in).as("baseline " + name + "/" + file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}

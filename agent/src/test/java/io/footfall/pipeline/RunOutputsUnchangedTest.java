package io.footfall.pipeline;

import io.footfall.cli.FootfallCommand;
import io.footfall.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a run makes of a clip's detections does not change unnoticed: events and aggregates of the one-by-one and vtest
 * runs, counted from detections recorded once ({@code footfall detect}, test resources {@code baseline/}, see their
 * README) with {@code footfall run --detections}, are byte-identical to the committed ones. Replaying a recording keeps
 * the check about tracking, counting, aggregation and the wire format: the model's own output differs slightly between
 * CPU families, which made a comparison of model runs fail on one CI machine and pass on another.
 */
class RunOutputsUnchangedTest {
    static final List<String> SHAPES = List.of("--line", "0.8,0,0.8,1:door", "--line", "0.5,0,0.5,1:mid",
            "--zone", "0.1,0.1,0.6,0.1,0.6,0.9,0.1,0.9:room", "--start", "2026-11-25T09:00:00Z", "--clips", "off",
            "--device", "store-1");

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"one-by-one, " + SharedData.ONE_BY_ONE, "vtest, " + SharedData.VTEST})
    void eventsAndAggregatesAreByteIdenticalToTheBaseline(String name, String clip) throws Exception {
        Path data = tmp.resolve("data");
        assertThat(run(clip, recording(name), data)).isZero();
        for (String file : List.of(JsonLinesSink.EVENTS, JsonLinesSink.AGGREGATES)) {
            assertThat(Files.readAllLines(data.resolve(file))).as(name + " " + file)
                    .isNotEmpty()
                    .containsExactlyElementsOf(resource(name, file).lines().toList());
        }
    }

    @Test
    void aRecordingOfAnotherSourceStopsTheRunNamingTheFileAndFrame() throws Exception {
        // vtest has 795 frames, one-by-one 1394: frame 795 has no recorded detections.
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = run(SharedData.ONE_BY_ONE, recording("vtest"), tmp.resolve("data"), err);
        assertThat(code).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("vtest.detections.jsonl.gz has no detections for frame 795");
    }

    @Test
    void aMalformedOrMissingRecordingIsBadInputAndWritesNothing() throws Exception {
        Path bad = tmp.resolve("bad.jsonl");
        Files.writeString(bad, "{\"frame\":0,\"ptsMillis\":0,\"detections\":[]}\n{\"frame\":1,\"ptsMillis\":100,\"detections\":[{\"x\":1}]}\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(SharedData.ONE_BY_ONE, bad, tmp.resolve("a"), err)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--detections " + bad + " line 2: expected boxes");
        assertThat(tmp.resolve("a")).doesNotExist();

        err.reset();
        assertThat(run(SharedData.ONE_BY_ONE, tmp.resolve("none.jsonl"), tmp.resolve("b"), err)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("none.jsonl: file not found");
        assertThat(tmp.resolve("b")).doesNotExist();
    }

    private int run(String clip, Path detections, Path data) {
        return run(clip, detections, data, new ByteArrayOutputStream());
    }

    private static int run(String clip, Path detections, Path data, ByteArrayOutputStream err) {
        List<String> args = new ArrayList<>(List.of("run", "--source", SharedData.require(clip).toString(),
                "--detections", detections.toString(), "--data-dir", data.toString()));
        args.addAll(SHAPES);
        var cmd = FootfallCommand.newCommandLine();
        cmd.setErr(new java.io.PrintWriter(new PrintStream(err, true, StandardCharsets.UTF_8), true));
        return cmd.execute(args.toArray(String[]::new));
    }

    private Path recording(String name) throws Exception {
        Path file = tmp.resolve(name + ".detections.jsonl.gz");
        try (InputStream in = getClass().getResourceAsStream("/baseline/" + name + "/detections.jsonl.gz")) {
            assertThat(in).as("baseline " + name + "/detections.jsonl.gz").isNotNull();
            Files.copy(in, file);
        }
        return file;
    }

    private static String resource(String name, String file) throws Exception {
        try (InputStream in = RunOutputsUnchangedTest.class.getResourceAsStream("/baseline/" + name + "/" + file)) {
            assertThat(in).as("baseline " + name + "/" + file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

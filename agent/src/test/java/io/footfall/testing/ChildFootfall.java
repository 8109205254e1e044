package io.footfall.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code footfall} CLI in a fresh JVM with the test classpath, capturing stdout and stderr together,
 * FFmpeg's and OpenVINO's native output included (which an in-process test cannot see).
 */
public final class ChildFootfall {
    private ChildFootfall() {
    }

    /** Exit code and everything printed. */
    public record Result(int code, String output) {
    }

    public static Result run(Path scratch, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dfootfall.root=" + SharedData.projectRoot(),
                "io.footfall.cli.FootfallCommand"));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(scratch, "child", ".txt");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("footfall " + String.join(" ", args) + " did not finish: " + Files.readString(out));
        }
        return new Result(p.exitValue(), Files.readString(out));
    }
}

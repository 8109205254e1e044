package io.footfall.pipeline;

import io.footfall.cli.FootfallCommand;
import io.footfall.store.Outbox;
import io.footfall.store.OutboxConfig;
import io.footfall.store.OutboxRecord;
import io.footfall.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code footfall run} killed with SIGKILL mid-clip, then run again on the same data folder: nothing
 * stored before the kill is lost, and the new run continues with the next sequence, no gaps.
 */
class RunAfterCrashTest {

    @TempDir
    Path tmp;

    @Test
    void aRunAfterSigkillContinuesWithTheNextSequence() throws Exception {
        String clip = SharedData.require(SharedData.ONE_BY_ONE).toString();
        Path data = tmp.resolve("data");
        Path events = data.resolve(JsonLinesSink.EVENTS);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dfootfall.root=" + SharedData.projectRoot(), FootfallCommand.class.getName(),
                "run", "--source", clip, "--line", "0.8,0,0.8,1:door", "--zone", "0,0,1,0,1,1,0,1:room",
                "--clips", "off", "--device", "store-1", "--data-dir", data.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        // Kill once the second person has crossed: the outbox then holds crossings and zone events.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && crossings(events) < 2 && child.isAlive()) {
            Thread.sleep(100);
        }
        assertThat(child.isAlive()).as("child still running when killed; log: " + tmp.resolve("child.log")).isTrue();
        child.toHandle().destroyForcibly();
        child.waitFor(30, TimeUnit.SECONDS);
        assertThat(crossings(events)).isGreaterThanOrEqualTo(2);

        List<OutboxRecord> beforeRestart = all(data);
        assertThat(beforeRestart).isNotEmpty();
        long lastBefore = beforeRestart.get(beforeRestart.size() - 1).sequence();
        assertThat(beforeRestart.stream().filter(r -> r.kind().equals("crossing"))).hasSizeGreaterThanOrEqualTo(2);

        int code = FootfallCommand.newCommandLine().execute("run", "--source", SharedData.require(SharedData.TUD_CAMPUS).toString(),
                "--line", "0.5,0,0.5,1:mid", "--clips", "off", "--device", "store-1", "--data-dir", data.toString());
        assertThat(code).isZero();

        List<OutboxRecord> afterRestart = all(data);
        assertThat(afterRestart.subList(0, beforeRestart.size())).as("records stored before the kill").isEqualTo(beforeRestart);
        assertThat(afterRestart.size()).isGreaterThan(beforeRestart.size());
        assertThat(afterRestart.get(beforeRestart.size()).sequence()).isEqualTo(lastBefore + 1);
        for (int i = 0; i < afterRestart.size(); i++) {
            assertThat(afterRestart.get(i).sequence()).as("no gaps").isEqualTo(i + 1);
        }
    }

    private static long crossings(Path events) throws Exception {
        if (!Files.exists(events)) {
            return 0;
        }
        return Files.readAllLines(events).stream().filter(l -> l.contains("\"type\":\"crossing\"")).count();
    }

    private static List<OutboxRecord> all(Path data) {
        try (Outbox o = Outbox.open(OutboxConfig.readOnly(data))) {
            return new ArrayList<>(o.read(1, Long.MAX_VALUE, Integer.MAX_VALUE));
        }
    }
}

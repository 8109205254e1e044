package io.footfall.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.cli.FootfallCommand;
import io.footfall.json.Json;
import io.footfall.store.Outbox;
import io.footfall.store.OutboxConfig;
import io.footfall.store.OutboxRecord;
import io.footfall.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A source that fails mid-run (here a corrupt image in an image folder) is still a failure the run reports, but what
 * was counted up to it is closed as a stop would close it: the crossings stored have their aggregate, and the clip
 * finished on disk has its record (without one, the next start would remove it as unfinished).
 */
class SourceFailsMidRunTest {

    @TempDir
    Path tmp;

    @Test
    void aCorruptImageEndsTheRunWithItsAggregateAndItsClipRecorded() throws Exception {
        Path clip = SharedData.require(SharedData.ONE_BY_ONE);
        Path folder = Files.createDirectories(tmp.resolve("frames"));
        // Frames 120-260 of the one-by-one clip: a person walks through the door line in them.
        Process p = new ProcessBuilder("ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-i", clip.toString(),
                "-vf", "select=between(n\\,120\\,260)", "-vsync", "0", "-start_number", "120",
                folder.resolve("%05d.jpg").toString()).inheritIO().start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0).as("ffmpeg extracted the frames").isTrue();
        Files.writeString(folder.resolve("00255.jpg"), "garbage");

        Path data = tmp.resolve("data");
        int code = FootfallCommand.newCommandLine().execute("run", "--source", folder.toString(), "--line",
                "0.8,0,0.8,1:door", "--clips", "continuous", "--device", "store-1", "--start", "2026-11-25T09:00:00Z",
                "--data-dir", data.toString());
        assertThat(code).as("the corrupt image is reported").isEqualTo(2);

        List<OutboxRecord> all;
        try (Outbox o = Outbox.open(OutboxConfig.readOnly(data))) {
            all = o.read(1, Long.MAX_VALUE, Integer.MAX_VALUE);
        }
        long crossings = all.stream().filter(r -> r.kind().equals("crossing")).count();
        assertThat(crossings).as("a person crossed before the corrupt image").isPositive();
        long aggregatedIn = 0;
        for (OutboxRecord r : all) {
            if (r.kind().equals("aggregate")) {
                JsonNode lines = Json.mapper().readTree(r.payload()).get("lines");
                for (JsonNode l : lines) {
                    aggregatedIn += l.get("in").asLong() + l.get("out").asLong();
                }
            }
        }
        assertThat(aggregatedIn).as("the aggregates agree with the crossings stored").isEqualTo(crossings);
        List<OutboxRecord> clips = all.stream().filter(r -> r.kind().equals("clip")).toList();
        assertThat(clips).as("the finished clip is recorded").hasSize(1);
        Path mp4 = Path.of(Json.mapper().readTree(clips.get(0).payload()).get("file").asText());
        assertThat(mp4).exists();
    }
}

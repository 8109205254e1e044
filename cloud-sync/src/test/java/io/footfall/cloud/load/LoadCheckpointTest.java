package io.footfall.cloud.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checkpoint is appended to: a --checkpoint naming someone else's file is refused before the load touches it. */
class LoadCheckpointTest {
    private static final String TARGET = "https://cosmos/footfall/counts";

    @Test
    void aCheckpointWithATornLastLineOpensAndKeepsWhatItRecorded(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("cp.jsonl");
        LoadCheckpoint first = LoadCheckpoint.open(file, TARGET);
        first.markLoaded("s/d/2026/11/25/09/door.jsonl", "0x1", 12);
        first.markLoaded("s/d/2026/11/25/10/door.jsonl", "0x2", 3);

        LoadCheckpoint other = LoadCheckpoint.open(file, "https://cosmos/footfall/other");
        assertThat(other.size()).isZero();

        Files.writeString(file, "{\"target\": \"" + TARGET + "\", \"blo", StandardOpenOption.APPEND);
        LoadCheckpoint again = LoadCheckpoint.open(file, TARGET);
        assertThat(again.size()).isEqualTo(2);
        assertThat(again.isLoaded("s/d/2026/11/25/09/door.jsonl", "0x1")).isTrue();
        assertThat(again.isLoaded("s/d/2026/11/25/09/door.jsonl", "0x9")).isFalse();
    }

    @Test
    void aFileThatIsNotACheckpointIsRefusedAndLeftAsItWas(@TempDir Path tmp) throws Exception {
        String yaml = "deviceId: box-1\nstoreId: store-042\ncameras: []\n";
        Path config = Files.writeString(tmp.resolve("config.yaml"), yaml);
        assertThatThrownBy(() -> LoadCheckpoint.open(config, TARGET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--checkpoint " + config + ": line 1 is not a load checkpoint record");
        assertThat(Files.readString(config)).isEqualTo(yaml);

        Path note = Files.writeString(tmp.resolve("notes.txt"), "one line, no newline");
        assertThatThrownBy(() -> LoadCheckpoint.open(note, TARGET))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 1 is not a load checkpoint record");

        Path events = Files.writeString(tmp.resolve("events.jsonl"), "{\"schema\":1,\"type\":\"crossing\"}\n");
        assertThatThrownBy(() -> LoadCheckpoint.open(events, TARGET))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 1 is not a load checkpoint record");

        Path video = Files.write(tmp.resolve("clip.avi"), new byte[]{'R', 'I', 'F', 'F', (byte) 0xC3, (byte) 0x28, 0, 1});
        assertThatThrownBy(() -> LoadCheckpoint.open(video, TARGET))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("it is not text");
    }
}

package io.footfall.agent;

import io.footfall.store.Outbox;
import io.footfall.store.OutboxConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class UnrecordedClipsTest {
    @TempDir
    Path data;

    @Test
    void aClipLeftHalfWrittenByACrashIsRemovedAndRecordedClipsAndOtherFilesStay() throws Exception {
        Path clips = Files.createDirectories(data.resolve("clips"));
        Path recorded = Files.write(clips.resolve("door-20261203T090000.000Z.mp4"), new byte[4096]);
        Path halfWritten = Files.write(clips.resolve("door-20261203T090500.000Z.mp4"), new byte[1000]);
        Path notes = Files.writeString(clips.resolve("README.txt"), "kept");
        try (Outbox outbox = Outbox.open(OutboxConfig.builder(data, "dev").build())) {
            // Recorded under another spelling of the same folder: matched by name.
            outbox.appendClip("clip-1", Path.of("relative/clips").resolve(recorded.getFileName()), 4096,
                    "{}".getBytes(StandardCharsets.UTF_8));
            assertThat(UnrecordedClips.remove(outbox, clips)).containsExactly(halfWritten);
        }
        assertThat(recorded).exists();
        assertThat(notes).exists();
        assertThat(halfWritten).doesNotExist();
    }

    @Test
    void noClipsFolderIsNothingToDo() throws Exception {
        try (Outbox outbox = Outbox.open(OutboxConfig.builder(data, "dev").build())) {
            assertThat(UnrecordedClips.remove(outbox, data.resolve("clips"))).isEmpty();
        }
    }
}

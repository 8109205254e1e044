package io.footfall;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FootfallPathsTest {

    @Test
    void theMirrorIsTheSharedFolderNextToTheRootWhenPresent(@TempDir Path tmp) throws Exception {
        Path root = Files.createDirectories(tmp.resolve("checkout"));
        assertThat(FootfallPaths.from(Map.of(), root.toString()).mirror()).isEmpty();

        Path shared = Files.createDirectories(tmp.resolve("shared/data/models"));
        FootfallPaths paths = FootfallPaths.from(Map.of(), root.toString());
        assertThat(paths.mirror()).contains(shared.getParent());
        assertThat(paths.modelMirror()).contains(shared);
    }

    @Test
    void footfallMirrorDirOverridesTheMirror(@TempDir Path tmp) throws Exception {
        Path mirror = Files.createDirectories(tmp.resolve("mirror/videos"));
        Files.writeString(mirror.resolve("clip.mp4"), "not a video");
        FootfallPaths paths = FootfallPaths.from(Map.of("FOOTFALL_MIRROR_DIR", mirror.getParent().toString()),
                tmp.resolve("checkout").toString());
        assertThat(paths.mirror()).contains(mirror.getParent());
        assertThat(paths.modelMirror()).as("no models/ in this mirror").isEmpty();
        assertThat(paths.sampleClipMirror("clip.mp4")).contains(mirror.resolve("clip.mp4"));
        assertThat(paths.sampleClipMirror("other.mp4")).isEmpty();
    }
}

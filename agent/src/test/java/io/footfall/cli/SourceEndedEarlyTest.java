package io.footfall.cli;

import io.footfall.testing.ChildFootfall;
import io.footfall.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A truncated file is counted to where it breaks, and the run says so (a WARN log and a line in the run
 * summary, with the frame it stopped at), with no raw FFmpeg lines on stderr. In a child JVM, so native
 * output is seen.
 */
class SourceEndedEarlyTest {

    @TempDir
    Path tmp;

    @Test
    void aTruncatedFileIsReportedWithTheFrameItStoppedAt() throws Exception {
        Path clip = SharedData.require(SharedData.ONE_BY_ONE);
        byte[] all = Files.readAllBytes(clip);
        Path cut = Files.write(tmp.resolve("cut.mp4"), Arrays.copyOf(all, all.length / 20));
        ChildFootfall.Result r = ChildFootfall.run(tmp, "run", "--source", cut.toString(), "--line", "0.5,0,0.5,1",
                "--clips", "off", "--data-dir", tmp.resolve("data").toString());
        assertThat(r.code()).as(r.output()).isZero();
        assertThat(r.output()).containsPattern("WARN .*event=source_ended_early source=\\S*cut.mp4 frame=\\d+ expectedFrames=1394")
                .containsPattern("run: camera camera1: (\\d+) frames, .*source ended early at frame \\1 of 1394");
        assertThat(r.output().lines().filter(l -> l.matches("^\\[[\\w,.]+ @ 0x[0-9a-f]+].*")))
                .as("raw FFmpeg lines on stderr").isEmpty();
    }
}

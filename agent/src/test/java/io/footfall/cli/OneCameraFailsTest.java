package io.footfall.cli;

import io.footfall.job.RunRecord;
import io.footfall.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A store run where one camera cannot run: the exit code and the first line are that camera's failure, and the
 * cameras that ran still say what they counted and leave the run record eval scores them from.
 */
class OneCameraFailsTest {

    @TempDir
    Path tmp;

    @Test
    void theOtherCamerasSummaryAndRunRecordSurviveOneCamerasFailure() throws Exception {
        Path tud = SharedData.require(SharedData.TUD_CAMPUS);
        Path config = Files.writeString(tmp.resolve("store.yaml"), """
                device: box1
                clips: {mode: "off"}
                cameras:
                  - {id: campus, source: "%s", lines: [{name: mid, points: [[0.5, 0], [0.5, 1]]}]}
                  - {id: gone, source: "%s", lines: [{name: door, points: [[0.5, 0], [0.5, 1]]}]}
                """.formatted(tud, tmp.resolve("nonexistent.mp4")));
        Path data = tmp.resolve("data");

        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = FootfallCommand.execute("run", "--config", config.toString(), "--data-dir", data.toString());
        } finally {
            System.setErr(old);
        }
        String out = err.toString(StandardCharsets.UTF_8);
        assertThat(code).as(out).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(out).contains("nonexistent.mp4").contains("run: camera campus: 71 frames, line mid in=");
        assertThat(data.resolve(RunRecord.FILE)).as("the run record of the camera that ran").exists();
        RunRecord record = RunRecord.read(data);
        assertThat(record.camera("campus").frames()).isEqualTo(71);
        assertThatThrownBy(() -> record.camera("gone")).as("the failed camera ran nothing").hasMessageContaining("no camera 'gone'");
    }
}

package io.footfall.video;

import io.footfall.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourcesTest {

    @TempDir
    Path tmp;

    private static long count(FrameSource s) throws Exception {
        long n = 0;
        Frame f;
        long lastPts = -1;
        while ((f = s.next()) != null) {
            assertThat(f.index()).isEqualTo(n);
            assertThat(f.ptsMillis()).isGreaterThan(lastPts);
            lastPts = f.ptsMillis();
            n++;
        }
        return n;
    }

    @Test
    void mp4FrameCountTimestampsAndSize() throws Exception {
        try (FrameSource s = Sources.open(SharedData.require(SharedData.ONE_BY_ONE).toString())) {
            assertThat(s.info().width()).isEqualTo(768);
            assertThat(s.info().height()).isEqualTo(432);
            assertThat(count(s)).isEqualTo(1394);
        }
    }

    @Test
    void aviAndGif() throws Exception {
        try (FrameSource s = Sources.open(SharedData.require("videos/vtest.avi").toString())) {
            assertThat(s.info().width()).isEqualTo(768);
            assertThat(count(s)).isEqualTo(795);
        }
        try (FrameSource s = Sources.open(SharedData.require("videos/people-detection.gif").toString())) {
            assertThat(s.info().width()).isEqualTo(480);
            assertThat(count(s)).isEqualTo(23);
        }
    }

    @Test
    void motSequenceFolderWithItsVideo() throws Exception {
        try (FrameSource s = Sources.open(SharedData.require(SharedData.TUD_CAMPUS).toString())) {
            assertThat(s.info().width()).isEqualTo(640);
            assertThat(count(s)).isEqualTo(71);
        }
    }

    @Test
    void imageFolderInNameOrderAtTheSeqinfoFrameRate() throws Exception {
        Path seq = tmp.resolve("seq");
        Path img1 = Files.createDirectories(seq.resolve("img1"));
        // Write three frames of the TUD clip as JPEGs through OpenCV.
        try (FrameSource s = Sources.open(SharedData.require(SharedData.TUD_CAMPUS).toString())) {
            for (int i = 1; i <= 3; i++) {
                Frame f = s.next();
                try (var mat = new org.bytedeco.opencv.opencv_core.Mat(f.height(), f.width(),
                        org.bytedeco.opencv.global.opencv_core.CV_8UC3, new org.bytedeco.javacpp.BytePointer(f.bgr()), f.stride())) {
                    org.bytedeco.opencv.global.opencv_imgcodecs.imwrite(img1.resolve(String.format("%06d.jpg", i)).toString(), mat);
                }
            }
        }
        Files.writeString(seq.resolve("seqinfo.ini"), "[Sequence]\nname=x\nframeRate=10\n");
        try (FrameSource s = Sources.open(seq.toString())) {
            assertThat(s.info().fps()).isEqualTo(10);
            assertThat(s.next().ptsMillis()).isZero();
            assertThat(s.next().ptsMillis()).isEqualTo(100);
            assertThat(s.next().index()).isEqualTo(2);
            assertThat(s.next()).isNull();
        }
    }

    /**
     * A file cut short (a copy truncated to a tenth) still opens, since its index comes first, but decoding
     * stops early: the source says so with the frame it stopped at, and FFmpeg's own complaints arrive through
     * the logger rather than raw on stderr.
     */
    @Test
    void aTruncatedFileReportsWhereItEnded() throws Exception {
        Path clip = SharedData.require(SharedData.ONE_BY_ONE);
        Path cut = tmp.resolve("cut.mp4");
        byte[] all = Files.readAllBytes(clip);
        Files.write(cut, java.util.Arrays.copyOf(all, all.length / 10));
        var logs = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        logs.start();
        var root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        try (FrameSource s = Sources.open(cut.toString())) {
            long n = count(s);
            assertThat(s.info().frameCount()).isEqualTo(1394);
            assertThat(n).isBetween(1L, 1393L);
            assertThat(s.info().endedEarly(n)).isTrue();
            assertThat(s.next()).as("stays ended").isNull();
            var early = logs.list.stream().filter(e -> e.getFormattedMessage().startsWith("event=source_ended_early")).toList();
            assertThat(early).hasSize(1);
            assertThat(early.get(0).getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
            assertThat(early.get(0).getFormattedMessage()).contains("frame=" + n).contains("expectedFrames=1394").contains("cut.mp4");
        } finally {
            root.detachAppender(logs);
        }
    }

    @Test
    void completeFilesDoNotEndEarly() throws Exception {
        for (String clip : java.util.List.of(SharedData.ONE_BY_ONE, "videos/vtest.avi", "videos/people-detection.gif",
                "videos/store-aisle-detection.gif", "videos/face-demographics-walking.gif", SharedData.VIRAT_CLIP)) {
            try (FrameSource s = Sources.open(SharedData.require(clip).toString())) {
                long n = count(s);
                assertThat(s.info().endedEarly(n)).as("%s: %d frames decoded, %d stated", clip, n, s.info().frameCount()).isFalse();
            }
        }
    }

    @Test
    void unknownProtocolsAndMissingFilesAreClearAndShowNoPassword() {
        assertThatThrownBy(() -> Sources.open("srt://admin:Pw12345@cam:9000")).isInstanceOf(UnreadableSourceException.class)
                .hasMessageContaining("srt://***@cam:9000").hasMessageContaining("rtsp://").hasMessageNotContaining("Pw12345");
        assertThatThrownBy(() -> Sources.open("rtsp:/admin:Pw12345@cam/s")).isInstanceOf(UnreadableSourceException.class)
                .hasMessageContaining("does not exist").hasMessageNotContaining("Pw12345");
    }

    @Test
    void anEmptyFolderIsAClearError() {
        assertThatThrownBy(() -> Sources.open(tmp.toString())).isInstanceOf(UnreadableSourceException.class)
                .hasMessageContaining(tmp.toString());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"0", "-5", "NaN", "Infinity", "1e9"})
    void aSequenceWhoseFrameRateGivesNoTimeIsRefusedNamingTheFileAndTheValue(String rate) throws Exception {
        Path seq = Files.createDirectories(tmp.resolve("seq-" + rate));
        Files.writeString(seq.resolve("seqinfo.ini"), "[Sequence]\nframeRate=" + rate + "\n");
        assertThatThrownBy(() -> Sources.seqinfoFps(seq)).isInstanceOf(UnreadableSourceException.class)
                .hasMessageContaining("seqinfo.ini has frameRate " + rate).hasMessageContaining("more than 0");
        Files.writeString(seq.resolve("seqinfo.ini"), "[Sequence]\nframeRate=14\n");
        assertThat(Sources.seqinfoFps(seq)).isEqualTo(14.0);
    }
}

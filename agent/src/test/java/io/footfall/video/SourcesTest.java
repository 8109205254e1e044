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

    @Test
    void credentialsNeverAppearInNames() {
        assertThat(Redaction.redact("rtsp://admin:s3cret@10.0.0.5/stream1")).isEqualTo("rtsp://***@10.0.0.5/stream1");
    }

    @Test
    void anEmptyFolderIsAClearError() {
        assertThatThrownBy(() -> Sources.open(tmp.toString())).isInstanceOf(UnreadableSourceException.class)
                .hasMessageContaining(tmp.toString());
    }
}

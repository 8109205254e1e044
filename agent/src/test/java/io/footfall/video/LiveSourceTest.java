package io.footfall.video;

import io.footfall.testing.SharedData;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reconnects, driven by real FFmpeg decoding: a clip that ends stands for a camera stream that drops,
 * an input that fails to open for one that is still rebooting; the watcher hears of each outage once.
 */
class LiveSourceTest {

    @Test
    void aStreamThatEndsIsReopenedAndFramesCarryOn() throws Exception {
        String gif = SharedData.require("videos/people-detection.gif").toString(); // 23 frames
        List<Duration> waits = new ArrayList<>();
        try (LiveSource live = new LiveSource(() -> FFmpegSource.open(gif, null, Map.of(), true),
                Duration.ofSeconds(1), Duration.ofSeconds(30), waits::add)) {
            long lastPts = -1;
            for (int i = 0; i < 23 * 3; i++) {
                Frame f = live.next();
                assertThat(f).isNotNull();
                assertThat(f.index()).isEqualTo(i);
                assertThat(f.ptsMillis()).isGreaterThanOrEqualTo(lastPts);
                lastPts = f.ptsMillis();
            }
            assertThat(live.reconnects()).isEqualTo(2);
            assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
        }
    }

    @Test
    void failedReopensBackOffExponentiallyUpToTheCap() throws Exception {
        String gif = SharedData.require("videos/people-detection.gif").toString();
        AtomicInteger opens = new AtomicInteger();
        List<Duration> waits = new ArrayList<>();
        List<String> told = new ArrayList<>();
        // Opens 2..6 fail like a camera that is still booting, then it comes back.
        try (LiveSource live = new LiveSource(() -> {
            int n = opens.incrementAndGet();
            String input = n >= 2 && n <= 6 ? "/nonexistent/camera.mp4" : gif;
            return FFmpegSource.open(input, null, Map.of(), true);
        }, Duration.ofSeconds(1), Duration.ofSeconds(8), waits::add, watcher(told))) {
            for (int i = 0; i < 23; i++) {
                live.next();
            }
            assertThat(told).as("nothing yet: the stream has not dropped").isEmpty();
            Frame afterOutage = live.next();
            assertThat(afterOutage.index()).isEqualTo(23);
            assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                    Duration.ofSeconds(8), Duration.ofSeconds(8), Duration.ofSeconds(8));
            assertThat(live.reconnects()).isEqualTo(1);
            // One outage, however many reopens failed in it: down once, up when frames flowed again.
            assertThat(told).containsExactly("down: the stream ended", "up");
        }
    }

    private static SourceWatcher watcher(List<String> told) {
        return new SourceWatcher() {
            @Override
            public void down(String reason) {
                told.add("down: " + reason);
            }

            @Override
            public void up() {
                told.add("up");
            }
        };
    }
}

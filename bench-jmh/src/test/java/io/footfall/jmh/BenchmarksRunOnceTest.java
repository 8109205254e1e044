package io.footfall.jmh;

import io.footfall.count.LineCrossing;
import io.footfall.count.ZoneEntered;
import io.footfall.count.CountEvent;
import io.footfall.detect.Detection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every benchmark's setup and one invocation, so the benchmarks cannot rot unnoticed between runs of
 * bench/jmh.sh, and checks their inputs are the scenes their Javadoc promises (a benchmark of an empty frame would
 * measure nothing). Takes well under a second.
 */
class BenchmarksRunOnceTest {
    private final Blackhole bh = new Blackhole(
            "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

    @Test
    void ssdDecodeFindsThePeopleAboveTheThreshold() {
        SsdDecodeBenchmark b = new SsdDecodeBenchmark();
        b.setUp();
        b.decode(bh);
        assertThat(b.decodeOnce()).hasSize(SsdDecodeBenchmark.PEOPLE);
    }

    @Test
    void yoloxDecodeFoldsEachPersonsCandidatesIntoAboutOneBox() {
        YoloxDecodeBenchmark b = new YoloxDecodeBenchmark();
        b.setUp();
        b.decode(bh);
        List<Detection> found = b.decodeOnce();
        long confident = found.stream().filter(d -> d.score() >= 0.5f).count();
        assertThat(confident).isBetween((long) YoloxDecodeBenchmark.PEOPLE - 3, (long) YoloxDecodeBenchmark.PEOPLE + 3);
    }

    @Test
    void trackerFollowsTheWholeCrowd() {
        ByteTrackerBenchmark b = new ByteTrackerBenchmark();
        b.setUp();
        b.update(bh);
        assertThat(b.step().objects()).hasSizeGreaterThanOrEqualTo(ByteTrackerBenchmark.PEOPLE * 9 / 10);
    }

    @Test
    void analyticsSeesCrossingsAndZoneEntriesWithinOneLoop() {
        CameraAnalyticsBenchmark b = new CameraAnalyticsBenchmark();
        b.setUp();
        b.accept(bh);
        List<CountEvent> events = new ArrayList<>();
        for (int f = 0; f < Crowd.PERIOD; f++) {
            events.addAll(b.step());
        }
        assertThat(events).hasAtLeastOneElementOfType(LineCrossing.class).hasAtLeastOneElementOfType(ZoneEntered.class);
    }

    @Test
    void pointInPolygonRuns() {
        PointInPolygonBenchmark b = new PointInPolygonBenchmark();
        b.setUp();
        b.containsAll(bh);
    }

    @Test
    void outboxAppendsUnderBothPoliciesAndLeavesNoFiles() throws Exception {
        for (String policy : List.of("always", "batch:1000:1000")) {
            OutboxAppendBenchmark b = new OutboxAppendBenchmark();
            b.commitPolicy = policy;
            b.encodeRecords();
            b.openOutbox();
            b.append(bh);
            b.closeOutbox();
            b.removeDirectory();
            assertThat(b.directory()).doesNotExist();
        }
    }
}

package io.footfall.count;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordIdsTest {
    private static final long NINE = Instant.parse("2026-11-25T09:00:00Z").toEpochMilli();

    @Test
    void everyShapeIsACosmosDocumentIdAsIs() {
        List<String> ids = List.of(
                RecordIds.event("store-1", "door.cam_2", "crossing", "door", 7, NINE + 1234),
                RecordIds.aggregate("store-1", "door.cam_2", 60_000, NINE, NINE),
                RecordIds.aggregate("store-1", "door.cam_2", 3_600_000, NINE, NINE + 1500),
                RecordIds.clip("store-1", "door.cam_2", "20261125T090000Z-event-t7"));
        assertThat(ids).containsExactly(
                "store-1:door.cam_2:crossing:door:t7:1795597201234",
                "store-1:door.cam_2:interval-60s:2026-11-25T09:00:00Z",
                "store-1:door.cam_2:interval-3600s:2026-11-25T09:00:00Z:from-2026-11-25T09:00:01.500Z",
                "store-1:door.cam_2:clip:20261125T090000Z-event-t7");
        assertThat(ids).allSatisfy(id -> assertThat(id).doesNotContainAnyWhitespaces()
                .doesNotContain("/").doesNotContain("\\").doesNotContain("?").doesNotContain("#"));
    }

    @Test
    void aPartThatWouldBreakTheDocumentIdIsRefusedWithItsName() {
        for (String bad : List.of("a/b", "a\\b", "a?b", "a#b", "")) {
            assertThatThrownBy(() -> RecordIds.clip("store-1", "cam", bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'").hasMessageContaining("without / \\ ? #");
        }
    }

    @Test
    void aCamerasRecordsAreKnownInTheCurrentAndTheLegacyShape() {
        assertThat(RecordIds.belongsTo("dev:cam:crossing:door:t1:5", "dev", "cam")).isTrue();
        assertThat(RecordIds.belongsTo("dev/cam/crossing/door/t1/5", "dev", "cam")).isTrue();
        assertThat(RecordIds.belongsTo("dev:cam2:crossing:door:t1:5", "dev", "cam")).isFalse();
        assertThat(RecordIds.belongsTo("dev:camera:crossing", "dev", "cam")).isFalse();
    }
}

package io.footfall.detect;

import io.footfall.BadInputException;
import io.footfall.geometry.Box;
import io.footfall.geometry.Point;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tiles cover the frame edge to edge at one size; merging keeps people apart and joins what seams cut. */
class TilingTest {

    @Test
    void twoByTwoWithOverlapCoversAVIRATFrameWithEqualTiles() {
        List<Tiling.Tile> tiles = Tiling.parse("2x2,0.2").tilesFor(1280, 720);
        assertThat(tiles).hasSize(4);
        assertThat(tiles).allSatisfy(t -> {
            assertThat(t.width()).isEqualTo(712);
            assertThat(t.height()).isEqualTo(400);
        });
        assertThat(tiles.get(0).x()).isZero();
        assertThat(tiles.get(3).right()).isEqualTo(1280);
        assertThat(tiles.get(3).bottom()).isEqualTo(720);
        // neighbours share about a fifth of a tile
        assertThat(tiles.get(0).right() - tiles.get(1).x()).isBetween(130, 150);
    }

    @Test
    void badTilingNamesWhatWasExpected() {
        assertThatThrownBy(() -> Tiling.parse("1x1")).isInstanceOf(BadInputException.class).hasMessageContaining("1x1");
        assertThatThrownBy(() -> Tiling.parse("2x2,0.9")).isInstanceOf(BadInputException.class).hasMessageContaining("0..0.5");
        assertThatThrownBy(() -> Tiling.parse("two")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("COLUMNSxROWS");
        assertThatThrownBy(() -> InputSize.parse("1000x640")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("multiple of 32");
    }

    private static Detection person(double x, double y, double w, double h, float score) {
        return new Detection(new Box(x, y, w, h), score, "person");
    }

    @Test
    void aBoxCutByASeamIsAbsorbedByTheWholeOneButTwoUncutPeopleStay() {
        var whole = new TiledDetector.Found(person(100, 100, 40, 100, 0.9f), false);
        var cut = new TiledDetector.Found(person(100, 100, 25, 100, 0.8f), true);
        var childInFront = new TiledDetector.Found(person(110, 150, 20, 50, 0.7f), false);
        assertThat(TiledDetector.merge(List.of(cut, whole, childInFront)))
                .extracting(Detection::score).containsExactly(0.9f, 0.7f);
    }

    @Test
    void twoHalvesCutByTheSameSeamBecomeOnePerson() {
        var left = new TiledDetector.Found(person(100, 100, 30, 100, 0.6f), true);
        var right = new TiledDetector.Found(person(110, 100, 30, 100, 0.7f), true);
        List<Detection> merged = TiledDetector.merge(List.of(left, right));
        assertThat(merged).hasSize(1);
        assertThat(merged.get(0).box()).isEqualTo(new Box(100, 100, 40, 100));
    }

    @Test
    void maskKeepsPeopleStandingInTheRegionOfInterestAndDropsTheIgnoredOnes() {
        var floor = new DetectionMask.Region("floor", List.of(new Point(0, 0.5), new Point(1, 0.5), new Point(1, 1), new Point(0, 1)));
        var poster = new DetectionMask.Region("poster", List.of(new Point(0.8, 0.5), new Point(1, 0.5), new Point(1, 1), new Point(0.8, 1)));
        DetectionMask mask = new DetectionMask(List.of(floor), List.of(poster));
        FrameDetections found = new FrameDetections(0, 0, 100, 100, List.of(
                person(10, 40, 10, 30, 0.9f),   // feet at y 0.7: on the floor
                person(10, 5, 10, 30, 0.8f),    // feet at y 0.35: above the floor region
                person(85, 50, 10, 30, 0.7f))); // feet inside the poster
        assertThat(mask.apply(found).detections()).extracting(Detection::score).containsExactly(0.9f);
        assertThat(DetectionMask.NONE.apply(found)).isSameAs(found);
    }
}

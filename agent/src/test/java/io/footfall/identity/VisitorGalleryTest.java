package io.footfall.identity;

import io.footfall.track.Embedding;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.footfall.identity.VisitorGallery.Visit.CONTINUED;
import static io.footfall.identity.VisitorGallery.Visit.NEW;
import static io.footfall.identity.VisitorGallery.Visit.RETURNING;
import static org.assertj.core.api.Assertions.assertThat;

class VisitorGalleryTest {
    private static final long NINE = Instant.parse("2026-11-25T09:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000;
    private static final Embedding ANNA = Embedding.of(new float[]{1, 0, 0});
    private static final Embedding ANNA_AGAIN = Embedding.of(new float[]{1, 0.2f, 0});
    private static final Embedding BEN = Embedding.of(new float[]{0, 1, 0});

    private final VisitorGallery gallery = new VisitorGallery(0.1, Duration.ofHours(4), Duration.ofSeconds(30));

    @Test
    void aNewFaceIsANewVisitorAndTheSameOneBackAfterAnAbsenceIsAReturn() {
        assertThat(gallery.observe(ANNA, NINE, NINE + MINUTE)).isEqualTo(NEW);
        assertThat(gallery.observe(BEN, NINE, NINE + MINUTE)).isEqualTo(NEW);
        assertThat(gallery.observe(ANNA_AGAIN, NINE + 30 * MINUTE, NINE + 31 * MINUTE)).isEqualTo(RETURNING);
        assertThat(gallery.size()).isEqualTo(2);
    }

    @Test
    void aTrackBrokenByAShortOcclusionIsTheSameVisitNotAReturn() {
        assertThat(gallery.observe(ANNA, NINE, NINE + MINUTE)).isEqualTo(NEW);
        assertThat(gallery.observe(ANNA_AGAIN, NINE + MINUTE + 5_000, NINE + 2 * MINUTE)).isEqualTo(CONTINUED);
    }

    @Test
    void theGalleryForgetsAfterItsWindowAndAtTheEndOfTheDay() {
        assertThat(gallery.observe(ANNA, NINE, NINE + MINUTE)).isEqualTo(NEW);
        assertThat(gallery.observe(ANNA, NINE + 5 * 60 * MINUTE, NINE + 5 * 60 * MINUTE + 1)).as("after 4 h").isEqualTo(NEW);
        long lateEvening = Instant.parse("2026-11-25T23:50:00Z").toEpochMilli();
        assertThat(gallery.observe(BEN, lateEvening, lateEvening + 1)).isEqualTo(NEW);
        long nextDay = Instant.parse("2026-11-26T00:10:00Z").toEpochMilli();
        assertThat(gallery.observe(BEN, nextDay, nextDay + 1)).as("embeddings never outlive the day").isEqualTo(NEW);
        assertThat(gallery.size()).isEqualTo(1);
    }
}

package io.footfall.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link ConfigHistory}: versions, durability, and that retention never touches them. */
class ConfigHistoryTest {
    @TempDir
    Path dir;

    private OutboxConfig config() {
        return OutboxConfig.of(dir, "dev-1");
    }

    @Test
    void configHistoryKeepsVersionsAcrossReopen() {
        try (Outbox o = Outbox.open(config())) {
            assertThat(o.configHistory().latest()).isEmpty();
            assertThat(o.configHistory().save("a: 1".getBytes(StandardCharsets.UTF_8))).isEqualTo(1);
            assertThat(o.configHistory().save("a: 2".getBytes(StandardCharsets.UTF_8))).isEqualTo(2);
        }
        try (Outbox o = Outbox.open(config())) {
            assertThat(o.configHistory().all()).extracting(ConfigVersion::version).containsExactly(1L, 2L);
            assertThat(new String(o.configHistory().latest().orElseThrow().document(), StandardCharsets.UTF_8))
                    .isEqualTo("a: 2");
        }
    }


    @Test
    void retentionNeverEvictsConfigAndSavedDocumentsAreCopies() {
        byte[] doc = "a: 1".getBytes(StandardCharsets.UTF_8);
        try (Outbox o = Outbox.open(config().toBuilder().quotaBytes(4 * 1024).build())) {
            o.configHistory().save(doc);
            doc[0] = 'X'; // the caller's array changes after saving
            for (int i = 1; i <= 200; i++) {
                o.append("crossing", Payloads.id(i), Payloads.crossing(i));
            }
            assertThat(o.enforceRetention().droppedTotal()).isPositive();
            assertThat(new String(o.configHistory().latest().orElseThrow().document(), StandardCharsets.UTF_8))
                    .isEqualTo("a: 1");
            assertThat(o.stats().configVersions()).isEqualTo(1);
        }
    }

    @Test
    void readOnlyOutboxCannotSave() {
        Outbox.open(config()).close();
        try (Outbox o = Outbox.open(OutboxConfig.readOnly(dir))) {
            assertThatThrownBy(() -> o.configHistory().save(new byte[] {1})).isInstanceOf(StoreException.class)
                    .hasMessageContaining("read-only");
            assertThat(o.configHistory().all()).isEmpty();
        }
    }
}

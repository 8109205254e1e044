package io.footfall.identity;

import io.footfall.BadInputException;
import io.footfall.track.Embedding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StaffGalleryTest {
    @TempDir
    Path dir;

    private static String newKey() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return Base64.getEncoder().encodeToString(k);
    }

    @Test
    void anEnrolledPersonIsStaffOthersAreNotAndTheFileHoldsNoReadableVector() throws Exception {
        Embedding anna = Embedding.of(new float[]{1, 0, 0, 0});
        Embedding ben = Embedding.of(new float[]{0, 1, 0, 0});
        String key = newKey();
        Path file = dir.resolve("staff.bin");
        StaffGallery.write(file, List.of(anna), StaffGallery.key(key, "test"));

        StaffGallery g = StaffGallery.read(file, StaffGallery.key(key, "test"), 0.15);
        assertThat(g.size()).isEqualTo(1);
        assertThat(g.isStaff(Embedding.of(new float[]{1, 0.2f, 0, 0}))).isTrue();
        assertThat(g.isStaff(ben)).isFalse();
        // Encrypted: the plain floats (1.0f = 3F 80 00 00) are nowhere in the file.
        byte[] bytes = Files.readAllBytes(file);
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("\u003F\u0080\u0000\u0000");
    }

    @Test
    void aWrongKeyATamperedFileOrABadKeyIsAClearErrorNamingTheFileNeverTheKey() throws Exception {
        String key = newKey();
        Path file = dir.resolve("staff.bin");
        StaffGallery.write(file, List.of(Embedding.of(new float[]{1, 0})), StaffGallery.key(key, "test"));
        String other = newKey();
        assertThatThrownBy(() -> StaffGallery.read(file, StaffGallery.key(other, "test"), 0.15))
                .isInstanceOf(BadInputException.class).hasMessageContaining(file.toString())
                .hasMessageContaining("wrong key or a damaged file").hasMessageNotContaining(other);

        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 3] ^= 1;
        Files.write(file, bytes);
        assertThatThrownBy(() -> StaffGallery.read(file, StaffGallery.key(key, "test"), 0.15))
                .hasMessageContaining("authentication failed");

        Files.writeString(dir.resolve("notes.txt"), "hello");
        assertThatThrownBy(() -> StaffGallery.read(dir.resolve("notes.txt"), StaffGallery.key(key, "test"), 0.15))
                .hasMessageContaining("not a Footfall staff gallery");
        assertThatThrownBy(() -> StaffGallery.key(null, "FOOTFALL_STAFF_KEY")).hasMessageContaining("openssl rand -base64 32");
        assertThatThrownBy(() -> StaffGallery.key("c2hvcnQ=", "FOOTFALL_STAFF_KEY")).hasMessageContaining("expected 32 bytes");
        assertThatThrownBy(() -> StaffGallery.key("not base64 !!", "FOOTFALL_STAFF_KEY")).hasMessageContaining("base64");
    }
}

package io.footfall.identity;

import io.footfall.BadInputException;
import io.footfall.track.Embedding;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The staff a store enrolled (with their consent), as appearance embeddings: a person whose track looks like one of
 * them within {@code distance} is counted as staff. Kept on the device only, in a file encrypted with AES-256-GCM
 * under a key the store holds ({@code FOOTFALL_STAFF_KEY}, 32 bytes base64), so a copied file alone reveals nothing
 * and a tampered one is refused. Immutable; thread-safe.
 */
public final class StaffGallery {
    public static final String KEY_ENV = "FOOTFALL_STAFF_KEY";
    private static final byte[] MAGIC = "FFSTAFF1".getBytes(StandardCharsets.US_ASCII);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final List<Embedding> staff;
    private final double distance;

    public StaffGallery(List<Embedding> staff, double distance) {
        if (staff.isEmpty()) {
            throw new BadInputException("staff gallery: expected at least one enrolled person");
        }
        this.staff = List.copyOf(staff);
        this.distance = distance;
    }

    /** Whether {@code look} is one of the enrolled staff. */
    public boolean isStaff(Embedding look) {
        for (Embedding e : staff) {
            if (e.distance(look) <= distance) {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return staff.size();
    }

    /** The key from its base64 text (the value of {@link #KEY_ENV}); names what is wrong, never the key. */
    public static byte[] key(String base64, String from) {
        if (base64 == null || base64.isBlank()) {
            throw new BadInputException("staff gallery key: " + from + " is not set; make one with 'openssl rand -base64 32' "
                    + "and keep it where the agent runs");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new BadInputException("staff gallery key in " + from + ": expected base64 text");
        }
        if (key.length != 32) {
            throw new BadInputException("staff gallery key in " + from + ": expected 32 bytes (AES-256), got " + key.length);
        }
        return key;
    }

    /** Writes {@code staff} to {@code file}, encrypted under {@code key}; atomically (a crash leaves the old file). */
    public static void write(Path file, List<Embedding> staff, byte[] key) {
        try {
            ByteArrayOutputStream plain = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(plain);
            out.writeInt(staff.size());
            out.writeInt(staff.isEmpty() ? 0 : staff.get(0).dimensions());
            for (Embedding e : staff) {
                for (float f : e.toArray()) {
                    out.writeFloat(f);
                }
            }
            byte[] iv = new byte[IV_BYTES];
            new SecureRandom().nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            c.updateAAD(MAGIC);
            byte[] sealed = c.doFinal(plain.toByteArray());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.write(MAGIC);
            all.write(iv);
            all.write(sealed);
            Files.write(tmp, all.toByteArray());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("staff gallery " + file + ": cannot write", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("staff gallery: AES-GCM unavailable in this JVM", e);
        }
    }

    /** Reads an enrolled gallery; a wrong key, a damaged or foreign file is a clear error naming the file. */
    public static StaffGallery read(Path file, byte[] key, double distance) {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BadInputException("staff gallery " + file + ": cannot read (" + e.getClass().getSimpleName() + ")");
        }
        if (all.length < MAGIC.length + IV_BYTES + TAG_BITS / 8 || !Arrays.equals(Arrays.copyOf(all, MAGIC.length), MAGIC)) {
            throw new BadInputException("staff gallery " + file + ": not a Footfall staff gallery (made by 'footfall staff enroll')");
        }
        byte[] plain;
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(TAG_BITS, all, MAGIC.length, IV_BYTES));
            c.updateAAD(MAGIC);
            plain = c.doFinal(all, MAGIC.length + IV_BYTES, all.length - MAGIC.length - IV_BYTES);
        } catch (AEADBadTagException e) {
            throw new BadInputException("staff gallery " + file + ": wrong key or a damaged file (authentication failed)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("staff gallery: AES-GCM unavailable in this JVM", e);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain))) {
            int n = in.readInt();
            int dims = in.readInt();
            List<Embedding> staff = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                float[] v = new float[dims];
                for (int d = 0; d < dims; d++) {
                    v[d] = in.readFloat();
                }
                staff.add(Embedding.of(v));
            }
            return new StaffGallery(staff, distance);
        } catch (IOException e) {
            throw new BadInputException("staff gallery " + file + ": damaged contents");
        }
    }
}

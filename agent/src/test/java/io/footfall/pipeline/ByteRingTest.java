package io.footfall.pipeline;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Records of any size go round one native buffer and come back byte for byte, in order, whatever wraps or grows. */
class ByteRingTest {

    @Test
    void recordsComeBackInOrderThroughWrapsAndGrowth() {
        Random random = new Random(7);
        Deque<byte[]> expected = new ArrayDeque<>();
        try (ByteRing<Integer> ring = new ByteRing<>()) {
            long mostHeld = 0;
            for (int i = 0; i < 5_000; i++) {
                // Sizes swing from tiny to large, like JPEGs of a quiet and a busy scene.
                byte[] record = new byte[1 + random.nextInt(i % 500 < 250 ? 20_000 : 120_000)];
                random.nextBytes(record);
                ByteBuffer src = ByteBuffer.wrap(record);
                ring.add(i, src);
                assertThat(src.position()).as("the source is read, not consumed").isZero();
                expected.addLast(record);
                while (ring.size() > 30 + random.nextInt(20)) {
                    ring.removeOldest();
                    expected.removeFirst();
                }
                mostHeld = Math.max(mostHeld, ring.bytes());
                if (i % 97 == 0) {
                    assertSame(ring, expected);
                }
            }
            assertSame(ring, expected);
            long held = expected.stream().mapToLong(r -> r.length).sum();
            assertThat(ring.bytes()).isEqualTo(held);
            assertThat((long) ring.capacity()).as("the most ever held (%d bytes), with room to wrap, not all that went through",
                    mostHeld).isLessThanOrEqualTo(mostHeld * 2);
        }
    }

    @Test
    void aRecordLargerThanTheBufferGrowsItAndKeepsTheOthers() {
        try (ByteRing<String> ring = new ByteRing<>()) {
            ring.add("small", ByteBuffer.wrap(new byte[]{1, 2, 3}));
            byte[] big = new byte[1_000_000];
            big[999_999] = 9;
            ring.add("big", ByteBuffer.wrap(big));
            List<String> names = new ArrayList<>();
            List<Integer> lengths = new ArrayList<>();
            ring.forEach((name, bytes) -> {
                names.add(name);
                lengths.add(bytes.remaining());
            });
            assertThat(names).containsExactly("small", "big");
            assertThat(lengths).containsExactly(3, 1_000_000);
            assertThat(ring.capacity()).isGreaterThanOrEqualTo(1_000_003);
            ring.forEach((name, bytes) -> assertThat(bytes.get(bytes.limit() - 1)).isEqualTo(name.equals("big") ? (byte) 9 : 3));
        }
    }

    @Test
    void clearKeepsTheBufferAndCloseFreesIt() {
        ByteRing<Integer> ring = new ByteRing<>();
        ring.add(1, ByteBuffer.wrap(new byte[100]));
        int capacity = ring.capacity();
        ring.clear();
        assertThat(ring.size()).isZero();
        assertThat(ring.bytes()).isZero();
        assertThat(ring.oldest()).isNull();
        assertThat(ring.capacity()).isEqualTo(capacity);
        ring.close();
        assertThat(ring.capacity()).isZero();
        ring.add(2, ByteBuffer.wrap(new byte[]{42}));
        ring.forEach((i, bytes) -> assertThat(bytes.get(0)).isEqualTo((byte) 42));
        ring.close();
    }

    private static void assertSame(ByteRing<Integer> ring, Deque<byte[]> expected) {
        List<byte[]> found = new ArrayList<>();
        ring.forEach((i, bytes) -> {
            byte[] copy = new byte[bytes.remaining()];
            bytes.duplicate().get(copy);
            found.add(copy);
        });
        assertThat(found).containsExactlyElementsOf(expected);
    }
}

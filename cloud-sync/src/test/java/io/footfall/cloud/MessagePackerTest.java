package io.footfall.cloud;

import io.footfall.cloud.hub.Telemetry;
import io.footfall.cloud.telemetry.MessagePacker;
import io.footfall.config.SyncSettings;
import io.footfall.store.OutboxRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Packing records into messages: order, size limit, outputs, skipped kinds, deterministic ids. */
class MessagePackerTest {

    private static OutboxRecord record(long seq, String kind, int bytes) {
        String head = "{\"id\":\"r" + seq + "\",\"type\":\"" + kind + "\",\"camera\":\"c\",\"pad\":\"";
        String pad = "x".repeat(Math.max(0, bytes - head.length() - 2));
        return new OutboxRecord(seq, kind, "r" + seq, seq, (head + pad + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyRecordInExactlyOneMessageInOrderWithinTheLimitAndSkippedKindsOnlyMoveTheAck() {
        List<OutboxRecord> in = new ArrayList<>();
        long seq = 0;
        for (int i = 0; i < 40; i++) {
            in.add(record(++seq, "crossing", 300));
            if (i % 10 == 9) {
                in.add(record(++seq, "aggregate", 500));
                in.add(record(++seq, "clip", 200));
            }
        }
        MessagePacker packer = new MessagePacker(SyncSettings.IotHub.defaults(), "s");
        List<MessagePacker.Packed> packed = packer.pack(in);

        List<String> ids = new ArrayList<>();
        long lastAck = 0;
        for (MessagePacker.Packed p : packed) {
            assertThat(p.ackUpTo()).isGreaterThan(lastAck);
            lastAck = p.ackUpTo();
            p.message().ifPresent(m -> {
                assertThat(m.body().length).isLessThanOrEqualTo(4096);
                assertThat(m.output()).hasValue(m.properties().get("kind").equals("aggregate") ? "counts" : "events");
            });
            ids.addAll(p.recordIds());
        }
        assertThat(lastAck).isEqualTo(seq);
        assertThat(ids).containsExactlyElementsOf(in.stream().filter(r -> !r.kind().equals("clip")).map(OutboxRecord::id)
                .toList());
        // The same records give the same message ids, whoever packs them again (a re-send after a failure).
        assertThat(packer.pack(in).stream().map(p -> p.message().map(m -> m.messageId()).orElse("-")).toList())
                .isEqualTo(packed.stream().map(p -> p.message().map(m -> m.messageId()).orElse("-")).toList());
    }

    @Test
    void aRecordLargerThanTheMessageSizeGoesAlone() {
        MessagePacker packer = new MessagePacker(SyncSettings.IotHub.defaults(), "s");
        List<MessagePacker.Packed> packed = packer.pack(List.of(record(1, "crossing", 100), record(2, "crossing", 9000),
                record(3, "crossing", 100)));
        assertThat(packed).extracting(p -> p.recordIds().size()).containsExactly(1, 1, 1);
        assertThat(packed.get(1).message().orElseThrow().messageId()).isEqualTo("r2");
    }

    @Test
    void aRecordNoMessageCanHoldIsPassedOverAndReportedButOneThatFitsAloneStillGoes() {
        MessagePacker packer = new MessagePacker(SyncSettings.IotHub.defaults(), "s");
        List<MessagePacker.Packed> packed = packer.pack(List.of(record(1, "crossing", 100),
                record(2, "aggregate", 300 * 1024), record(3, "crossing", 100), record(4, "crossing", 200 * 1024)));

        assertThat(packed.stream().flatMap(p -> p.recordIds().stream())).containsExactly("r1", "r3", "r4");
        assertThat(packed.stream().flatMap(p -> p.tooLarge().stream()))
                .containsExactly(new MessagePacker.TooLarge("r2", 2, 300 * 1024));
        MessagePacker.Packed withTooLarge = packed.stream().filter(p -> !p.tooLarge().isEmpty()).findFirst().orElseThrow();
        assertThat(withTooLarge.ackUpTo()).as("its ack moves past the record").isGreaterThanOrEqualTo(2);
        assertThat(packed.get(packed.size() - 1).ackUpTo()).isEqualTo(4);
        assertThat(packed.stream().flatMap(p -> p.message().stream()))
                .allSatisfy(m -> assertThat(m.size()).isLessThanOrEqualTo(Telemetry.MAX_BYTES));
        assertThat(packer.sendableBytes(List.of(record(2, "aggregate", 300 * 1024)))).isZero();

        // Alone at the head of a batch, it becomes an acknowledgement with nothing to send.
        List<MessagePacker.Packed> alone = packer.pack(List.of(record(7, "crossing", 257 * 1024)));
        assertThat(alone).singleElement().satisfies(p -> {
            assertThat(p.message()).isEmpty();
            assertThat(p.ackUpTo()).isEqualTo(7);
            assertThat(p.tooLarge()).extracting(MessagePacker.TooLarge::id).containsExactly("r7");
        });
    }
}

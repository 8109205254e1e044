package io.footfall.cloud.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.footfall.cloud.hub.Telemetry;
import io.footfall.config.SyncSettings;
import io.footfall.store.OutboxRecord;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Packs outbox records, in sequence order, into IoT Hub messages: consecutive records bound for the same output
 * ({@code counts} for aggregates, {@code events} for crossings and zone events) share a message while it stays
 * within the size limit. The body is a JSON array of the records' wire JSON, unchanged; the message id is the
 * record id for one record and a digest of the record ids for several, so a re-sent message has the same id.
 * Records of kinds not sent (clip references) only move the acknowledgement forward. So does a record that could not
 * go even alone (over IoT Hub's 256 KB): the hub would refuse it for good and everything after it would wait behind
 * it; it is reported in {@link Packed#tooLarge} for the caller to log (count files in Blob storage still carry it).
 * Pure; thread-safe.
 */
public final class MessagePacker {
    static final String PROPERTY_SCHEMA = "schema";
    static final String PROPERTY_KIND = "kind";
    static final String PROPERTY_CAMERA = "camera";
    static final String PROPERTY_STORE = "store";
    static final String PROPERTY_RECORDS = "records";
    static final String MIXED = "mixed";
    /** Room left under IoT Hub's 256 KB for system properties and the topic. */
    private static final int HEADROOM = 2048;
    /** The largest body a message may have, whatever maxMessageKb says. */
    static final int MAX_BODY = Telemetry.MAX_BYTES - HEADROOM;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SyncSettings.IotHub settings;
    private final String storeId;
    private final int maxBytes;

    public MessagePacker(SyncSettings.IotHub settings, String storeId) {
        this.settings = settings;
        this.storeId = storeId;
        this.maxBytes = Math.min(settings.maxMessageKb() * 1024, MAX_BODY);
    }

    /**
     * One message to send, or none ({@code message} empty) when the records up to {@code ackUpTo} are all of kinds
     * that are not sent.
     *
     * @param tooLarge records up to {@code ackUpTo} passed over because no message could hold them
     */
    public record Packed(Optional<Telemetry> message, List<String> recordIds, long ackUpTo, List<TooLarge> tooLarge) {
        public Packed {
            tooLarge = List.copyOf(tooLarge);
        }
    }

    /** A record over the size of any message: its id, sequence and payload size. */
    public record TooLarge(String id, long sequence, int bytes) {
    }

    /** Every record of {@code records} in exactly one Packed, in order. */
    public List<Packed> pack(List<OutboxRecord> records) {
        List<Packed> out = new ArrayList<>();
        List<OutboxRecord> current = new ArrayList<>();
        String currentOutput = null;
        int bytes = 2;
        long lastSkipped = -1;
        List<TooLarge> tooLarge = new ArrayList<>(); // reported with the Packed whose ack covers them
        for (OutboxRecord r : records) {
            if (!sendable(r)) {
                if (settings.kinds().contains(r.kind())) {
                    tooLarge.add(new TooLarge(r.id(), r.sequence(), r.payload().length));
                }
                if (current.isEmpty()) {
                    lastSkipped = r.sequence();
                } else {
                    out.add(build(current, currentOutput, r.sequence(), take(tooLarge)));
                    current = new ArrayList<>();
                    bytes = 2;
                    lastSkipped = -1;
                }
                continue;
            }
            String output = outputOf(r.kind());
            int size = r.payload().length + 1;
            if (!current.isEmpty() && (!output.equals(currentOutput) || bytes + size > maxBytes)) {
                out.add(build(current, currentOutput, current.get(current.size() - 1).sequence(), List.of()));
                current = new ArrayList<>();
                bytes = 2;
            }
            if (current.isEmpty() && lastSkipped >= 0) {
                out.add(new Packed(Optional.empty(), List.of(), lastSkipped, take(tooLarge)));
                lastSkipped = -1;
            }
            current.add(r);
            currentOutput = output;
            bytes += size;
        }
        if (!current.isEmpty()) {
            out.add(build(current, currentOutput, current.get(current.size() - 1).sequence(), List.of()));
        } else if (lastSkipped >= 0) {
            out.add(new Packed(Optional.empty(), List.of(), lastSkipped, take(tooLarge)));
        }
        return out;
    }

    /** Of a kind that is sent, and small enough to go in a message of its own. */
    private boolean sendable(OutboxRecord r) {
        return settings.kinds().contains(r.kind()) && r.payload().length + 2 <= MAX_BODY;
    }

    private static List<TooLarge> take(List<TooLarge> pending) {
        List<TooLarge> taken = List.copyOf(pending);
        pending.clear();
        return taken;
    }

    /** Payload bytes of the records that would be sent (to decide whether a full message is waiting). */
    public int sendableBytes(List<OutboxRecord> records) {
        int n = 0;
        for (OutboxRecord r : records) {
            if (sendable(r)) {
                n += r.payload().length + 1;
            }
        }
        return n;
    }

    public int maxBytes() {
        return maxBytes;
    }

    String outputOf(String kind) {
        return "aggregate".equals(kind) ? settings.countsOutput() : settings.eventsOutput();
    }

    private Packed build(List<OutboxRecord> records, String output, long ackUpTo, List<TooLarge> tooLarge) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write('[');
        Set<String> kinds = new LinkedHashSet<>();
        Set<String> cameras = new LinkedHashSet<>();
        Set<String> schemas = new LinkedHashSet<>();
        Set<String> stores = new LinkedHashSet<>();
        List<String> ids = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            OutboxRecord r = records.get(i);
            if (i > 0) {
                body.write(',');
            }
            body.writeBytes(r.payload());
            ids.add(r.id());
            kinds.add(r.kind());
            JsonNode n = parse(r);
            cameras.add(n.path("camera").asText(""));
            schemas.add(n.path("schema").asText("1"));
            stores.add(n.path("store").asText(storeId));
        }
        body.write(']');
        Map<String, String> props = new LinkedHashMap<>();
        props.put(PROPERTY_SCHEMA, one(schemas));
        props.put(PROPERTY_KIND, one(kinds));
        props.put(PROPERTY_CAMERA, one(cameras));
        props.put(PROPERTY_STORE, one(stores));
        props.put(PROPERTY_RECORDS, Integer.toString(records.size()));
        String messageId = records.size() == 1 ? records.get(0).id() : batchId(ids);
        Telemetry t = new Telemetry(messageId, Optional.of(output), body.toByteArray(), props,
                Instant.ofEpochMilli(records.get(0).createdMillis()));
        return new Packed(Optional.of(t), List.copyOf(ids), ackUpTo, tooLarge);
    }

    private static String one(Set<String> values) {
        return values.size() == 1 ? values.iterator().next() : MIXED;
    }

    private static JsonNode parse(OutboxRecord r) {
        try {
            return JSON.readTree(r.payload());
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    /** A deterministic id for a batch: the same records give the same id, whoever packs them. */
    static String batchId(List<String> ids) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String id : ids) {
                sha.update(id.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return "batch-" + HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}

package io.footfall.schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;

/**
 * The wire form of every record Footfall emits: the one schema that the JSON-lines files, the outbox, IoT Hub
 * telemetry, the count files in Blob storage and the Cosmos DB documents all share. One record type per kind,
 * told apart by {@code type}; field names are stable; {@link #SCHEMA_VERSION} says which version of these shapes
 * a record has. Encode and decode only through {@link WireCodec}.
 *
 * <p>Every record has a deterministic {@link #id()} ({@code device:camera:kind:...}, shaped by
 * {@link io.footfall.count.RecordIds}): sending it twice is idempotent downstream. It is also the Cosmos DB document
 * id as is (the Data Factory copy cannot rewrite it), so it never holds {@code / \ ? #}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = CrossingRecord.class, name = CrossingRecord.TYPE),
        @JsonSubTypes.Type(value = CrossingCancelledRecord.class, name = CrossingCancelledRecord.TYPE),
        @JsonSubTypes.Type(value = ZoneEnterRecord.class, name = ZoneEnterRecord.TYPE),
        @JsonSubTypes.Type(value = ZoneExitRecord.class, name = ZoneExitRecord.TYPE),
        @JsonSubTypes.Type(value = AggregateRecord.class, name = AggregateRecord.TYPE),
        @JsonSubTypes.Type(value = ClipRecord.class, name = ClipRecord.TYPE),
        @JsonSubTypes.Type(value = CameraStateRecord.class, name = CameraStateRecord.TYPE),
})
public sealed interface WireRecord
        permits CrossingRecord, CrossingCancelledRecord, ZoneEnterRecord, ZoneExitRecord, AggregateRecord, ClipRecord,
        CameraStateRecord {

    /** Version of the record shapes; bump on any incompatible change and keep readers of the old one. */
    int SCHEMA_VERSION = 1;

    int schema();

    String id();

    /** The kind: {@code crossing}, {@code crossing-cancelled}, {@code zone-enter}, {@code zone-exit}, {@code aggregate}, {@code clip}, {@code camera-state}. */
    String type();

    /** The store (site) the device belongs to: the partition the cloud side groups by. */
    String store();

    String device();

    String camera();

    /** ISO-8601 instant the record is about (an aggregate's interval start, a clip's first frame). */
    String at();

    @JsonIgnore
    default Instant atInstant() {
        return Instant.parse(at());
    }

    /** Events and aggregates are counts; clips and camera states are not. */
    @JsonIgnore
    default boolean isCount() {
        return !(this instanceof ClipRecord) && !(this instanceof CameraStateRecord);
    }
}

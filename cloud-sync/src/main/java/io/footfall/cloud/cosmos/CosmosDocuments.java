package io.footfall.cloud.cosmos;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.footfall.BadInputException;
import io.footfall.json.Json;
import io.footfall.schema.WireCodec;
import io.footfall.schema.WireRecord;

import java.util.Map;

/**
 * Converts between wire records and Cosmos DB documents as {@link DocumentSchema} describes them: the document is
 * the wire record (read through the schema type, so an unknown or mistyped property is an error) with {@code id}
 * made Cosmos-safe, the original kept as {@code recordId}, and the partition key and store added.
 *
 * <p>Thread-safe (the mapper is only read after construction).
 */
public final class CosmosDocuments {
    private final DocumentSchema schema;
    private final ObjectMapper mapper = Json.mapper();

    public CosmosDocuments(DocumentSchema schema) {
        this.schema = schema;
    }

    public static CosmosDocuments wire() {
        return new CosmosDocuments(DocumentSchema.wire());
    }

    public DocumentSchema schema() {
        return schema;
    }

    /**
     * Parses one line of a count file.
     *
     * @param source names the input in the error message (blob name and line number)
     * @throws BadInputException the line is not a wire record
     */
    public WireRecord parseLine(String line, String source) {
        WireRecord record;
        try {
            record = WireCodec.decode(line);
        } catch (WireCodec.WireFormatException e) {
            throw new BadInputException(source + ": " + e.getMessage());
        }
        if (record.id() == null || record.id().isEmpty() || record.at() == null) {
            throw new BadInputException(source + ": expected a wire record with 'id' and 'at'");
        }
        return record;
    }

    /** The document for {@code record}; {@code store} is used when the record does not name its store. */
    public ObjectNode toDocument(WireRecord record, String store) {
        ObjectNode wire = (ObjectNode) readTree(WireCodec.encode(record));
        String storeId = wire.hasNonNull(DocumentSchema.STORE) ? wire.get(DocumentSchema.STORE).asText() : store;
        ObjectNode doc = mapper.createObjectNode();
        for (Map.Entry<String, String> e : schema.documentSources().entrySet()) {
            String target = e.getKey();
            String source = e.getValue();
            if (source == null) {
                switch (target) {
                    case DocumentSchema.ID -> doc.put(target, CosmosIds.encode(wire.get(DocumentSchema.ID).asText()));
                    case DocumentSchema.PARTITION_KEY ->
                            doc.put(target, PartitionKeys.of(storeId, recordTime(wire)));
                    case DocumentSchema.STORE -> doc.put(target, storeId);
                    default -> throw new IllegalStateException("no rule computes document property " + target);
                }
            } else if (wire.hasNonNull(source)) {
                doc.set(target, wire.get(source));
            }
        }
        return doc;
    }

    /** The time a record is filed under ({@code at}; an aggregate's {@code at} is its interval start). */
    static String recordTime(JsonNode wire) {
        return wire.path(DocumentSchema.TIME).asText(null);
    }

    private JsonNode readTree(byte[] json) {
        try {
            return mapper.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the wire codec wrote unreadable JSON", e);
        }
    }

    /** The wire record a document holds (Cosmos's own {@code _rid, _ts, ...} and the added fields dropped). */
    public WireRecord toWire(JsonNode document) {
        ObjectNode wire = mapper.createObjectNode();
        for (Map.Entry<String, String> e : schema.documentSources().entrySet()) {
            if (e.getValue() != null && document.hasNonNull(e.getKey())) {
                wire.set(e.getValue(), document.get(e.getKey()));
            }
        }
        try {
            return WireCodec.decode(mapper.writeValueAsBytes(wire));
        } catch (JsonProcessingException | WireCodec.WireFormatException e) {
            throw new BadInputException("Cosmos document " + document.path(DocumentSchema.ID).asText()
                    + ": not a wire record: " + e.getMessage());
        }
    }

    /** The store a document belongs to. */
    public static String storeOf(JsonNode document) {
        return document.path(DocumentSchema.STORE).asText(null);
    }
}

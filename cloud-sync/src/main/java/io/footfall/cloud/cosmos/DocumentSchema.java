package io.footfall.cloud.cosmos;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.footfall.json.Json;
import io.footfall.schema.WireRecord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of a Cosmos DB document, derived from the wire record types (never copied by hand): every JSON property
 * the wire records have, as Jackson serializes them (names, {@code @JsonPropertyOrder}), with {@code id} moved to
 * {@link #RECORD_ID}, plus the fields Cosmos needs ({@link #ID}, {@link #PARTITION_KEY}, and {@link #STORE} when the
 * wire records do not carry it). The direct loader and the Data Factory column mapping both use this one
 * description, so they cannot disagree, and a change to the wire records changes both.
 *
 * <p>Immutable; thread-safe.
 */
public final class DocumentSchema {
    /** Cosmos's document id: the record id made safe for Cosmos ({@link CosmosIds}). */
    public static final String ID = "id";
    /** The record id as the wire carries it. */
    public static final String RECORD_ID = "recordId";
    /** {@code {store}-{yyyy-MM-dd}}: see {@link PartitionKeys}. */
    public static final String PARTITION_KEY = "partitionKey";
    public static final String STORE = "store";
    /** The wire property holding the record's time (an aggregate's interval start), which decides its partition. */
    public static final String TIME = "at";

    private static final DocumentSchema WIRE = of(Arrays.stream(WireRecord.class.getPermittedSubclasses()).toList());

    private final List<WireField> wireFields;

    private DocumentSchema(List<WireField> wireFields) {
        this.wireFields = List.copyOf(wireFields);
    }

    /** The schema of every record type Footfall puts on the wire ({@link WireRecord}'s permitted types). */
    public static DocumentSchema wire() {
        return WIRE;
    }

    /** The union of the JSON properties of the given types, in the order first declared. */
    public static DocumentSchema of(Collection<Class<?>> recordTypes) {
        ObjectMapper mapper = Json.mapper();
        Map<String, WireField> fields = new LinkedHashMap<>();
        for (Class<?> type : recordTypes) {
            BeanDescription d = mapper.getSerializationConfig().introspect(mapper.constructType(type));
            for (BeanPropertyDefinition p : d.findProperties()) {
                if (p.couldSerialize()) {
                    fields.putIfAbsent(p.getName(), new WireField(p.getName(), JsonKind.of(p.getRawPrimaryType())));
                }
            }
        }
        if (!fields.containsKey(ID) || !fields.containsKey(TIME)) {
            throw new IllegalArgumentException("wire records " + recordTypes + " must have JSON properties 'id' and 'at'");
        }
        return new DocumentSchema(new ArrayList<>(fields.values()));
    }
    /** The wire record's JSON properties, in JSON order. */
    public List<WireField> wireFields() {
        return wireFields;
    }

    public boolean wireHasStore() {
        return wireFields.stream().anyMatch(f -> f.name().equals(STORE));
    }

    /** Where each document property comes from: document property → wire property (null = computed by the loader). */
    public Map<String, String> documentSources() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(ID, null);
        m.put(PARTITION_KEY, null);
        if (!wireHasStore()) {
            m.put(STORE, null);
        }
        for (WireField f : wireFields) {
            m.put(f.name().equals(ID) ? RECORD_ID : f.name(), f.name());
        }
        return m;
    }

    /** One JSON property of the wire records. */
    public record WireField(String name, JsonKind kind) {
    }

    /** The JSON type of a property: scalars are mapped one to one, arrays and objects are copied whole. */
    public enum JsonKind {
        STRING, INTEGER, NUMBER, BOOLEAN, ARRAY, OBJECT;

        static JsonKind of(Class<?> type) {
            if (type == String.class || type.isEnum() || java.time.temporal.Temporal.class.isAssignableFrom(type)) {
                return STRING;
            }
            if (type == int.class || type == long.class || type == Integer.class || type == Long.class
                    || type == short.class || type == Short.class) {
                return INTEGER;
            }
            if (type == double.class || type == float.class || type == Double.class || type == Float.class) {
                return NUMBER;
            }
            if (type == boolean.class || type == Boolean.class) {
                return BOOLEAN;
            }
            if (Collection.class.isAssignableFrom(type) || type.isArray()) {
                return ARRAY;
            }
            return OBJECT;
        }
    }
}

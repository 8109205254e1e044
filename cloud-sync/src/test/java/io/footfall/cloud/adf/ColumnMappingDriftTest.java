package io.footfall.cloud.adf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.footfall.cloud.cosmos.CosmosDocuments;
import io.footfall.cloud.cosmos.DocumentSchema;
import io.footfall.schema.WireCodec;
import io.footfall.schema.WireRecord;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Data Factory mapping, the loader's documents and the wire records must not drift apart: every property any
 * wire record type writes is mapped, the mapping writes exactly the properties the loader writes, and the mapping
 * equals the reviewed one in {@code src/test/resources/adf/column-mapping.json} (a wire schema change fails here
 * until that file is updated with it).
 */
class ColumnMappingDriftTest {
    static final Path GOLDEN = Path.of("src/test/resources/adf/column-mapping.json");
    final ObjectMapper mapper = new ObjectMapper();

    @Test
    void everyPropertyOfEveryWireRecordTypeIsMappedToWhatTheLoaderWrites() throws Exception {
        List<Map<String, Object>> mappings = ColumnMapping.mappings(DocumentSchema.wire());
        Set<String> sourcePaths = new HashSet<>();
        Set<String> sinkPaths = new HashSet<>();
        for (Map<String, Object> m : mappings) {
            Map<?, ?> source = (Map<?, ?>) m.get("source");
            sourcePaths.add(String.valueOf(source.containsKey("path") ? source.get("path") : source.get("name")));
            sinkPaths.add(String.valueOf(((Map<?, ?>) m.get("sink")).get("path")));
        }
        CosmosDocuments documents = CosmosDocuments.wire();
        for (Class<?> type : WireRecord.class.getPermittedSubclasses()) {
            WireRecord sample = sample(type);
            JsonNode wire = mapper.readTree(WireCodec.encode(sample));
            wire.fieldNames().forEachRemaining(name ->
                    assertThat(sourcePaths).as(type.getSimpleName() + "." + name).contains("$['" + name + "']"));
            ObjectNode doc = documents.toDocument(sample, "store-1");
            doc.fieldNames().forEachRemaining(name ->
                    assertThat(sinkPaths).as("document property " + name + " of " + type.getSimpleName())
                            .contains("$['" + name + "']"));
            assertThat(documents.toWire(doc)).isEqualTo(sample);
        }
    }

    @Test
    void theMappingIsTheReviewedOne() throws Exception {
        JsonNode generated = mapper.valueToTree(ColumnMapping.mappings(DocumentSchema.wire()));
        if (!Files.exists(GOLDEN) && "true".equals(System.getProperty("footfall.updateGolden"))) {
            Files.createDirectories(GOLDEN.getParent());
            mapper.writerWithDefaultPrettyPrinter().writeValue(GOLDEN.toFile(), generated);
        }
        assertThat(generated).as("the wire schema changed the Data Factory column mapping: review the change, then "
                + "delete " + GOLDEN + " and run this test with -Dfootfall.updateGolden=true")
                .isEqualTo(mapper.readTree(GOLDEN.toFile()));
    }

    /** An instance of a record type with every component set (strings "x", numbers 1, lists empty). */
    static WireRecord sample(Class<?> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < components.length; i++) {
            Class<?> t = components[i].getType();
            types[i] = t;
            String name = components[i].getName();
            if (t == String.class) {
                args.add(name.equals("at") || name.equals("start") || name.equals("end") ? "2026-11-25T09:00:00Z"
                        : name + "/x");
            } else if (t == int.class || t == Integer.class) {
                args.add(1);
            } else if (t == long.class || t == Long.class) {
                args.add(1L);
            } else if (t == double.class || t == Double.class) {
                args.add(1.5);
            } else if (t == boolean.class || t == Boolean.class) {
                args.add(true);
            } else if (List.class.isAssignableFrom(t)) {
                args.add(List.of());
            } else {
                args.add(null);
            }
        }
        Constructor<?> c = type.getDeclaredConstructor(types);
        return (WireRecord) c.newInstance(args.toArray());
    }
}

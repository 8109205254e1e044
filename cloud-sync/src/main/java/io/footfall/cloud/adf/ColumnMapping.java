package io.footfall.cloud.adf;

import io.footfall.cloud.cosmos.DocumentSchema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Copy activity's explicit column mapping (a {@code TabularTranslator}), generated from {@link DocumentSchema}
 * (which is generated from the wire record types): every wire property to the document property the direct
 * loader writes, so Data Factory and {@code footfall cloud load} produce the same documents. Arrays and objects
 * ({@code lines}, {@code zones}) are mapped whole. The properties the loader computes come from the Copy source's
 * additional columns ({@link #ADDITIONAL_COLUMNS}): Copy cannot compute per row. Stateless.
 */
public final class ColumnMapping {
    /** Document properties filled from the source's additional columns (per blob, from the trigger's folder path). */
    public static final List<String> ADDITIONAL_COLUMNS = List.of(DocumentSchema.PARTITION_KEY, DocumentSchema.STORE);

    private ColumnMapping() {
    }

    /** The {@code translator} object of the Copy activity. */
    public static Map<String, Object> translator(DocumentSchema schema) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("type", "TabularTranslator");
        t.put("mappings", mappings(schema));
        t.put("mapComplexValuesToString", false);
        return t;
    }

    public static List<Map<String, Object>> mappings(DocumentSchema schema) {
        List<Map<String, Object>> mappings = new ArrayList<>();
        for (Map.Entry<String, String> e : schema.documentSources().entrySet()) {
            String target = e.getKey();
            String source = e.getValue();
            if (source != null) {
                mappings.add(mapping(Map.of("path", path(source)), target));
            } else if (target.equals(DocumentSchema.ID)) {
                // Cosmos's id: the record id as is (Copy cannot encode per row); the edge makes record ids
                // Cosmos-safe (RecordIds), so this equals the direct loader's id (see PipelineDefinitions).
                mappings.add(mapping(Map.of("path", path(DocumentSchema.ID)), target));
            } else if (ADDITIONAL_COLUMNS.contains(target)) {
                mappings.add(mapping(Map.of("name", target), target));
            } else {
                throw new IllegalStateException("no Data Factory source for document property " + target);
            }
        }
        return mappings;
    }

    private static Map<String, Object> mapping(Map<String, Object> source, String target) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", source);
        m.put("sink", Map.of("path", path(target)));
        return m;
    }

    static String path(String property) {
        return "$['" + property + "']";
    }
}

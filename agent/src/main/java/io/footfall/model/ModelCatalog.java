package io.footfall.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The models Footfall knows, read from the manifests packaged by the {@code models} module.
 * Immutable and thread-safe once loaded.
 */
public final class ModelCatalog {

    private static final String ROOT = "/io/footfall/models/";

    private final String defaultModel;
    private final List<ModelManifest> models;

    private ModelCatalog(String defaultModel, List<ModelManifest> models) {
        this.defaultModel = defaultModel;
        this.models = List.copyOf(models);
    }

    /** Loads the catalog bundled on the classpath. */
    public static ModelCatalog bundled() {
        ObjectMapper json = io.footfall.json.Json.mapper();
        try {
            Map<?, ?> index = json.readValue(open("index.json"), Map.class);
            List<ModelManifest> list = new ArrayList<>();
            for (Object name : (List<?>) index.get("models")) {
                try (InputStream in = open(name + ".json")) {
                    list.add(json.readValue(in, ModelManifest.class));
                }
            }
            return new ModelCatalog((String) index.get("default"), list);
        } catch (IOException e) {
            throw new UncheckedIOException("bundled model manifests are unreadable", e);
        }
    }

    private static InputStream open(String file) throws IOException {
        InputStream in = ModelCatalog.class.getResourceAsStream(ROOT + file);
        if (in == null) {
            throw new IOException("manifest " + ROOT + file + " is not on the classpath");
        }
        return in;
    }

    public ModelManifest defaultModel() {
        return get(defaultModel);
    }

    public List<ModelManifest> all() {
        return models;
    }

    /** The manifest for a model name; names the known ones when there is no such model. */
    public ModelManifest get(String name) {
        return models.stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown model '" + name + "'; known models: "
                        + models.stream().map(ModelManifest::name).toList()));
    }
}

package io.footfall.model;

import io.footfall.BadInputException;

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
    private final List<ModelManifest> appearance;

    private ModelCatalog(String defaultModel, List<ModelManifest> models, List<ModelManifest> appearance) {
        this.defaultModel = defaultModel;
        this.models = List.copyOf(models);
        this.appearance = List.copyOf(appearance);
    }

    /** Loads the catalog bundled on the classpath. */
    public static ModelCatalog bundled() {
        ObjectMapper json = io.footfall.json.Json.mapper();
        try {
            Map<?, ?> index = json.readValue(open("index.json"), Map.class);
            return new ModelCatalog((String) index.get("default"), manifests(json, index.get("models")),
                    manifests(json, index.get("appearance")));
        } catch (IOException e) {
            throw new UncheckedIOException("bundled model manifests are unreadable", e);
        }
    }

    private static List<ModelManifest> manifests(ObjectMapper json, Object names) throws IOException {
        List<ModelManifest> list = new ArrayList<>();
        if (names != null) {
            for (Object name : (List<?>) names) {
                try (InputStream in = open(name + ".json")) {
                    list.add(json.readValue(in, ModelManifest.class));
                }
            }
        }
        return list;
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

    /** The person detectors. */
    public List<ModelManifest> all() {
        return models;
    }

    /** The re-identification models (appearance embeddings for the tracker). */
    public List<ModelManifest> appearanceModels() {
        return appearance;
    }

    /** Detectors and re-identification models: everything {@code models fetch} may install. */
    public List<ModelManifest> everything() {
        List<ModelManifest> both = new ArrayList<>(models);
        both.addAll(appearance);
        return both;
    }

    /** The manifest for a detector name; names the known ones when there is no such detector. */
    public ModelManifest get(String name) {
        return find(models, name, "model");
    }

    /** A detector's or a re-identification model's manifest. */
    public ModelManifest any(String name) {
        return find(everything(), name, "model");
    }

    /** The manifest for a re-identification model name; names the known ones when there is none. */
    public ModelManifest appearanceModel(String name) {
        return find(appearance, name, "re-identification model");
    }

    private static ModelManifest find(List<ModelManifest> in, String name, String what) {
        return in.stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new BadInputException("unknown " + what + " '" + name + "'; known " + what + "s: "
                        + in.stream().map(ModelManifest::name).toList()));
    }
}

package io.footfall.cloud.adf;

import com.azure.json.JsonProviders;
import com.azure.json.JsonSerializable;
import com.azure.json.JsonWriter;
import com.azure.resourcemanager.datafactory.models.Activity;
import com.azure.resourcemanager.datafactory.models.ActivityPolicy;
import com.azure.resourcemanager.datafactory.models.AzureBlobStorageLinkedService;
import com.azure.resourcemanager.datafactory.models.AzureBlobStorageLocation;
import com.azure.resourcemanager.datafactory.models.AzureBlobStorageReadSettings;
import com.azure.resourcemanager.datafactory.models.AzureKeyVaultLinkedService;
import com.azure.resourcemanager.datafactory.models.AzureKeyVaultSecretReference;
import com.azure.resourcemanager.datafactory.models.BlobEventTypes;
import com.azure.resourcemanager.datafactory.models.BlobEventsTrigger;
import com.azure.resourcemanager.datafactory.models.CopyActivity;
import com.azure.resourcemanager.datafactory.models.CosmosDbLinkedService;
import com.azure.resourcemanager.datafactory.models.CosmosDbSqlApiCollectionDataset;
import com.azure.resourcemanager.datafactory.models.CosmosDbSqlApiSink;
import com.azure.resourcemanager.datafactory.models.Dataset;
import com.azure.resourcemanager.datafactory.models.DatasetReference;
import com.azure.resourcemanager.datafactory.models.JsonDataset;
import com.azure.resourcemanager.datafactory.models.JsonSource;
import com.azure.resourcemanager.datafactory.models.LinkedService;
import com.azure.resourcemanager.datafactory.models.LinkedServiceReference;
import com.azure.resourcemanager.datafactory.models.ParameterSpecification;
import com.azure.resourcemanager.datafactory.models.ParameterType;
import com.azure.resourcemanager.datafactory.models.PipelineReference;
import com.azure.resourcemanager.datafactory.models.Trigger;
import com.azure.resourcemanager.datafactory.models.TriggerPipelineReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.footfall.cloud.cosmos.DocumentSchema;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Footfall's Data Factory objects, as code: two linked services (Blob, Cosmos; plus Key Vault when the Cosmos key
 * comes from there), the JSON dataset over one count file, the Cosmos sink dataset, the pipeline with one Copy
 * activity, and the storage-event trigger that runs it for every new count file.
 *
 * <p>Per blob, the trigger passes {@code folderPath} ({@code counts/{store}/{device}/{yyyy}/{MM}/{dd}/{HH}}) and
 * {@code fileName}; the pipeline derives the partition key ({@code store-yyyy-MM-dd}) from the folder and adds
 * it to every row as an additional source column, which is right because a count file holds one store's records
 * of one UTC hour. The sink upserts (a re-run of a blob rewrites the same documents) with the
 * column mapping generated from the wire schema ({@link ColumnMapping}).
 *
 * <p>A Copy activity cannot transform values per row, so the document id is the record id as is: the edge makes
 * record ids Cosmos-safe ({@code RecordIds}), and for them the direct loader's id ({@code CosmosIds}) is the same.
 * Count files written before 2026-12 hold ids with {@code /}: load those with the direct loader. Immutable.
 */
public final class PipelineDefinitions {
    public static final String BLOB_LINKED_SERVICE = "FootfallCountsBlob";
    public static final String COSMOS_LINKED_SERVICE = "FootfallCosmos";
    public static final String KEY_VAULT_LINKED_SERVICE = "FootfallKeyVault";
    public static final String COUNT_FILE_DATASET = "FootfallCountFile";
    public static final String COSMOS_DATASET = "FootfallCosmosCounts";
    public static final String PIPELINE = "FootfallLoadCounts";
    public static final String COPY_ACTIVITY = "CopyCountFileToCosmos";
    public static final String TRIGGER = "FootfallNewCountFile";
    public static final String FOLDER_PATH = "folderPath";
    public static final String FILE_NAME = "fileName";
    /** Rows per Cosmos write batch: documents are ~0.3-1.5 KB, and a batch must stay under Cosmos's 2 MB. */
    static final int WRITE_BATCH_SIZE = 1000;

    private final Map<String, LinkedService> linkedServices = new LinkedHashMap<>();
    private final Map<String, Dataset> datasets = new LinkedHashMap<>();
    private final Map<String, ParameterSpecification> pipelineParameters = new LinkedHashMap<>();
    private final List<Activity> activities;
    private final Trigger trigger;

    private PipelineDefinitions(PipelineSpec spec, DocumentSchema schema) {
        linkedServices.put(BLOB_LINKED_SERVICE, new AzureBlobStorageLinkedService()
                .withServiceEndpoint(spec.blobEndpoint().toString())
                .withAccountKind("StorageV2")
                .withDescription("Footfall count files; the factory's managed identity reads them "
                        + "(Storage Blob Data Reader)."));
        CosmosDbLinkedService cosmos = new CosmosDbLinkedService()
                .withAccountEndpoint(spec.cosmosEndpoint().toString())
                .withDatabase(spec.database());
        if (spec.cosmosKeySecret().isPresent()) {
            PipelineSpec.KeyVaultSecret secret = spec.cosmosKeySecret().get();
            linkedServices.put(KEY_VAULT_LINKED_SERVICE, new AzureKeyVaultLinkedService()
                    .withBaseUrl(secret.vault().toString())
                    .withDescription("Secrets of the Footfall pipeline; the factory's managed identity reads them."));
            cosmos.withAccountKey(new AzureKeyVaultSecretReference()
                    .withStore(linkedServiceRef(KEY_VAULT_LINKED_SERVICE))
                    .withSecretName(secret.secretName()));
            cosmos.withDescription("Footfall counts; account key read from Key Vault at run time.");
        } else {
            cosmos.withDescription("Footfall counts; the factory's managed identity writes them "
                    + "(Cosmos DB Built-in Data Contributor).");
        }
        linkedServices.put(COSMOS_LINKED_SERVICE, cosmos);

        datasets.put(COUNT_FILE_DATASET, new JsonDataset()
                .withLinkedServiceName(linkedServiceRef(BLOB_LINKED_SERVICE))
                .withParameters(Map.of(FOLDER_PATH, stringParameter(), FILE_NAME, stringParameter()))
                .withLocation(new AzureBlobStorageLocation()
                        .withContainer(spec.countsContainer())
                        .withFolderPath(expression("@dataset()." + FOLDER_PATH))
                        .withFileName(expression("@dataset()." + FILE_NAME)))
                .withEncodingName("UTF-8")
                .withDescription("One count file: JSON lines, one wire record per line."));
        datasets.put(COSMOS_DATASET, new CosmosDbSqlApiCollectionDataset()
                .withLinkedServiceName(linkedServiceRef(COSMOS_LINKED_SERVICE))
                .withCollectionName(spec.container())
                .withDescription("Footfall counts container, partitioned by /partitionKey (store-yyyy-MM-dd)."));

        pipelineParameters.put(FOLDER_PATH, stringParameter());
        pipelineParameters.put(FILE_NAME, stringParameter());
        String folder = "pipeline().parameters." + FOLDER_PATH;
        String part = "split(" + folder + ", '/')";
        CopyActivity copy = new CopyActivity()
                .withName(COPY_ACTIVITY)
                .withDescription("Upserts the records of one count file into Cosmos DB.")
                .withPolicy(new ActivityPolicy().withRetry(3).withRetryIntervalInSeconds(60).withTimeout("0.00:30:00"))
                .withInputs(List.of(new DatasetReference()
                        .withReferenceName(COUNT_FILE_DATASET)
                        .withParameters(Map.of(
                                // the trigger's folder path starts with the container: the dataset wants it without
                                FOLDER_PATH, expression("@join(skip(" + part + ", 1), '/')"),
                                FILE_NAME, expression("@pipeline().parameters." + FILE_NAME)))))
                .withOutputs(List.of(new DatasetReference()
                        .withReferenceName(COSMOS_DATASET)))
                .withSource(new JsonSource()
                        .withStoreSettings(new AzureBlobStorageReadSettings().withRecursive(false))
                        .withAdditionalColumns(additionalColumns(schema, part)))
                .withSink(new CosmosDbSqlApiSink().withWriteBehavior("upsert").withWriteBatchSize(WRITE_BATCH_SIZE))
                .withTranslator(ColumnMapping.translator(schema));
        activities = List.of(copy);

        trigger = new BlobEventsTrigger()
                .withScope(spec.storageAccountId())
                .withEvents(List.of(BlobEventTypes.MICROSOFT_STORAGE_BLOB_CREATED))
                .withBlobPathBeginsWith("/" + spec.countsContainer() + "/blobs/")
                .withBlobPathEndsWith(".jsonl")
                .withIgnoreEmptyBlobs(true)
                .withPipelines(List.of(new TriggerPipelineReference()
                        .withPipelineReference(new PipelineReference()
                                .withReferenceName(PIPELINE))
                        .withParameters(Map.of(FOLDER_PATH, "@triggerBody().folderPath",
                                FILE_NAME, "@triggerBody().fileName"))))
                .withDescription("Loads every new count file into Cosmos DB.");
    }

    public static PipelineDefinitions of(PipelineSpec spec, DocumentSchema schema) {
        return new PipelineDefinitions(spec, schema);
    }

    public Map<String, LinkedService> linkedServices() {
        return linkedServices;
    }

    public Map<String, Dataset> datasets() {
        return datasets;
    }

    public Map<String, ParameterSpecification> pipelineParameters() {
        return pipelineParameters;
    }

    public List<Activity> activities() {
        return activities;
    }

    public Trigger trigger() {
        return trigger;
    }

    /** Every definition as ARM would store it ({@code name} and {@code properties}), in deployment order. */
    public ObjectNode toJson() {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode ls = root.putArray("linkedServices");
        linkedServices.forEach((name, l) -> ls.add(named(mapper, name, tree(mapper, l))));
        ArrayNode ds = root.putArray("datasets");
        datasets.forEach((name, d) -> ds.add(named(mapper, name, tree(mapper, d))));
        ObjectNode pipeline = mapper.createObjectNode();
        ObjectNode params = pipeline.putObject("parameters");
        pipelineParameters.forEach((name, p) -> params.set(name, tree(mapper, p)));
        ArrayNode acts = pipeline.putArray("activities");
        activities.forEach(a -> acts.add(tree(mapper, a)));
        root.putArray("pipelines").add(named(mapper, PIPELINE, pipeline));
        root.putArray("triggers").add(named(mapper, TRIGGER, tree(mapper, trigger)));
        return root;
    }

    private static ObjectNode named(ObjectMapper mapper, String name, JsonNode properties) {
        ObjectNode n = mapper.createObjectNode();
        n.put("name", name);
        n.set("properties", properties);
        return n;
    }

    static JsonNode tree(ObjectMapper mapper, JsonSerializable<?> model) {
        StringWriter out = new StringWriter();
        try (JsonWriter w = JsonProviders.createWriter(out)) {
            model.toJson(w);
            w.flush();
            return mapper.readTree(out.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LinkedServiceReference linkedServiceRef(String name) {
        return new LinkedServiceReference()
                .withReferenceName(name);
    }

    private static ParameterSpecification stringParameter() {
        return new ParameterSpecification().withType(ParameterType.STRING);
    }

    private static Map<String, Object> expression(String value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", value);
        m.put("type", "Expression");
        return m;
    }

    /** Per-blob columns from the folder path: the partition key, and the store when the records lack it. */
    private static List<Map<String, Object>> additionalColumns(DocumentSchema schema, String part) {
        List<Map<String, Object>> columns = new java.util.ArrayList<>();
        columns.add(column(DocumentSchema.PARTITION_KEY, "@concat(" + part + "[1], '-', " + part + "[3], '-', "
                + part + "[4], '-', " + part + "[5])"));
        if (!schema.wireHasStore()) {
            columns.add(column(DocumentSchema.STORE, "@" + part + "[1]"));
        }
        return columns;
    }

    private static Map<String, Object> column(String name, String expression) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("value", expression(expression));
        return m;
    }
}

package io.footfall.cloud.adf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.footfall.cli.FootfallCommand;
import io.footfall.cloud.cli.CloudCommand;
import io.footfall.cloud.cosmos.DocumentSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code footfall cloud deploy-pipeline} and {@code run-pipeline} through the real Data Factory SDK against WireMock
 * standing in for Azure Resource Manager on 127.0.0.1: every PUT and POST body is checked.
 */
class DeployPipelineTest {
    static final String FACTORY = "/subscriptions/sub-1/resourceGroups/rg-footfall/providers/Microsoft.DataFactory/factories/adf-footfall";
    static final String STORAGE_ID = "/subscriptions/sub-1/resourceGroups/rg-footfall/providers/Microsoft.Storage/storageAccounts/footfallcounts";
    static final String TRIGGER_STARTED = "trigger started";

    final ObjectMapper mapper = new ObjectMapper();
    WireMockServer arm;

    @BeforeEach
    void startArm() {
        arm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        arm.start();
        // Create-or-update: ARM answers with the resource it stored (the request's body).
        arm.stubFor(put(urlPathMatching(FACTORY + "/(linkedservices|datasets|pipelines|triggers)/[^/]+"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{{{request.body}}}").withTransformers("response-template")));
        arm.stubFor(get(urlPathEqualTo(FACTORY + "/triggers/" + PipelineDefinitions.TRIGGER))
                .inScenario("trigger").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":\"NotFound\",\"message\":\"Entity not found\"}}")));
        arm.stubFor(get(urlPathEqualTo(FACTORY + "/triggers/" + PipelineDefinitions.TRIGGER))
                .inScenario("trigger").whenScenarioStateIs(TRIGGER_STARTED)
                .willReturn(okJson("{\"name\":\"" + PipelineDefinitions.TRIGGER + "\",\"properties\":{\"type\":"
                        + "\"BlobEventsTrigger\",\"runtimeState\":\"Started\",\"typeProperties\":{\"scope\":\""
                        + STORAGE_ID + "\",\"events\":[\"Microsoft.Storage.BlobCreated\"]}}}")));
        arm.stubFor(post(urlPathEqualTo(FACTORY + "/triggers/" + PipelineDefinitions.TRIGGER + "/start"))
                .inScenario("trigger").willSetStateTo(TRIGGER_STARTED).willReturn(aResponse().withStatus(200)));
        arm.stubFor(post(urlPathEqualTo(FACTORY + "/triggers/" + PipelineDefinitions.TRIGGER + "/stop"))
                .inScenario("trigger").willSetStateTo(Scenario.STARTED).willReturn(aResponse().withStatus(200)));
        arm.stubFor(post(urlPathEqualTo(FACTORY + "/pipelines/" + PipelineDefinitions.PIPELINE + "/createRun"))
                .willReturn(okJson("{\"runId\":\"run-1\"}")));
        arm.stubFor(get(urlPathEqualTo(FACTORY + "/pipelineruns/run-1")).inScenario("run")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("polled")
                .willReturn(okJson("{\"runId\":\"run-1\",\"status\":\"InProgress\"}")));
        arm.stubFor(get(urlPathEqualTo(FACTORY + "/pipelineruns/run-1")).inScenario("run")
                .whenScenarioStateIs("polled")
                .willReturn(okJson("{\"runId\":\"run-1\",\"status\":\"Succeeded\",\"message\":\"\"}")));
        arm.stubFor(post(urlPathEqualTo(FACTORY + "/pipelineruns/run-1/queryActivityruns"))
                .willReturn(okJson("{\"value\":[{\"activityName\":\"" + PipelineDefinitions.COPY_ACTIVITY + "\","
                        + "\"status\":\"Succeeded\",\"output\":{\"rowsCopied\":22,\"rowsRead\":22}}]}")));
    }

    @AfterEach
    void stopArm() {
        arm.stop();
    }

    String[] deployArgs(String... extra) {
        List<String> a = new ArrayList<>(List.of("deploy-pipeline", "--subscription", "sub-1", "--resource-group",
                "rg-footfall", "--factory", "adf-footfall", "--arm-endpoint", arm.baseUrl() + "/",
                "--storage-account-id", STORAGE_ID, "--blob-endpoint", "https://footfallcounts.blob.core.windows.net/",
                "--cosmos-endpoint", "https://footfall.documents.azure.com:443/"));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    Run cloud(String... args) {
        return cloud(Map.of(), args);
    }

    Run cloud(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new CloudCommand(env));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    record Run(int code, String out, String err) {
    }

    List<LoggedRequest> writes() {
        return arm.findAll(anyRequestedFor(anyUrl())).stream()
                .filter(r -> !r.getMethod().getName().equals("GET")).toList();
    }

    JsonNode body(String method, String pathSuffix) throws Exception {
        LoggedRequest r = writes().stream()
                .filter(w -> w.getMethod().getName().equals(method) && w.getUrl().split("\\?")[0].endsWith(pathSuffix))
                .findFirst().orElseThrow(() -> new AssertionError("no " + method + " " + pathSuffix + " in " + urls()));
        return r.getBodyAsString().isEmpty() ? mapper.createObjectNode() : mapper.readTree(r.getBodyAsString());
    }

    List<String> urls() {
        return writes().stream().map(r -> r.getMethod() + " " + r.getUrl().split("\\?")[0].replace(FACTORY, "")).toList();
    }

    @Test
    void deploysEveryDefinitionWithManagedIdentityAndStartsTheTrigger() throws Exception {
        Run run = cloud(deployArgs());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(urls()).containsExactly(
                "PUT /linkedservices/FootfallCountsBlob", "PUT /linkedservices/FootfallCosmos",
                "PUT /datasets/FootfallCountFile", "PUT /datasets/FootfallCosmosCounts",
                "PUT /pipelines/FootfallLoadCounts", "PUT /triggers/FootfallNewCountFile",
                "POST /triggers/FootfallNewCountFile/start");

        JsonNode blob = body("PUT", "/linkedservices/FootfallCountsBlob").path("properties");
        assertThat(blob.path("type").asText()).isEqualTo("AzureBlobStorage");
        assertThat(blob.path("typeProperties").path("serviceEndpoint").asText())
                .isEqualTo("https://footfallcounts.blob.core.windows.net/");
        assertThat(blob.path("typeProperties").path("accountKind").asText()).isEqualTo("StorageV2");
        JsonNode cosmos = body("PUT", "/linkedservices/FootfallCosmos").path("properties");
        assertThat(cosmos.path("type").asText()).isEqualTo("CosmosDb");
        assertThat(cosmos.path("typeProperties").path("accountEndpoint").asText())
                .isEqualTo("https://footfall.documents.azure.com:443/");
        assertThat(cosmos.path("typeProperties").path("database").asText()).isEqualTo("footfall");
        for (LoggedRequest w : writes()) { // no secret of any kind inline
            assertNoInlineSecret(mapper.readTree(w.getBodyAsString().isEmpty() ? "{}" : w.getBodyAsString()));
            assertThat(w.getBodyAsString()).doesNotContain("AccountKey=").doesNotContain("SharedAccessSignature");
        }

        JsonNode source = body("PUT", "/datasets/FootfallCountFile").path("properties");
        assertThat(source.path("type").asText()).isEqualTo("Json");
        assertThat(source.path("linkedServiceName").path("referenceName").asText()).isEqualTo("FootfallCountsBlob");
        JsonNode location = source.path("typeProperties").path("location");
        assertThat(location.path("type").asText()).isEqualTo("AzureBlobStorageLocation");
        assertThat(location.path("container").asText()).isEqualTo("counts");
        assertThat(location.path("folderPath").path("value").asText()).isEqualTo("@dataset().folderPath");
        assertThat(source.path("parameters").fieldNames()).toIterable().containsExactlyInAnyOrder("folderPath", "fileName");
        JsonNode sinkSet = body("PUT", "/datasets/FootfallCosmosCounts").path("properties");
        assertThat(sinkSet.path("type").asText()).isEqualTo("CosmosDbSqlApiCollection");
        assertThat(sinkSet.path("typeProperties").path("collectionName").asText()).isEqualTo("counts");

        JsonNode pipeline = body("PUT", "/pipelines/FootfallLoadCounts").path("properties");
        JsonNode copy = pipeline.path("activities").get(0);
        assertThat(copy.path("type").asText()).isEqualTo("Copy");
        assertThat(copy.path("inputs").get(0).path("referenceName").asText()).isEqualTo("FootfallCountFile");
        assertThat(copy.path("outputs").get(0).path("referenceName").asText()).isEqualTo("FootfallCosmosCounts");
        JsonNode sink = copy.path("typeProperties").path("sink");
        assertThat(sink.path("type").asText()).isEqualTo("CosmosDbSqlApiSink");
        assertThat(sink.path("writeBehavior").asText()).isEqualTo("upsert");
        JsonNode src = copy.path("typeProperties").path("source");
        assertThat(src.path("type").asText()).isEqualTo("JsonSource");
        assertThat(src.path("additionalColumns").findValuesAsText("name")).containsExactly("partitionKey");
        assertThat(src.path("additionalColumns").get(0).path("value").path("value").asText())
                .isEqualTo("@concat(split(pipeline().parameters.folderPath, '/')[1], '-', split(pipeline().parameters."
                        + "folderPath, '/')[3], '-', split(pipeline().parameters.folderPath, '/')[4], '-', "
                        + "split(pipeline().parameters.folderPath, '/')[5])");
        JsonNode translator = copy.path("typeProperties").path("translator");
        assertThat(translator.path("type").asText()).isEqualTo("TabularTranslator");
        assertThat(translator.path("mappings")).isEqualTo(mapper.valueToTree(ColumnMapping.mappings(DocumentSchema.wire())));
        assertThat(pipeline.path("parameters").fieldNames()).toIterable().containsExactly("folderPath", "fileName");

        JsonNode trigger = body("PUT", "/triggers/FootfallNewCountFile").path("properties");
        assertThat(trigger.path("type").asText()).isEqualTo("BlobEventsTrigger");
        JsonNode tp = trigger.path("typeProperties");
        assertThat(tp.path("scope").asText()).isEqualTo(STORAGE_ID);
        assertThat(tp.path("events").get(0).asText()).isEqualTo("Microsoft.Storage.BlobCreated");
        assertThat(tp.path("blobPathBeginsWith").asText()).isEqualTo("/counts/blobs/");
        assertThat(tp.path("blobPathEndsWith").asText()).isEqualTo(".jsonl");
        assertThat(tp.path("ignoreEmptyBlobs").asBoolean()).isTrue();
        JsonNode ref = trigger.path("pipelines").get(0);
        assertThat(ref.path("pipelineReference").path("referenceName").asText()).isEqualTo("FootfallLoadCounts");
        assertThat(ref.path("parameters").path("folderPath").asText()).isEqualTo("@triggerBody().folderPath");
        assertThat(ref.path("parameters").path("fileName").asText()).isEqualTo("@triggerBody().fileName");

        // What was PUT is what --dry-run prints.
        Run dry = cloud(deployArgs("--dry-run"));
        assertThat(dry.code()).as(dry.err()).isZero();
        JsonNode printed = mapper.readTree(dry.out());
        assertThat(printed.path("triggers").get(0).path("properties")).isEqualTo(trigger);
        assertThat(printed.path("linkedServices").get(1).path("properties")).isEqualTo(cosmos);
        assertThat(printed.path("pipelines").get(0).path("properties").path("activities"))
                .isEqualTo(pipeline.path("activities"));
    }

    static final java.util.Set<String> SECRET_FIELDS = java.util.Set.of("accountKey", "connectionString", "sasUri",
            "sasToken", "servicePrincipalKey", "servicePrincipalCredential", "password", "encryptedCredential");

    /** A secret property may be absent, null, or a Key Vault reference; never a value. */
    static void assertNoInlineSecret(JsonNode node) {
        node.fields().forEachRemaining(e -> {
            if (SECRET_FIELDS.contains(e.getKey()) && !e.getValue().isNull()) {
                assertThat(e.getValue().path("type").asText()).as(e.getKey()).isEqualTo("AzureKeyVaultSecret");
            }
            assertNoInlineSecret(e.getValue());
        });
        if (node.isArray()) {
            node.forEach(DeployPipelineTest::assertNoInlineSecret);
        }
    }

    @Test
    void secondDeployStopsTheTriggerPutsTheSameDefinitionsAndRestartsIt() throws Exception {
        assertThat(cloud(deployArgs()).code()).isZero();
        List<String> first = writes().stream().map(LoggedRequest::getBodyAsString).toList();
        arm.resetRequests();
        Run again = cloud(deployArgs());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(urls()).containsExactly("POST /triggers/FootfallNewCountFile/stop",
                "PUT /linkedservices/FootfallCountsBlob", "PUT /linkedservices/FootfallCosmos",
                "PUT /datasets/FootfallCountFile", "PUT /datasets/FootfallCosmosCounts",
                "PUT /pipelines/FootfallLoadCounts", "PUT /triggers/FootfallNewCountFile",
                "POST /triggers/FootfallNewCountFile/start");
        List<String> second = writes().stream().map(LoggedRequest::getBodyAsString).toList();
        assertThat(second.subList(1, second.size())).isEqualTo(first);
    }

    @Test
    void cosmosKeyFromKeyVaultIsAReferenceNeverAValue() throws Exception {
        Run run = cloud(deployArgs("--cosmos-key-vault", "https://kv-footfall.vault.azure.net/",
                "--cosmos-key-secret", "cosmos-account-key"));
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode kv = body("PUT", "/linkedservices/FootfallKeyVault").path("properties");
        assertThat(kv.path("type").asText()).isEqualTo("AzureKeyVault");
        assertThat(kv.path("typeProperties").path("baseUrl").asText()).isEqualTo("https://kv-footfall.vault.azure.net/");
        JsonNode key = body("PUT", "/linkedservices/FootfallCosmos").path("properties").path("typeProperties")
                .path("accountKey");
        assertThat(key.path("type").asText()).isEqualTo("AzureKeyVaultSecret");
        assertThat(key.path("store").path("referenceName").asText()).isEqualTo("FootfallKeyVault");
        assertThat(key.path("secretName").asText()).isEqualTo("cosmos-account-key");
        for (LoggedRequest w : writes()) {
            assertNoInlineSecret(mapper.readTree(w.getBodyAsString().isEmpty() ? "{}" : w.getBodyAsString()));
        }
    }

    @Test
    void runPipelineStartsARunPollsItAndPrintsRowsCopied() throws Exception {
        Run run = cloud("run-pipeline", "--subscription", "sub-1", "--resource-group", "rg-footfall", "--factory",
                "adf-footfall", "--arm-endpoint", arm.baseUrl(), "--poll-seconds", "0.05",
                "--blob", "counts/store-042/local/2026/11/25/09/camera1.jsonl");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("run-1 InProgress").contains("run-1 Succeeded")
                .contains("run run-1: Succeeded, rows copied: 22");
        JsonNode createRun = body("POST", "/pipelines/FootfallLoadCounts/createRun");
        assertThat(createRun).isEqualTo(mapper.readTree(
                "{\"folderPath\":\"counts/store-042/local/2026/11/25/09\",\"fileName\":\"camera1.jsonl\"}"));
    }

    @Test
    void badSettingsAreOneLineErrorsWithExitCode2() {
        Run run = cloud("deploy-pipeline", "--storage-account-id", "footfallcounts", "--blob-endpoint",
                "https://x.blob.core.windows.net/", "--cosmos-endpoint", "https://c.documents.azure.com/", "--dry-run");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("cloud deploy-pipeline: --storage-account-id 'footfallcounts': expected")
                .doesNotContain("\n");
        Run noFactory = cloud("run-pipeline", "--blob", "counts/a/b/2026/11/25/09/c.jsonl");
        assertThat(noFactory.code()).isEqualTo(2);
        assertThat(noFactory.err()).contains("expected --subscription or FOOTFALL_ARM_SUBSCRIPTION");
    }

    @Test
    void aSecretPastedIntoTheWrongSettingIsRefusedAndNeverPrintedBack() {
        Run connectionString = cloud(Map.of("FOOTFALL_COSMOS_ENDPOINT",
                "AccountEndpoint=https://x.documents.azure.com:443/;AccountKey=AK3SECRET==;"), "report", "--store", "s1",
                "--from", "2026-11-01");
        assertThat(connectionString.code()).isEqualTo(2);
        assertThat(connectionString.err()).contains("is a connection string").contains("FOOTFALL_COSMOS_KEY")
                .doesNotContain("AK3SECRET");

        Run notBase64 = cloud(Map.of("FOOTFALL_COSMOS_KEY", "not base64 KEYSECRET!!"), "init", "--cosmos-endpoint",
                "https://localhost:8081/", "--verbose");
        assertThat(notBase64.code()).isEqualTo(2);
        assertThat(notBase64.err()).contains("FOOTFALL_COSMOS_KEY: expected").doesNotContain("KEYSECRET");

        Run badBlob = cloud(Map.of("FOOTFALL_BLOB_CONNECTION_STRING", "garbage;AccountKey=BLOBSECRET"), "load",
                "--cosmos-endpoint", "https://localhost:8081/");
        assertThat(badBlob.code()).isEqualTo(2);
        assertThat(badBlob.err()).contains("FOOTFALL_BLOB_CONNECTION_STRING: expected").doesNotContain("BLOBSECRET");

        Run sas = cloud("deploy-pipeline", "--dry-run", "--storage-account-id", STORAGE_ID, "--blob-endpoint",
                "https://footfallcounts.blob.core.windows.net/?sv=2022-11-02&sig=SIGSECRET999", "--cosmos-endpoint",
                "https://footfall.documents.azure.com:443/");
        assertThat(sas.code()).isEqualTo(2);
        assertThat(sas.err()).contains("with no SAS token").doesNotContain("SIGSECRET999");
        assertThat(sas.out()).doesNotContain("SIGSECRET999");
    }

    @Test
    void theCloudCommandIsPartOfFootfall() {
        CommandLine cl = FootfallCommand.newCommandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        assertThat(cl.getSubcommands()).containsKey("cloud");
        assertThat(cl.execute("cloud", "deploy-pipeline", "--dry-run", "--storage-account-id", STORAGE_ID,
                "--blob-endpoint", "https://footfallcounts.blob.core.windows.net/", "--cosmos-endpoint",
                "https://footfall.documents.azure.com:443/")).isZero();
        assertThat(out.toString()).contains("\"CosmosDbSqlApiSink\"").contains("\"BlobEventsTrigger\"");
    }
}

package io.footfall.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy-edge/cloud/azuredeploy.json and its parameters file: the structure Azure Resource Manager requires,
 * every parameters()/variables() reference declared, and the resources this project relies on.
 */
class ArmTemplateTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PARAMETER_REF = Pattern.compile("parameters\\('([^']+)'\\)");
    private static final Pattern VARIABLE_REF = Pattern.compile("variables\\('([^']+)'\\)");
    private static final String STORAGE_BLOB_DATA_READER = "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1";
    private static final String COSMOS_DATA_CONTRIBUTOR = "00000000-0000-0000-0000-000000000002";

    private final Path cloud = Project.deployEdge().resolve("cloud");

    @Test
    void templateHasArmsRequiredStructure() throws Exception {
        JsonNode t = JSON.readTree(cloud.resolve("azuredeploy.json").toFile());
        assertThat(t.path("$schema").asText()).matches("https://schema\\.management\\.azure\\.com/schemas/\\d{4}-\\d{2}-\\d{2}/deploymentTemplate\\.json#");
        assertThat(t.path("contentVersion").asText()).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
        assertThat(t.path("resources").isArray()).isTrue();
        for (JsonNode r : t.path("resources")) {
            assertThat(r.path("type").asText()).as("resource type of " + r.path("name")).matches("[A-Za-z.]+/[A-Za-z/]+");
            assertThat(r.path("apiVersion").asText()).as("apiVersion of " + r.path("type")).matches("\\d{4}-\\d{2}-\\d{2}(-preview)?");
            assertThat(r.path("name").asText()).as("name of " + r.path("type")).isNotBlank();
            // A child type names its parents: Microsoft.X/a/b needs a name with as many segments.
            int typeSegments = r.path("type").asText().split("/").length - 1;
            if (r.path("name").asText().startsWith("[")) { // an expression: its segments are only known at deployment
                continue;
            }
            assertThat(r.path("name").asText().split("/")).as("name segments of " + r.path("type")).hasSize(typeSegments);
        }
        for (JsonNode p : t.path("parameters")) {
            assertThat(p.path("type").asText()).isIn("string", "securestring", "int", "bool", "object", "secureObject", "array");
        }
    }

    @Test
    void everyReferencedParameterAndVariableIsDeclared() throws Exception {
        JsonNode t = JSON.readTree(cloud.resolve("azuredeploy.json").toFile());
        Set<String> parameters = names(t.path("parameters"));
        Set<String> variables = names(t.path("variables"));
        List<String> expressions = new ArrayList<>();
        collectStrings(t, expressions);
        Set<String> usedParameters = new HashSet<>();
        for (String s : expressions) {
            usedParameters.addAll(matches(PARAMETER_REF, s));
            assertThat(variables).as("variables referenced in " + s).containsAll(matches(VARIABLE_REF, s));
        }
        assertThat(parameters).as("parameters referenced").containsAll(usedParameters);
        assertThat(usedParameters).as("every declared parameter is used").containsAll(parameters);
        for (String s : expressions) {
            if (s.startsWith("[")) {
                assertThat(s).as("an ARM expression is closed and its parentheses balance").endsWith("]");
                assertThat(s.chars().filter(c -> c == '(').count()).as(s).isEqualTo(s.chars().filter(c -> c == ')').count());
            }
        }
    }

    @Test
    void parametersFileGivesOnlyDeclaredParametersAndEveryRequiredOne() throws Exception {
        JsonNode t = JSON.readTree(cloud.resolve("azuredeploy.json").toFile());
        JsonNode p = JSON.readTree(cloud.resolve("azuredeploy.parameters.json").toFile());
        assertThat(p.path("$schema").asText()).endsWith("/deploymentParameters.json#");
        assertThat(p.path("contentVersion").asText()).isNotBlank();
        Set<String> declared = names(t.path("parameters"));
        Set<String> given = names(p.path("parameters"));
        assertThat(declared).containsAll(given);
        t.path("parameters").fields().forEachRemaining(e -> {
            if (!e.getValue().has("defaultValue")) {
                assertThat(given).as("required parameter " + e.getKey()).contains(e.getKey());
            }
        });
        p.path("parameters").forEach(v -> assertThat(v.has("value") || v.has("reference")).isTrue());
    }

    @Test
    void theResourcesFootfallNeedsAreThere() throws Exception {
        JsonNode t = JSON.readTree(cloud.resolve("azuredeploy.json").toFile());
        List<JsonNode> resources = new ArrayList<>();
        t.path("resources").forEach(resources::add);

        JsonNode hub = one(resources, "Microsoft.Devices/IotHubs");
        assertThat(hub.at("/properties/routing/routes").toString()).contains("$connectionModuleId = 'footfall'");
        assertThat(hub.at("/properties/routing/endpoints/storageContainers/0/containerName").asText()).isEqualTo("[variables('countsContainer')]");

        List<String> containers = resources.stream().filter(r -> r.path("type").asText().equals("Microsoft.Storage/storageAccounts/blobServices/containers"))
                .map(r -> r.path("name").asText()).toList();
        assertThat(containers).anySatisfy(n -> assertThat(n).contains("countsContainer"))
                .anySatisfy(n -> assertThat(n).contains("clipsContainer"));
        assertThat(t.at("/variables/countsContainer").asText()).isEqualTo("counts");
        assertThat(t.at("/variables/clipsContainer").asText()).isEqualTo("clips");
        JsonNode lifecycle = one(resources, "Microsoft.Storage/storageAccounts/managementPolicies");
        assertThat(lifecycle.at("/properties/policy/rules").size()).isEqualTo(2);
        assertThat(lifecycle.at("/properties/policy/rules").toString()).contains("clipsRetentionDays", "countsRetentionDays");

        one(resources, "Microsoft.DocumentDB/databaseAccounts");
        one(resources, "Microsoft.DocumentDB/databaseAccounts/sqlDatabases");
        JsonNode container = one(resources, "Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers");
        assertThat(container.at("/properties/resource/partitionKey/paths/0").asText()).isEqualTo("/partitionKey");

        JsonNode factory = one(resources, "Microsoft.DataFactory/factories");
        assertThat(factory.at("/identity/type").asText()).isEqualTo("SystemAssigned");
        JsonNode storageRole = one(resources, "Microsoft.Authorization/roleAssignments");
        assertThat(t.at("/variables/storageBlobDataReader").asText()).isEqualTo(STORAGE_BLOB_DATA_READER);
        assertThat(storageRole.at("/properties/roleDefinitionId").asText()).contains("storageBlobDataReader");
        assertThat(storageRole.at("/properties/principalId").asText()).contains("Microsoft.DataFactory/factories");
        JsonNode cosmosRole = one(resources, "Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments");
        assertThat(t.at("/variables/cosmosBuiltInDataContributor").asText()).isEqualTo(COSMOS_DATA_CONTRIBUTOR);
        assertThat(cosmosRole.at("/properties/roleDefinitionId").asText()).contains("cosmosBuiltInDataContributor");
        assertThat(cosmosRole.at("/properties/principalId").asText()).contains("Microsoft.DataFactory/factories");
    }

    private static JsonNode one(List<JsonNode> resources, String type) {
        List<JsonNode> found = resources.stream().filter(r -> r.path("type").asText().equals(type)).toList();
        assertThat(found).as("resources of type " + type).hasSize(1);
        return found.get(0);
    }

    private static Set<String> names(JsonNode object) {
        Set<String> out = new HashSet<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static void collectStrings(JsonNode n, List<String> out) {
        if (n.isTextual()) {
            out.add(n.asText());
        }
        n.elements().forEachRemaining(c -> collectStrings(c, out));
    }

    private static Set<String> matches(Pattern p, String s) {
        Set<String> out = new HashSet<>();
        Matcher m = p.matcher(s);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}

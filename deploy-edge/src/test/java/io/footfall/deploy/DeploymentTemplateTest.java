package io.footfall.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.footfall.config.ConfigLoader;
import io.footfall.config.ConfigWriter;
import io.footfall.config.FootfallConfig;
import io.footfall.edge.ManifestCheck;
import io.footfall.edge.ManifestGenerator;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Comparator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * deploy-edge/deployment.template.json: what 'footfall edge manifest' makes of config/default.yaml, passing
 * the agent's own config loader, and spelling out every default, so a change to the config schema or its
 * defaults fails here until the template is regenerated.
 */
class DeploymentTemplateTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REGENERATE = "regenerate it: footfall edge manifest --config deploy-edge/config/default.yaml"
            + " --out deploy-edge/deployment.template.json";

    /** JSON equality where 60, 60L and 60.0 are equal (YAML, JSON and the writer pick different number types). */
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> a.isNumber() && b.isNumber()
            ? (Math.abs(a.asDouble() - b.asDouble()) < 1e-6 ? 0 : 1)
            : (a.equals(b) ? 0 : 1);

    private final Path template = Project.deployEdge().resolve("deployment.template.json");
    private final Path defaults = Project.deployEdge().resolve("config/default.yaml");

    @Test
    void templateIsWhatTheGeneratorMakesOfTheDefaultConfig() throws Exception {
        JsonNode committed = JSON.readTree(template.toFile());
        JsonNode generated = ManifestGenerator.fromFile(defaults, ManifestGenerator.IMAGE_PLACEHOLDER).json();
        assertThat(committed.equals(NUMBERS_BY_VALUE, generated)).as("deployment.template.json is out of date; " + REGENERATE).isTrue();
    }

    @Test
    void templatePassesTheManifestCheckAndTheAgentsConfigLoader() throws Exception {
        JsonNode t = JSON.readTree(template.toFile());
        FootfallConfig cfg = ManifestCheck.check(t);
        assertThat(cfg.cameras()).singleElement().satisfies(c -> assertThat(c.source()).isEqualTo("usb:0"));

        JsonNode module = t.at("/modulesContent/$edgeAgent/properties.desired/modules/footfall/settings");
        JsonNode options = JSON.readTree(module.get("createOptions").asText());
        assertThat(module.has("createOptions01")).as("short createOptions stay in one field").isFalse();
        assertThat(options.at("/HostConfig/Binds").toString()).contains("/var/lib/footfall:/var/lib/footfall");
        assertThat(options.at("/HostConfig/Devices/0/PathOnHost").asText()).isEqualTo("/dev/video0");
        assertThat(options.at("/ExposedPorts").has("9600/tcp")).isTrue();
        assertThat(t.at("/modulesContent/$edgeHub/properties.desired/routes/footfallToUpstream/route").asText())
                .isEqualTo("FROM /messages/modules/footfall/outputs/* INTO $upstream");
        assertThat(t.at("/modulesContent/$edgeHub/properties.desired/storeAndForwardConfiguration/timeToLiveSecs").asLong())
                .as("edgeHub keeps messages as long as the outbox keeps records (30 days)").isEqualTo(30L * 86_400);
    }

    @Test
    void desiredPropertiesSpellOutEveryDefaultSetting() throws Exception {
        JsonNode desired = JSON.readTree(template.toFile()).at("/modulesContent/footfall/properties.desired");
        ObjectNode canonical = ConfigWriter.toTree(ConfigLoader.parse(desired, "template"));
        // threads is left to the device (its processor count), everything else is written out.
        ((ObjectNode) canonical.get("detector")).remove("threads");
        assertThat(desired.equals(NUMBERS_BY_VALUE, canonical))
                .as("the desired properties must list every setting with its default; the loader's defaults are "
                        + canonical + "; edit config/default.yaml and " + REGENERATE)
                .isTrue();
    }

    @Test
    void aMisspelledSettingInTheTemplateFailsTheCheck() throws Exception {
        ObjectNode t = (ObjectNode) JSON.readTree(template.toFile());
        ((ObjectNode) t.at("/modulesContent/footfall/properties.desired/detector")).put("modle", "yolox-nano");
        assertThatThrownBy(() -> ManifestCheck.check(t)).hasMessageContaining("modle");
    }

    @Test
    void aTimeToLiveShorterThanTheOutboxKeepsRecordsFailsTheCheck() throws Exception {
        ObjectNode t = (ObjectNode) JSON.readTree(template.toFile());
        ((ObjectNode) t.at("/modulesContent/$edgeHub/properties.desired/storeAndForwardConfiguration")).put("timeToLiveSecs", 7200);
        assertThatThrownBy(() -> ManifestCheck.check(t)).hasMessageContaining("shorter than the outbox keeps records");
    }
}

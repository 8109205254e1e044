package io.footfall.cloud.cosmos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.footfall.cloud.testing.CosmosTestServer;
import io.footfall.schema.WireRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against a real Cosmos DB SQL API server on 127.0.0.1 over HTTPS. */
class CosmosCountsTest {
    @TempDir
    static Path dir;
    static CosmosTestServer server;

    @BeforeAll
    static void start() {
        server = CosmosTestServer.start(dir);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static CosmosSettings settings(String container, Duration ttl) {
        return new CosmosSettings(URI.create(server.endpoint()), Optional.of(CosmosTestServer.KEY),
                new ContainerLayout("footfall", container, Optional.ofNullable(ttl)), false);
    }

    @Test
    void initIsIdempotentAndAppliesTtlChanges() {
        try (CosmosCounts counts = CosmosCounts.connect(settings("init", null))) {
            assertThat(counts.init()).isEqualTo(CosmosCounts.InitOutcome.CREATED);
            assertThat(counts.init()).isEqualTo(CosmosCounts.InitOutcome.UNCHANGED);
        }
        try (CosmosCounts counts = CosmosCounts.connect(settings("init", Duration.ofDays(90)))) {
            assertThat(counts.init()).isEqualTo(CosmosCounts.InitOutcome.UPDATED);
            assertThat(counts.init()).isEqualTo(CosmosCounts.InitOutcome.UNCHANGED);
        }
    }

    @Test
    void upsertTwiceKeepsOneDocumentPerRecordAndReadsBackTheWireRecord() {
        CosmosDocuments docs = CosmosDocuments.wire();
        WireRecord crossing = docs.parseLine("{\"schema\":1,\"id\":\"dev-1/cam #1/crossing/42?x\",\"type\":\"crossing\","
                + "\"store\":\"store-042\",\"device\":\"dev-1\",\"camera\":\"cam #1\",\"at\":\"2026-11-25T23:59:59.500Z\",\"line\":\"door\","
                + "\"direction\":\"in\",\"trackId\":42,\"frame\":10,\"ptsMillis\":400}", "test:1");
        ObjectNode doc = docs.toDocument(crossing, "from-the-blob-name");
        assertThat(doc.get("id").asText()).isEqualTo("dev-1%2Fcam %231%2Fcrossing%2F42%3Fx");
        assertThat(doc.get("partitionKey").asText()).isEqualTo("store-042-2026-11-25");
        try (CosmosCounts counts = CosmosCounts.connect(settings("upsert", null))) {
            counts.init();
            assertThat(counts.upsertAll(List.of(doc))).isEqualTo(1);
            assertThat(counts.upsertAll(List.of(doc))).isEqualTo(1);
            List<JsonNode> stored = counts.partition("store-042-2026-11-25");
            assertThat(stored).hasSize(1);
            assertThat(docs.toWire(stored.get(0))).isEqualTo(crossing);
            assertThat(counts.partition("store-042-2026-11-26")).isEmpty();
        }
    }

    @Test
    void aContainerPartitionedOtherwiseIsRefused() {
        try (CosmosCounts counts = CosmosCounts.connect(settings("other", null))) {
            counts.init();
        }
        // Not reachable through the layout: a container made by hand with another key.
        assertThatThrownBy(() -> new ContainerLayout("footfall", "a/b", Optional.empty()))
                .hasMessageContaining("container 'a/b'");
    }
}

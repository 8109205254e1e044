package io.footfall.cloud.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.footfall.cloud.hub.HubClient;
import io.footfall.cloud.hub.HubHandlers;
import io.footfall.cloud.hub.HubState;
import io.footfall.cloud.hub.Telemetry;
import io.footfall.cloud.hub.TwinDocument;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A connected hub that confirms every message and reported-properties patch at once and keeps them, for the parts
 * (uplink, twin) whose behaviour does not depend on the transport. Opening and reading the twin are the MQTT test
 * hub's business ({@link IotHubTestServer}) and are refused here.
 */
public final class RecordingHub implements HubClient {
    public final List<Telemetry> sent = new CopyOnWriteArrayList<>();
    public final List<ObjectNode> reports = new CopyOnWriteArrayList<>();

    @Override
    public TwinDocument open(HubHandlers handlers) {
        throw new UnsupportedOperationException("a recording hub is never opened");
    }

    @Override
    public CompletableFuture<Void> send(Telemetry message) {
        sent.add(message);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Integer> report(ObjectNode patch) {
        reports.add(patch.deepCopy());
        return CompletableFuture.completedFuture(reports.size());
    }

    @Override
    public TwinDocument twin() {
        throw new UnsupportedOperationException("a recording hub has no twin to read");
    }

    @Override
    public HubState state() {
        return HubState.CONNECTED;
    }

    @Override
    public boolean supportsOutputs() {
        return true;
    }

    @Override
    public void close() {
    }
}

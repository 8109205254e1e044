package io.footfall.cloud.hub;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.concurrent.CompletableFuture;

/**
 * Footfall's view of one IoT Hub identity (a device, or an IoT Edge module talking to edgeHub): telemetry, the twin
 * and direct methods, with Footfall's own types so that the SDK's checked exceptions and {@code Object}-context
 * callbacks shape nothing outside the adapter.
 *
 * <p>Thread-safe. Futures complete on SDK threads: callers must not block them.
 */
public interface HubClient extends AutoCloseable {

    /**
     * Connects (retrying inside the SDK), subscribes to methods and desired properties, then reads the whole twin,
     * in that order, so that no desired patch can slip between the read and the subscription. Patches delivered
     * before this returns carry versions the returned twin already includes.
     */
    TwinDocument open(HubHandlers handlers) throws HubException;

    /** Sends one message; completes when the hub (or edgeHub) confirmed it, exceptionally when it did not. */
    CompletableFuture<Void> send(Telemetry message);

    /** Patches reported properties; completes with the new reported version. */
    CompletableFuture<Integer> report(ObjectNode patch);

    /** Reads the twin again (after a reconnect, desired versions may have moved). */
    TwinDocument twin() throws HubException;

    HubState state();

    /** Whether {@link Telemetry#output()} is honoured (a module) or ignored (a device). */
    boolean supportsOutputs();

    @Override
    void close();
}

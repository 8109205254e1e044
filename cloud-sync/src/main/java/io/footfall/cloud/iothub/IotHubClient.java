package io.footfall.cloud.iothub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.JsonParser;
import com.microsoft.azure.sdk.iot.device.ClientOptions;
import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.InternalClient;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubStatusCode;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodPayload;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodResponse;
import com.microsoft.azure.sdk.iot.device.twin.Twin;
import com.microsoft.azure.sdk.iot.device.twin.TwinCollection;
import io.footfall.cloud.hub.DesiredPatch;
import io.footfall.cloud.hub.HubClient;
import io.footfall.cloud.hub.HubException;
import io.footfall.cloud.hub.HubHandlers;
import io.footfall.cloud.hub.HubState;
import io.footfall.cloud.hub.MethodCall;
import io.footfall.cloud.hub.MethodReply;
import io.footfall.cloud.hub.Telemetry;
import io.footfall.cloud.hub.TwinDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import java.util.Date;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@link HubClient} on the Azure IoT device SDK (v2, MQTT): a {@link DeviceClient} for a device connection string, a
 * {@link ModuleClient} for a module connection string or IoT Edge's environment. The only class that sees the SDK.
 */
public final class IotHubClient implements HubClient {
    private static final Logger log = LoggerFactory.getLogger(IotHubClient.class);
    /**
     * The SDK waits a minute for a twin read. An answer that never comes (throttling, or a connection that dropped
     * between the request and its answer) would hold the session, and with it every twin acknowledgement, that long;
     * after this the read fails and the session opens a fresh connection.
     */
    static final int TWIN_READ_TIMEOUT_MILLIS = 20_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InternalClient client;
    private final boolean module;
    private volatile HubState state = HubState.CLOSED;
    private volatile boolean closed;

    private IotHubClient(InternalClient client, boolean module) {
        this.client = client;
        this.module = module;
    }

    /**
     * Builds (does not connect) a client.
     *
     * @param trust the CA to trust instead of the SDK's public roots (a transparent gateway, a test hub); empty for
     *              the default (under IoT Edge the SDK takes edgeHub's CA from the environment)
     * @throws HubException the identity is unusable; the message never quotes the connection string
     */
    public static IotHubClient create(HubIdentity identity, Optional<SSLContext> trust) throws HubException {
        ClientOptions options = trust.map(ssl -> ClientOptions.builder().sslContext(ssl).build()).orElse(null);
        try {
            if (identity instanceof HubIdentity.ConnectionString cs) {
                boolean module = cs.isModule();
                InternalClient c = module
                        ? options == null ? new ModuleClient(cs.secret(), IotHubClientProtocol.MQTT)
                        : new ModuleClient(cs.secret(), IotHubClientProtocol.MQTT, options)
                        : options == null ? new DeviceClient(cs.secret(), IotHubClientProtocol.MQTT)
                        : new DeviceClient(cs.secret(), IotHubClientProtocol.MQTT, options);
                return new IotHubClient(c, module);
            }
            return new IotHubClient(ModuleClient.createFromEnvironment(new JdkUnixSocketChannel(),
                    IotHubClientProtocol.MQTT, options), true);
        } catch (IllegalArgumentException e) {
            // The SDK's message may quote the string it could not parse: do not pass it on.
            throw new HubException("the IoT Hub connection string is not valid: expected "
                    + "HostName=<hub>.azure-devices.net;DeviceId=<device>[;ModuleId=<module>];SharedAccessKey=<key>",
                    false, null);
        } catch (IotHubClientException | IllegalStateException e) {
            throw new HubException("cannot create the IoT Edge module client from the environment: "
                    + safeMessage(e), false, null);
        }
    }

    @Override
    public boolean supportsOutputs() {
        return module;
    }

    @Override
    public TwinDocument open(HubHandlers handlers) throws HubException {
        client.setConnectionStatusChangeCallback(ctx -> {
            HubState s = map(ctx.getNewStatus());
            state = s;
            String reason = String.valueOf(ctx.getNewStatusReason());
            log.info("event=iothub_connection state={} reason={}", s, reason);
            handlers.stateChanged(s, reason);
        }, null);
        try {
            client.open(true);
            state = HubState.CONNECTED;
            client.subscribeToMethods((name, payload, ctx) -> {
                MethodReply reply;
                try {
                    reply = handlers.method(new MethodCall(name, parse(payload)));
                } catch (RuntimeException e) {
                    log.warn("event=method_failed method={} error={}", name, e.toString());
                    reply = MethodReply.error(500, "method " + name + " failed: " + e.getMessage());
                }
                return new DirectMethodResponse(reply.status(), JsonParser.parseString(reply.payload().toString()));
            }, null);
            client.subscribeToDesiredProperties((twin, ctx) -> {
                TwinCollection d = twin.getDesiredProperties();
                if (d == null || d.getVersion() == null) {
                    return;
                }
                handlers.desiredPatch(new DesiredPatch(d.getVersion(), withoutMeta(d)));
            }, null);
            return twin();
        } catch (IotHubClientException e) {
            throw failure("open", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubException("interrupted while opening the IoT Hub connection", true, e);
        }
    }

    @Override
    public TwinDocument twin() throws HubException {
        try {
            Twin t = client.getTwin(TWIN_READ_TIMEOUT_MILLIS);
            TwinCollection d = t.getDesiredProperties();
            TwinCollection r = t.getReportedProperties();
            return new TwinDocument(withoutMeta(d), d.getVersion() == null ? 0 : d.getVersion(),
                    r == null ? JSON.createObjectNode() : withoutMeta(r));
        } catch (IotHubClientException e) {
            throw failure("get twin", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubException("interrupted while reading the twin", true, e);
        }
    }

    @Override
    public CompletableFuture<Void> send(Telemetry t) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Message m = new Message(t.body());
        m.setMessageId(t.messageId());
        m.setContentType("application/json");
        m.setContentEncoding("utf-8");
        m.setCreationTimeUTC(Date.from(t.created()));
        t.properties().forEach(m::setProperty);
        try {
            com.microsoft.azure.sdk.iot.device.MessageSentCallback cb = (sent, e, ctx) -> {
                if (e == null) {
                    done.complete(null);
                } else {
                    done.completeExceptionally(failure("send message " + t.messageId(), e));
                }
            };
            if (module && t.output().isPresent()) {
                ((ModuleClient) client).sendEventAsync(m, cb, null, t.output().get());
            } else {
                client.sendEventAsync(m, cb, null);
            }
        } catch (IllegalStateException e) {
            done.completeExceptionally(new HubException("cannot send: the IoT Hub client is not open", true, null));
        }
        return done;
    }

    @Override
    public CompletableFuture<Integer> report(ObjectNode patch) {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = JSON.convertValue(patch, Map.class);
            client.updateReportedPropertiesAsync(new TwinCollection(map), (status, response, e, ctx) -> {
                if (e == null && status == IotHubStatusCode.OK) {
                    done.complete(response == null || response.getVersion() == null ? -1 : response.getVersion());
                } else if (e != null) {
                    done.completeExceptionally(failure("update reported properties", e));
                } else {
                    done.completeExceptionally(new HubException("update reported properties: status " + status,
                            true, null));
                }
            }, null);
        } catch (IllegalStateException | IllegalArgumentException e) {
            done.completeExceptionally(new HubException("cannot update reported properties: " + e.getMessage(), true,
                    null));
        }
        return done;
    }

    @Override
    public HubState state() {
        return closed ? HubState.CLOSED : state;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        state = HubState.CLOSED;
        try {
            client.close();
        } catch (RuntimeException e) {
            log.warn("event=iothub_close_failed error={}", e.toString());
        }
    }

    private static HubState map(IotHubConnectionStatus s) {
        return switch (s) {
            case CONNECTED -> HubState.CONNECTED;
            case DISCONNECTED_RETRYING -> HubState.RETRYING;
            case DISCONNECTED -> HubState.CLOSED;
        };
    }

    private static JsonNode parse(DirectMethodPayload payload) {
        try {
            String s = payload == null ? null : payload.getPayloadAsJsonString();
            return s == null || s.isBlank() ? NullNode.instance : JSON.readTree(s);
        } catch (JsonProcessingException | RuntimeException e) {
            return NullNode.instance;
        }
    }

    /** Gson → Jackson, dropping {@code $version} and {@code $metadata} (they are not configuration). */
    private static ObjectNode withoutMeta(TwinCollection c) {
        try {
            ObjectNode n = (ObjectNode) JSON.readTree(c.toJsonElement().toString());
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                if (it.next().startsWith("$")) {
                    it.remove();
                }
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the SDK produced invalid twin JSON", e);
        }
    }

    private static HubException failure(String operation, IotHubClientException e) {
        return new HubException(operation + " failed: " + e.getStatusCode(), e.isRetryable(), null);
    }

    private static String safeMessage(Exception e) {
        String m = e.getMessage();
        return m == null || m.contains("SharedAccess") ? e.getClass().getSimpleName() : m;
    }
}

package io.footfall.cloud.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;
import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.InterceptHandler;
import io.moquette.interception.messages.InterceptConnectionLostMessage;
import io.moquette.interception.messages.InterceptDisconnectMessage;
import io.moquette.interception.messages.InterceptPublishMessage;
import io.moquette.interception.messages.InterceptSubscribeMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.ssl.SslContextBuilder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for one IoT Hub, on a real MQTT broker (moquette) with TLS on 127.0.0.1:8883 (the port the SDK
 * dials), speaking IoT Hub's MQTT topics: device-to-cloud messages with their system and application properties in
 * the topic, the twin (GET, reported PATCH, desired PATCH) and direct methods. It checks each connection's SAS token
 * against the identity's key, like the hub. State (the twin, the messages received) survives {@link #stop}/{@link
 * #start}, so a test can take the "hub" away and bring it back.
 */
public final class IotHubTestServer implements AutoCloseable {
    public static final int PORT = 8883;
    public static final String HOST = "127.0.0.1";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EVENTS = Pattern.compile(
            "devices/([^/]+)/(?:modules/([^/]+)/)?messages/events/(.*?)/?");
    private static final Pattern RID = Pattern.compile("\\$rid=([^&]+)");
    private static final Pattern METHOD_RES = Pattern.compile("\\$iothub/methods/res/(\\d{3})/\\?\\$rid=(.+)");

    /** One device-to-cloud message as the hub received it. */
    public record Received(String deviceId, String moduleId, Map<String, String> properties, byte[] body) {
        public String messageId() {
            return properties.get("$.mid");
        }

        public Optional<String> output() {
            return Optional.ofNullable(properties.get("$.on"));
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new IllegalStateException("message body is not JSON: " + new String(body, StandardCharsets.UTF_8), e);
            }
        }
    }

    /** A method's answer as the hub got it. */
    public record MethodResult(int status, JsonNode payload) {
    }

    private final TestCertificate certificate;
    private final String sharedAccessKey;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, CompletableFuture<MethodResult>> pendingMethods = new ConcurrentHashMap<>();
    private final AtomicInteger rids = new AtomicInteger();
    private final Object twinLock = new Object();
    /** One twin per identity (client id {@code device} or {@code device/module}), as on the hub. */
    private final Map<String, TwinState> twins = new java.util.HashMap<>();
    private final List<ObjectNode> reportedPatches = new CopyOnWriteArrayList<>();
    private final AtomicInteger twinReads = new AtomicInteger();
    private final AtomicInteger twinReadsToIgnore = new AtomicInteger();

    private static final class TwinState {
        ObjectNode desired = JSON.createObjectNode();
        long desiredVersion = 1;
        ObjectNode reported = JSON.createObjectNode();
        long reportedVersion = 1;
    }

    private TwinState twin(String identity) {
        return twins.computeIfAbsent(identity, k -> new TwinState());
    }
    private final List<String> connects = new CopyOnWriteArrayList<>();
    private final List<String> rejected = new CopyOnWriteArrayList<>();
    /** The topic filters each connected client listens on; a dropped connection forgets them. */
    private final Map<String, java.util.Set<String>> subscriptions = new ConcurrentHashMap<>();
    private volatile Server server;

    public IotHubTestServer(TestCertificate certificate, String sharedAccessKey) {
        this.certificate = certificate;
        this.sharedAccessKey = sharedAccessKey;
    }

    public static String newKey() {
        byte[] k = new byte[32];
        new java.security.SecureRandom().nextBytes(k);
        return Base64.getEncoder().encodeToString(k);
    }

    public String deviceConnectionString(String deviceId) {
        return "HostName=" + HOST + ";DeviceId=" + deviceId + ";SharedAccessKey=" + sharedAccessKey;
    }

    public String moduleConnectionString(String deviceId, String moduleId) {
        return "HostName=" + HOST + ";DeviceId=" + deviceId + ";ModuleId=" + moduleId + ";SharedAccessKey=" + sharedAccessKey;
    }

    public synchronized IotHubTestServer start() throws Exception {
        if (server != null) {
            return this;
        }
        Properties p = new Properties();
        p.setProperty("host", HOST);
        p.setProperty("port", "disabled");
        p.setProperty("ssl_port", Integer.toString(PORT));
        p.setProperty("allow_anonymous", "false");
        p.setProperty("persistence_enabled", "false");
        java.nio.file.Path data = java.nio.file.Files.createTempDirectory("footfall-test-hub");
        data.toFile().deleteOnExit();
        p.setProperty("data_path", data.toString());
        p.setProperty("intercept.thread_pool.size", "1");
        p.setProperty("netty.mqtt.message_size", Integer.toString(300 * 1024));
        Server s = new Server();
        List<InterceptHandler> handlers = List.of(new Handler());
        s.startServer(new MemoryConfig(p), handlers,
                () -> {
                    try {
                        return SslContextBuilder.forServer(certificate.key(), certificate.certificate()).build();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                new SasAuthenticator(), new AllowAll());
        server = s;
        return this;
    }

    /** Takes the hub away: every connection drops, nothing is accepted until {@link #start}. */
    public synchronized void stop() {
        if (server != null) {
            server.stopServer();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<String> connects() {
        return List.copyOf(connects);
    }

    /**
     * Whether the identity is connected and listening for direct methods. A method invoked before that is lost, as
     * on the hub, so a test waits for this rather than for a connect.
     */
    public boolean listensForMethods(String identity) {
        return subscriptions.getOrDefault(identity, java.util.Set.of()).contains("$iothub/methods/POST/#");
    }

    /** Leaves the next {@code n} twin reads unanswered, as a hub that throttles or loses a response. */
    public void ignoreTwinReads(int n) {
        twinReadsToIgnore.set(n);
    }

    /** Twin reads (GET) the hub received, answered or not. */
    public int twinReads() {
        return twinReads.get();
    }

    /** What the hub saw, for a failing test's message. */
    public String describe() {
        return "connects=" + connects + " rejected=" + rejected + " subscriptions=" + subscriptions + " twinReads="
                + twinReads + " messages=" + received.size();
    }

    public List<String> rejectedConnects() {
        return List.copyOf(rejected);
    }

    public List<ObjectNode> reportedPatches() {
        return List.copyOf(reportedPatches);
    }

    /** The identity's reported properties ({@code device} or {@code device/module}). */
    public ObjectNode reported(String identity) {
        synchronized (twinLock) {
            return twin(identity).reported.deepCopy();
        }
    }

    /** Sets desired properties while the identity is not listening (before it connects, or while it is offline). */
    public long setDesired(String identity, ObjectNode properties) {
        synchronized (twinLock) {
            TwinState t = twin(identity);
            t.desired = properties.deepCopy();
            return ++t.desiredVersion;
        }
    }

    /**
     * Applies a desired-properties patch (JSON merge patch) to the identity's twin and sends it, as the hub does.
     * The broker has one topic space, so only the identity under test may be connected.
     */
    public long patchDesired(String identity, ObjectNode patch) {
        long version;
        synchronized (twinLock) {
            TwinState t = twin(identity);
            merge(t.desired, patch);
            version = ++t.desiredVersion;
        }
        ObjectNode body = patch.deepCopy();
        body.put("$version", version);
        publish("$iothub/twin/PATCH/properties/desired/?$version=" + version, body.toString().getBytes(StandardCharsets.UTF_8));
        return version;
    }

    /** Invokes a direct method and waits for the answer. */
    public MethodResult invoke(String method, String payloadJson, Duration timeout) throws Exception {
        String rid = Integer.toString(rids.incrementAndGet());
        CompletableFuture<MethodResult> f = new CompletableFuture<>();
        pendingMethods.put(rid, f);
        publish("$iothub/methods/POST/" + method + "/?$rid=" + rid,
                payloadJson == null ? new byte[0] : payloadJson.getBytes(StandardCharsets.UTF_8));
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            pendingMethods.remove(rid);
        }
    }

    private void publish(String topic, byte[] payload) {
        Server s = server;
        if (s == null) {
            throw new IllegalStateException("the test hub is stopped");
        }
        MqttPublishMessage m = MqttMessageBuilders.publish().topicName(topic).qos(MqttQoS.AT_LEAST_ONCE).retained(false)
                .messageId(1).payload(Unpooled.wrappedBuffer(payload)).build();
        s.internalPublish(m, "iothub");
    }

    private void onPublish(String clientId, String topic, byte[] payload) throws Exception {
        Matcher ev = EVENTS.matcher(topic);
        if (ev.matches()) {
            received.add(new Received(ev.group(1), ev.group(2), properties(ev.group(3)), payload));
            return;
        }
        if (topic.startsWith("$iothub/twin/GET/")) {
            twinReads.incrementAndGet();
            if (twinReadsToIgnore.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return;
            }
            ObjectNode twin = JSON.createObjectNode();
            synchronized (twinLock) {
                TwinState t = twin(clientId);
                ObjectNode d = t.desired.deepCopy();
                d.put("$version", t.desiredVersion);
                ObjectNode r = t.reported.deepCopy();
                r.put("$version", t.reportedVersion);
                twin.set("desired", d);
                twin.set("reported", r);
            }
            publish("$iothub/twin/res/200/?$rid=" + rid(topic), twin.toString().getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (topic.startsWith("$iothub/twin/PATCH/properties/reported/")) {
            ObjectNode patch = (ObjectNode) JSON.readTree(payload);
            long version;
            synchronized (twinLock) {
                TwinState t = twin(clientId);
                merge(t.reported, patch);
                version = ++t.reportedVersion;
            }
            reportedPatches.add(patch);
            publish("$iothub/twin/res/204/?$rid=" + rid(topic) + "&$version=" + version, new byte[0]);
            return;
        }
        Matcher res = METHOD_RES.matcher(topic);
        if (res.matches()) {
            CompletableFuture<MethodResult> f = pendingMethods.get(res.group(2));
            if (f != null) {
                f.complete(new MethodResult(Integer.parseInt(res.group(1)),
                        payload.length == 0 ? JSON.nullNode() : JSON.readTree(payload)));
            }
        }
    }

    private static String rid(String topic) {
        Matcher m = RID.matcher(topic);
        if (!m.find()) {
            throw new IllegalArgumentException("no $rid in " + topic);
        }
        return m.group(1);
    }

    /** IoT Hub's property bag in a topic: {@code k=v&k=v}, URL-encoded. */
    private static Map<String, String> properties(String bag) {
        Map<String, String> out = new LinkedHashMap<>();
        if (bag.isEmpty()) {
            return out;
        }
        for (String kv : bag.split("&")) {
            int eq = kv.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    /** JSON merge patch: null removes a key, objects merge, anything else replaces. */
    static void merge(ObjectNode target, JsonNode patch) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().startsWith("$")) {
                continue;
            }
            if (e.getValue().isNull()) {
                target.remove(e.getKey());
            } else if (e.getValue().isObject() && target.get(e.getKey()) instanceof ObjectNode o) {
                merge(o, e.getValue());
            } else {
                target.set(e.getKey(), e.getValue().deepCopy());
            }
        }
    }

    private final class Handler extends AbstractInterceptHandler {
        @Override
        public String getID() {
            return "iothub";
        }

        @Override
        public void onPublish(InterceptPublishMessage msg) {
            ByteBuf buf = msg.getPayload();
            try {
                byte[] payload = ByteBufUtil.getBytes(buf);
                if (!"iothub".equals(msg.getClientID())) {
                    IotHubTestServer.this.onPublish(msg.getClientID(), msg.getTopicName(), payload);
                }
            } catch (Exception e) {
                throw new IllegalStateException("test hub could not handle " + msg.getTopicName(), e);
            } finally {
                buf.release();
            }
        }

        @Override
        public void onSubscribe(InterceptSubscribeMessage msg) {
            subscriptions.computeIfAbsent(msg.getClientID(), k -> ConcurrentHashMap.newKeySet()).add(msg.getTopicFilter());
        }

        @Override
        public void onDisconnect(InterceptDisconnectMessage msg) {
            subscriptions.remove(msg.getClientID());
        }

        @Override
        public void onConnectionLost(InterceptConnectionLostMessage msg) {
            subscriptions.remove(msg.getClientID());
        }

        @Override
        public void onSessionLoopError(Throwable error) {
        }
    }

    /** Accepts a connection only with a valid, unexpired SAS token for the identity it names. */
    private final class SasAuthenticator implements IAuthenticator {
        @Override
        public boolean checkValid(String clientId, String username, byte[] password) {
            boolean ok = valid(clientId, username, password);
            (ok ? connects : rejected).add(clientId);
            return ok;
        }

        private boolean valid(String clientId, String username, byte[] password) {
            if (username == null || !username.startsWith(HOST + "/" + clientId + "/?api-version=") || password == null) {
                return false;
            }
            String token = new String(password, StandardCharsets.UTF_8);
            Map<String, String> f = new LinkedHashMap<>();
            for (String kv : token.replaceFirst("^SharedAccessSignature ", "").split("&")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    f.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
            }
            String sr = f.get("sr");
            String se = f.get("se");
            String sig = f.get("sig");
            if (sr == null || se == null || sig == null || Long.parseLong(se) < System.currentTimeMillis() / 1000) {
                return false;
            }
            String resource = URLDecoder.decode(sr, StandardCharsets.UTF_8);
            if (!resource.equals(HOST + "/devices/" + clientId.replace("/", "/modules/"))) {
                return false;
            }
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(Base64.getDecoder().decode(sharedAccessKey), "HmacSHA256"));
                byte[] expected = mac.doFinal((sr + "\n" + se).getBytes(StandardCharsets.UTF_8));
                byte[] given = Base64.getDecoder().decode(URLDecoder.decode(sig, StandardCharsets.UTF_8));
                return MessageDigest.isEqual(expected, given);
            } catch (Exception e) {
                return false;
            }
        }
    }

    private static final class AllowAll implements IAuthorizatorPolicy {
        @Override
        public boolean canWrite(Topic topic, String user, String client) {
            return true;
        }

        @Override
        public boolean canRead(Topic topic, String user, String client) {
            return true;
        }
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static List<String> ids(List<Received> messages) {
        List<String> out = new ArrayList<>();
        for (Received r : messages) {
            for (JsonNode n : r.json()) {
                out.add(n.path("id").asText());
            }
        }
        return out;
    }
}

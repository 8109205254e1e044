package io.footfall.cloud.testing;

import io.footfall.store.Outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Appends records in the wire shape the pipeline writes (crossings and minute aggregates) to an outbox. */
public final class WireRecords {
    private WireRecords() {
    }

    public static String crossingId(String device, String camera, int n) {
        return device + ":" + camera + ":crossing:door:" + n;
    }

    public static String aggregateId(String device, String camera, Instant start) {
        return device + ":" + camera + ":aggregate:" + start;
    }

    public static long crossing(Outbox outbox, String device, String camera, int n, Instant at) {
        String id = crossingId(device, camera, n);
        String json = "{\"schema\":1,\"id\":\"" + id + "\",\"type\":\"crossing\",\"device\":\"" + device
                + "\",\"camera\":\"" + camera + "\",\"at\":\"" + at + "\",\"line\":\"door\",\"direction\":\"in\",\"trackId\":"
                + n + ",\"frame\":" + (n * 10) + ",\"ptsMillis\":" + (n * 400) + "}";
        return outbox.append("crossing", id, at.toEpochMilli(), json.getBytes(StandardCharsets.UTF_8));
    }

    public static long aggregate(Outbox outbox, String device, String camera, Instant start, int in) {
        String id = aggregateId(device, camera, start);
        String json = "{\"schema\":1,\"id\":\"" + id + "\",\"type\":\"aggregate\",\"device\":\"" + device
                + "\",\"camera\":\"" + camera + "\",\"at\":\"" + start.plusSeconds(60) + "\",\"start\":\"" + start
                + "\",\"end\":\"" + start.plusSeconds(60) + "\",\"observedMillis\":60000,\"lines\":[{\"line\":\"door\",\"in\":"
                + in + ",\"out\":0}],\"zones\":[]}";
        return outbox.append("aggregate", id, start.plusSeconds(60).toEpochMilli(), json.getBytes(StandardCharsets.UTF_8));
    }
}

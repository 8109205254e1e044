package io.footfall.cloud.testing;

import io.footfall.store.Outbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Appends records in the wire shape the pipeline writes (crossings, minute aggregates, clips) to an outbox. */
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

    /** A finished clip of {@code file}; {@code start} is written as given (a test may make it malformed). */
    public static long clip(Outbox outbox, String device, String camera, String id, String start, String end, Path file)
            throws IOException {
        long size = Files.size(file);
        String json = "{\"schema\":1,\"id\":\"" + id + "\",\"type\":\"clip\",\"device\":\"" + device
                + "\",\"camera\":\"" + camera + "\",\"start\":\"" + start + "\",\"end\":\"" + end
                + "\",\"frames\":1394,\"bytes\":" + size + ",\"file\":\"" + file + "\"}";
        return outbox.appendClip(id, file, size, json.getBytes(StandardCharsets.UTF_8));
    }
}

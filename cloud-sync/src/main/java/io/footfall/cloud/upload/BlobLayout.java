package io.footfall.cloud.upload;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Blob names, one place for the layout the cloud side (Data Factory triggers, Cosmos loads) depends on. Times are
 * UTC. Container names come from the settings; names here are inside the container:
 * <pre>
 * counts:    {store}/{device}/{yyyy}/{MM}/{dd}/{HH}/{camera}.jsonl      (part n &gt; 1: {camera}.part{n}.jsonl)
 * clips:     {store}/{device}/{camera}/{yyyy}/{MM}/{dd}/{start}-clip.mp4    (part n &gt; 1: {start}-clip.part{n}.mp4)
 * snapshots: {store}/{device}/{camera}/{yyyy}/{MM}/{dd}/{at}.jpg
 * </pre>
 * A part &gt; 1 holds what came for a name already taken by other content: late records of an hour already written,
 * a second clip of a camera starting in the same second. Stateless.
 */
public final class BlobLayout {
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy/MM/dd/HH").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter BASIC_MILLIS = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private BlobLayout() {
    }

    public static String countFile(String store, String device, String camera, Instant hour, int part) {
        return store + "/" + device + "/" + HOUR.format(hour) + "/" + camera + (part <= 1 ? "" : ".part" + part) + ".jsonl";
    }

    public static String clip(String store, String device, String camera, Instant start, int part) {
        return store + "/" + device + "/" + camera + "/" + DAY.format(start) + "/" + BASIC.format(start) + "-clip"
                + (part <= 1 ? "" : ".part" + part) + ".mp4";
    }

    public static String snapshot(String store, String device, String camera, Instant at) {
        return store + "/" + device + "/" + camera + "/" + DAY.format(at) + "/" + BASIC_MILLIS.format(at) + ".jpg";
    }
}

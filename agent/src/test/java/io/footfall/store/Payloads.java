package io.footfall.store;

import java.nio.charset.StandardCharsets;

/** Deterministic ~200-byte crossing-event JSON payloads, so a reader can recompute what a writer appended. */
public final class Payloads {
    private Payloads() {
    }

    public static String id(long n) {
        return "cam" + (n % 4) + "-crossing-" + n;
    }

    public static byte[] crossing(long n) {
        String json = "{\"type\":\"crossing\",\"site\":\"store-0042\",\"camera\":\"cam" + (n % 4) + "\",\"line\":\"entrance-1\",\"track\":"
                + (n * 7 % 100_000) + ",\"direction\":\"" + (n % 2 == 0 ? "in" : "out") + "\",\"ptsMillis\":"
                + (n * 1000) + ",\"confidence\":0." + (500 + n % 500) + ",\"box\":[" + (n % 640) + ","
                + (n % 480) + ",48,112],\"model\":\"yolox-nano\",\"seq\":" + n + "}";
        return json.getBytes(StandardCharsets.UTF_8);
    }
}

package io.footfall.schema;

import io.footfall.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The one serializer of {@link WireRecord}s: UTF-8 JSON, one object per record, unknown fields rejected. Immutable
 * and thread-safe (Jackson's readers and writers are).
 */
public final class WireCodec {
    private static final ObjectWriter WRITER = Json.mapper().writerFor(WireRecord.class);
    private static final ObjectReader READER = Json.mapper().readerFor(WireRecord.class);

    private WireCodec() {
    }

    public static byte[] encode(WireRecord record) {
        try {
            return WRITER.writeValueAsBytes(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + record.type() + " record " + record.id(), e);
        }
    }

    /** The record as one line of JSON (no line break). */
    public static String line(WireRecord record) {
        return new String(encode(record), StandardCharsets.UTF_8);
    }

    /**
     * @throws WireFormatException when the bytes are not one record of a known type in this schema
     */
    public static WireRecord decode(byte[] json) {
        try {
            return READER.readValue(json);
        } catch (IOException e) {
            throw new WireFormatException("expected one Footfall wire record (JSON object with a known \"type\"): "
                    + firstLine(e.getMessage()), e);
        }
    }

    public static WireRecord decode(String json) {
        return decode(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Bytes that are not a wire record. */
    public static final class WireFormatException extends UncheckedIOException {
        WireFormatException(String message, IOException cause) {
            super(message, cause);
        }
    }
}

package io.footfall.store;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ByteArrayDataType;
import org.h2.mvstore.type.LongDataType;
import org.h2.mvstore.type.StringDataType;

/**
 * The open MVStore and the maps the outbox keeps in it. One instance per successful open; replaced when the
 * outbox recovers from a failed write. MVMaps are thread-safe; writes are serialised by {@link Outbox}.
 */
record StoreMaps(MVStore store,
                 MVMap<String, String> meta,
                 MVMap<Long, byte[]> records,
                 MVMap<Long, String> clips,
                 MVMap<String, Long> cursors,
                 MVMap<String, Long> kinds,
                 MVMap<String, String> dropped,
                 MVMap<Long, byte[]> config) {

    static final String META = "footfall.meta";
    static final String KEY_FORMAT = "format";
    static final String KEY_DEVICE = "device";
    static final String KEY_CREATED = "created";
    static final String KEY_LAST_SEQUENCE = "lastSequence";
    static final String KEY_LIVE_BYTES = "liveBytes";
    static final String KEY_CLIP_BYTES = "clipBytes";

    static StoreMaps open(MVStore store) {
        return new StoreMaps(store,
                store.openMap(META, new MVMap.Builder<String, String>()
                        .keyType(StringDataType.INSTANCE).valueType(StringDataType.INSTANCE)),
                store.openMap("records", new MVMap.Builder<Long, byte[]>()
                        .keyType(LongDataType.INSTANCE).valueType(ByteArrayDataType.INSTANCE)),
                store.openMap("clips", new MVMap.Builder<Long, String>()
                        .keyType(LongDataType.INSTANCE).valueType(StringDataType.INSTANCE)),
                store.openMap("cursors", new MVMap.Builder<String, Long>()
                        .keyType(StringDataType.INSTANCE).valueType(LongDataType.INSTANCE)),
                store.openMap("kinds", new MVMap.Builder<String, Long>()
                        .keyType(StringDataType.INSTANCE).valueType(LongDataType.INSTANCE)),
                store.openMap("dropped", new MVMap.Builder<String, String>()
                        .keyType(StringDataType.INSTANCE).valueType(StringDataType.INSTANCE)),
                store.openMap("config", new MVMap.Builder<Long, byte[]>()
                        .keyType(LongDataType.INSTANCE).valueType(ByteArrayDataType.INSTANCE)));
    }

    long metaLong(String key) {
        String v = meta.get(key);
        return v == null ? 0 : Long.parseLong(v);
    }

    /** Reads the first and last entry of every map so a broken page fails the open, not a later call. */
    void touch() {
        for (MVMap<?, ?> m : new MVMap<?, ?>[]{meta, records, clips, cursors, kinds, dropped, config}) {
            Object first = m.firstKey();
            if (first != null) {
                m.get(first);
                m.get(m.lastKey());
            }
        }
    }
}

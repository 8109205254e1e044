package io.footfall.store;

import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ByteArrayDataType;
import org.h2.mvstore.type.LongDataType;
import org.h2.mvstore.type.StringDataType;

import java.util.List;

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
                 MVMap<Long, byte[]> config,
                 MVMap<Long, String> losses) {

    static final String META = "footfall.meta";
    static final String LOSSES = "losses";
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
                        .keyType(LongDataType.INSTANCE).valueType(ByteArrayDataType.INSTANCE)),
                // Added after format 1 shipped; older builds ignore it (see DataLoss).
                lossesOf(store));
    }

    private static MVMap<Long, String> lossesOf(MVStore store) {
        MVMap.Builder<Long, String> b = new MVMap.Builder<Long, String>()
                .keyType(LongDataType.INSTANCE).valueType(StringDataType.INSTANCE);
        if (store.isReadOnly() && !store.hasMap(LOSSES)) {
            // A store written before the map existed, opened read-only: nothing was lost; an empty map stands in.
            return new MVStore.Builder().autoCommitDisabled().open().openMap(LOSSES, b);
        }
        return store.openMap(LOSSES, b);
    }

    long metaLong(String key) {
        String v = meta.get(key);
        return v == null ? 0 : Long.parseLong(v);
    }

    List<MVMap<?, ?>> all() {
        return List.of(meta, records, clips, cursors, kinds, dropped, config, losses);
    }

    /** Copies every entry into {@code target} (same layout), committing every {@code batch} entries. */
    void copyTo(StoreMaps target, int batch) {
        List<MVMap<?, ?>> to = target.all();
        List<MVMap<?, ?>> from = all();
        long n = 0;
        for (int i = 0; i < from.size(); i++) {
            n = copy(from.get(i), to.get(i), target.store(), batch, n);
        }
        target.store().commit();
    }

    @SuppressWarnings("unchecked")
    private static <K, V> long copy(MVMap<K, V> from, MVMap<?, ?> to, MVStore store, int batch, long n) {
        MVMap<K, V> target = (MVMap<K, V>) to;
        Cursor<K, V> c = from.cursor(null);
        while (c.hasNext()) {
            K key = c.next();
            target.put(key, c.getValue());
            if (++n % batch == 0) {
                store.commit();
            }
        }
        return n;
    }

    /** Reads the first and last entry of every map so a broken page fails the open, not a later call. */
    void touch() {
        for (MVMap<?, ?> m : all()) {
            Object first = m.firstKey();
            if (first != null) {
                m.get(first);
                m.get(m.lastKey());
            }
        }
    }
}

package io.footfall.track;

import java.util.Arrays;

/**
 * A person's appearance as a re-identification model sees it: a unit-length vector, compared by cosine distance.
 * Lives only in memory on the device: never written to the outbox, a log or a clip (see PRIVACY.md).
 *
 * <p>Immutable: the vector is copied in and never handed out.
 */
public final class Embedding {
    private final float[] v;

    private Embedding(float[] unit) {
        this.v = unit;
    }

    /**
     * The embedding of a raw model output, scaled to unit length.
     *
     * @throws IllegalArgumentException when the vector is empty, all zero or not finite
     */
    public static Embedding of(float[] raw) {
        double norm = 0;
        for (float x : raw) {
            norm += (double) x * x;
        }
        if (raw.length == 0 || !(norm > 0) || !Double.isFinite(norm)) {
            throw new IllegalArgumentException("appearance embedding: expected a non-zero finite vector, got "
                    + raw.length + " values with norm " + Math.sqrt(norm));
        }
        float[] unit = new float[raw.length];
        double inv = 1 / Math.sqrt(norm);
        for (int i = 0; i < raw.length; i++) {
            unit[i] = (float) (raw[i] * inv);
        }
        return new Embedding(unit);
    }

    /** A copy of the unit vector: for the encrypted staff gallery file only, never for a log or a record. */
    public float[] toArray() {
        return v.clone();
    }

    public int dimensions() {
        return v.length;
    }

    /**
     * Half the cosine distance, in [0, 1]: 0 is the same direction, 0.5 orthogonal (BoT-SORT's scale, so its
     * thresholds read the same).
     */
    public double distance(Embedding o) {
        if (o.v.length != v.length) {
            throw new IllegalArgumentException("appearance embeddings of " + v.length + " and " + o.v.length
                    + " dimensions cannot be compared (two different models?)");
        }
        double dot = 0;
        for (int i = 0; i < v.length; i++) {
            dot += (double) v[i] * o.v[i];
        }
        return Math.max(0, Math.min(1, (1 - dot) / 2));
    }

    /** The exponential moving average {@code alpha·this + (1-alpha)·next}, back to unit length (a track's gallery). */
    public Embedding blend(Embedding next, double alpha) {
        float[] mixed = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            mixed[i] = (float) (alpha * v[i] + (1 - alpha) * next.v[i]);
        }
        return of(mixed);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Embedding e && Arrays.equals(v, e.v);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(v);
    }

    @Override
    public String toString() {
        return "Embedding[" + v.length + " dims]"; // never the values: they describe a person
    }
}

package io.footfall.detect.openvino;

import com.sun.jna.Pointer;

/**
 * One OpenVINO object owned by Java: freed exactly once, by the first {@link #close()}.
 * Not thread-safe: close it from the thread that uses it.
 */
abstract class NativeHandle implements AutoCloseable {

    private final String kind;
    private Pointer pointer;

    NativeHandle(String kind, Pointer pointer) {
        if (pointer == null) {
            throw new IllegalStateException("OpenVINO returned no " + kind);
        }
        this.kind = kind;
        this.pointer = pointer;
    }

    /** The live native pointer; fails clearly instead of handing a freed pointer to native code. */
    final Pointer pointer() {
        if (pointer == null) {
            throw new IllegalStateException(kind + " is closed");
        }
        return pointer;
    }

    final boolean isClosed() {
        return pointer == null;
    }

    /** Releases the native object; called once with the live pointer. */
    abstract void free(Pointer p);

    @Override
    public void close() {
        Pointer p = pointer;
        if (p != null) {
            pointer = null;
            free(p);
        }
    }
}

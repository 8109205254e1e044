package io.footfall.detect.openvino;

import java.util.Arrays;

/**
 * One input or output of a model as OpenVINO reports it. Immutable.
 *
 * @param name        the tensor's name (any of its names)
 * @param shape       dimensions; -1 marks a dynamic one
 * @param elementType e.g. {@code F32}
 */
public record OvPort(String name, long[] shape, String elementType) {

    public OvPort {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    public boolean isStatic() {
        return Arrays.stream(shape).allMatch(d -> d >= 0);
    }

    /** The shape as OpenVINO prints it, e.g. {@code [1,3,320,544]} or {@code [?,3,?,?]}. */
    public String shapeText() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ",").append(shape[i] < 0 ? "?" : Long.toString(shape[i]));
        }
        return sb.append(']').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OvPort p && p.name.equals(name) && Arrays.equals(p.shape, shape)
                && p.elementType.equals(elementType);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + " " + shapeText() + " " + elementType;
    }
}

package org.ssmworkbench.core.belief;

/** Test helper: builds validated mass functions from focal-set keys and masses. */
public final class Masses {
    private Masses() {
    }

    /**
     * A validated function from alternating key / mass arguments, e.g. {@code of(f, "a,b", 0.6, "a,b,c", 0.4)}.
     * Keys are parsed by {@link Frame#parse(String)}.
     */
    public static MassFunction of(Frame frame, Object... keysAndMasses) {
        if (keysAndMasses.length % 2 != 0) {
            throw new IllegalArgumentException("expected key/mass pairs");
        }
        MassFunction.Builder b = MassFunction.builder(frame);
        for (int i = 0; i < keysAndMasses.length; i += 2) {
            b.put(frame.parse((String) keysAndMasses[i]), ((Number) keysAndMasses[i + 1]).doubleValue());
        }
        return b.build();
    }
}

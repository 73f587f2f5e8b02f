package org.ssmworkbench.io.ingest;

/** Numbers as the ingest writes them: shortest round-trip text, integers without ".0". */
final class Numbers {

    private Numbers() {
    }

    static String text(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}

package org.ssmworkbench.cli.mass;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.io.NumberOutput;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import org.ssmworkbench.core.belief.FocalMeasures;
import org.ssmworkbench.core.belief.Frame;
import org.ssmworkbench.core.belief.MassFunction;
import org.ssmworkbench.core.ssm.Selection;
import org.ssmworkbench.core.ssm.SsmScale;

/**
 * Writes the answer of `ssm mass --batch` (without --trace) straight as UTF-8 bytes: the same bytes
 * {@link MassResultWriter} makes through a Jackson generator (numbers by Jackson's own
 * {@link NumberOutput}, strings escaped by Jackson's {@link JsonStringEncoder}), without a generator
 * per line, and with each focal-set key quoted once per frame and worker. MassBatchBytesTest holds
 * the two writers to the same bytes. One instance per thread.
 */
final class MassAnswerBytes {

    private static final int MAX_CACHED_FRAMES = 64;
    private static final int MAX_CACHED_KEYS = 4096;
    private static final byte[] B_MASSES = "{\"masses\":{".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] B_CONFLICTS = "},\"conflicts\":[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] B_MEASURES = "],\"measures\":{".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] B_BEL = ":{\"bel\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] B_PL = ",\"pl\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] B_Q = ",\"q\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] B_PIGNISTIC = "},\"pignistic\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] B_NULL = "null".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] B_SELECTED_SET = ",\"selected\":{\"set\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] B_LABEL = ",\"label\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] B_BELIEF = ",\"belief\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] B_PLAUSIBILITY = ",\"plausibility\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] B_SELECTOR = ",\"selector\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] B_PATH = ",\"path\":[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] B_SET = "{\"set\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] B_NOTE = ",\"note\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] B_ACCEPTED_TRUE = ",\"accepted\":true}".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] B_ACCEPTED_FALSE = ",\"accepted\":false}".getBytes(StandardCharsets.US_ASCII);

    private final Map<Frame, Map<Long, byte[]>> keys = new IdentityHashMap<>();
    private final Map<String, byte[]> strings = new HashMap<>();
    private static final int NUMBER_SLOTS = 64;
    private final long[] numberBits = new long[NUMBER_SLOTS];
    private final byte[][] numberText = new byte[NUMBER_SLOTS][];
    private Frame atomsFrame;
    private byte[][] atomNames;

    /** Appends the answer object of {@code r} (no newline). */
    void write(BatchAnswerer.Bytes out, MassResult r) {
        write(out, r.combination().result(), r.combination().conflicts(), r.selection());
    }

    /** Appends the answer object of a fold's result, its K per step and the optional selection. */
    void write(BatchAnswerer.Bytes out, MassFunction m, double[] k, Optional<Selection> selection) {
        Frame frame = m.frame();
        Map<Long, byte[]> frameKeys = keysOf(frame);
        ascii(out, B_MASSES);
        for (int i = 0; i < m.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            key(out, frameKeys, frame, m.focalSet(i));
            out.write(':');
            number(out, m.massAt(i));
        }
        ascii(out, B_CONFLICTS);
        for (int i = 0; i < k.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            number(out, k[i]);
        }
        ascii(out, B_MEASURES);
        FocalMeasures fm = FocalMeasures.of(m);
        for (int i = 0; i < m.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            key(out, frameKeys, frame, m.focalSet(i));
            ascii(out, B_BEL);
            number(out, fm.belief(i));
            ascii(out, B_PL);
            number(out, fm.plausibility(i));
            ascii(out, B_Q);
            number(out, fm.commonality(i));
            out.write('}');
        }
        ascii(out, B_PIGNISTIC);
        if (m.emptyMass() >= 1.0 || m.size() == 1 && m.focalSet(0) == 0L) {
            ascii(out, B_NULL);
        } else {
            double[] p = m.pignistic();
            byte[][] atoms = atomsOf(frame);
            out.write('{');
            for (int i = 0; i < p.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(atoms[i], 0, atoms[i].length);
                out.write(':');
                number(out, p[i]);
            }
            out.write('}');
        }
        if (selection.isPresent()) {
            selection(out, selection.get());
        }
        out.write('}');
    }

    private void selection(BatchAnswerer.Bytes out, Selection s) {
        ascii(out, B_SELECTED_SET);
        string(out, s.code());
        ascii(out, B_LABEL);
        string(out, s.label());
        ascii(out, B_BELIEF);
        number(out, s.belief());
        ascii(out, B_PLAUSIBILITY);
        number(out, s.plausibility());
        ascii(out, B_SELECTOR);
        string(out, s.selector().id());
        if (!s.path().isEmpty()) {
            ascii(out, B_PATH);
            boolean first = true;
            for (Selection.DescentStep d : s.path()) {
                if (!first) {
                    out.write(',');
                }
                first = false;
                ascii(out, B_SET);
                string(out, SsmScale.FRAME.format(d.set()));
                ascii(out, B_BELIEF);
                number(out, d.belief());
                ascii(out, d.accepted() ? B_ACCEPTED_TRUE : B_ACCEPTED_FALSE);
            }
            out.write(']');
        }
        if (!s.note().isEmpty()) {
            ascii(out, B_NOTE);
            string(out, s.note());
        }
        out.write('}');
    }

    /** The quoted atom names of a frame, kept for the last frame asked about. */
    private byte[][] atomsOf(Frame frame) {
        if (frame != atomsFrame) {
            byte[][] a = new byte[frame.size()][];
            for (int i = 0; i < a.length; i++) {
                a[i] = quoted(frame.atom(i));
            }
            atomsFrame = frame;
            atomNames = a;
        }
        return atomNames;
    }

    private Map<Long, byte[]> keysOf(Frame frame) {
        Map<Long, byte[]> k = keys.get(frame);
        if (k == null) {
            if (keys.size() >= MAX_CACHED_FRAMES) {
                keys.clear();
            }
            k = new HashMap<>();
            keys.put(frame, k);
        }
        return k;
    }

    private static void key(BatchAnswerer.Bytes out, Map<Long, byte[]> cache, Frame frame, long set) {
        byte[] b = cache.get(set);
        if (b == null) {
            b = quoted(frame.format(set));
            if (cache.size() < MAX_CACHED_KEYS) {
                cache.put(set, b);
            }
        }
        out.write(b, 0, b.length);
    }

    private void string(BatchAnswerer.Bytes out, String s) {
        byte[] b = strings.get(s);
        if (b == null) {
            b = quoted(s);
            if (strings.size() < MAX_CACHED_KEYS) {
                strings.put(s, b);
            }
        }
        out.write(b, 0, b.length);
    }

    private static byte[] quoted(String s) {
        byte[] body = JsonStringEncoder.getInstance().quoteAsUTF8(s);
        byte[] b = new byte[body.length + 2];
        b[0] = '"';
        System.arraycopy(body, 0, b, 1, body.length);
        b[b.length - 1] = '"';
        return b;
    }

    /**
     * Appends the text of a value as printed ({@link MassResultWriter#unit}: kept in [0, 1], noise
     * cleaned). An answer repeats many values (1.0 and 0.0, a focal set's Pl and Q, the pignistic
     * probability of every atom that only Θ holds), so the text of the last few is kept, by the
     * value's bits: the same double, the same bytes.
     */
    private void number(BatchAnswerer.Bytes out, double v) {
        long bits = Double.doubleToRawLongBits(v);
        int slot = (int) (bits ^ bits >>> 29 ^ bits >>> 47) & (NUMBER_SLOTS - 1);
        byte[] text = numberText[slot];
        if (text == null || numberBits[slot] != bits) {
            text = NumberOutput.toString(MassResultWriter.unit(v), true).getBytes(StandardCharsets.ISO_8859_1);
            numberText[slot] = text;
            numberBits[slot] = bits;
        }
        out.write(text, 0, text.length);
    }

    private static void ascii(BatchAnswerer.Bytes out, byte[] s) {
        out.write(s, 0, s.length);
    }
}

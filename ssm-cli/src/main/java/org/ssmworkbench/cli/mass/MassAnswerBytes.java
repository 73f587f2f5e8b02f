package org.ssmworkbench.cli.mass;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.io.NumberOutput;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
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

    private final Map<Frame, Map<Long, byte[]>> keys = new IdentityHashMap<>();
    private final Map<String, byte[]> strings = new HashMap<>();

    /** Appends the answer object of {@code r} (no newline). */
    void write(BatchAnswerer.Bytes out, MassResult r) {
        MassFunction m = r.combination().result();
        Frame frame = m.frame();
        Map<Long, byte[]> frameKeys = keysOf(frame);
        ascii(out, "{\"masses\":{");
        for (int i = 0; i < m.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            key(out, frameKeys, frame, m.focalSet(i));
            out.write(':');
            number(out, MassResultWriter.unit(m.massAt(i)));
        }
        ascii(out, "},\"conflicts\":[");
        double[] k = r.combination().conflicts();
        for (int i = 0; i < k.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            number(out, MassResultWriter.unit(k[i]));
        }
        ascii(out, "],\"measures\":{");
        FocalMeasures fm = FocalMeasures.of(m);
        for (int i = 0; i < m.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            key(out, frameKeys, frame, m.focalSet(i));
            ascii(out, ":{\"bel\":");
            number(out, MassResultWriter.unit(fm.belief(i)));
            ascii(out, ",\"pl\":");
            number(out, MassResultWriter.unit(fm.plausibility(i)));
            ascii(out, ",\"q\":");
            number(out, MassResultWriter.unit(fm.commonality(i)));
            out.write('}');
        }
        ascii(out, "},\"pignistic\":");
        if (m.emptyMass() >= 1.0 || m.size() == 1 && m.focalSet(0) == 0L) {
            ascii(out, "null");
        } else {
            double[] p = m.pignistic();
            out.write('{');
            for (int i = 0; i < p.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                string(out, frame.atom(i));
                out.write(':');
                number(out, MassResultWriter.unit(p[i]));
            }
            out.write('}');
        }
        if (r.selection().isPresent()) {
            selection(out, r.selection().get());
        }
        out.write('}');
    }

    private void selection(BatchAnswerer.Bytes out, Selection s) {
        ascii(out, ",\"selected\":{\"set\":");
        string(out, s.code());
        ascii(out, ",\"label\":");
        string(out, s.label());
        ascii(out, ",\"belief\":");
        number(out, MassResultWriter.unit(s.belief()));
        ascii(out, ",\"plausibility\":");
        number(out, MassResultWriter.unit(s.plausibility()));
        ascii(out, ",\"selector\":");
        string(out, s.selector().id());
        if (!s.path().isEmpty()) {
            ascii(out, ",\"path\":[");
            boolean first = true;
            for (Selection.DescentStep d : s.path()) {
                if (!first) {
                    out.write(',');
                }
                first = false;
                ascii(out, "{\"set\":");
                string(out, SsmScale.FRAME.format(d.set()));
                ascii(out, ",\"belief\":");
                number(out, MassResultWriter.unit(d.belief()));
                ascii(out, d.accepted() ? ",\"accepted\":true}" : ",\"accepted\":false}");
            }
            out.write(']');
        }
        if (!s.note().isEmpty()) {
            ascii(out, ",\"note\":");
            string(out, s.note());
        }
        out.write('}');
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

    private static void number(BatchAnswerer.Bytes out, double v) {
        ascii(out, NumberOutput.toString(v, true));
    }

    private static void ascii(BatchAnswerer.Bytes out, String s) {
        int n = s.length();
        out.ensure(n);
        byte[] buf = out.buf;
        int at = out.size;
        for (int i = 0; i < n; i++) {
            buf[at + i] = (byte) s.charAt(i);
        }
        out.size = at + n;
    }
}

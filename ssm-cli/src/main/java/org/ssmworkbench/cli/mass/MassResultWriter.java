package org.ssmworkbench.cli.mass;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.ssmworkbench.core.belief.CombinationStep;
import org.ssmworkbench.core.belief.FocalMeasures;
import org.ssmworkbench.core.belief.Frame;
import org.ssmworkbench.core.belief.MassFunction;
import org.ssmworkbench.core.ssm.Selection;

/**
 * Writes a {@link MassResult} as the JSON object of `ssm mass`. Keys are canonical focal-set keys
 * (atoms in frame order, comma-joined; "" for ∅); numbers are written in full so that they round-trip,
 * and every mass, conflict, measure and probability is kept in [0, 1] (see {@link #unit}).
 */
public final class MassResultWriter {

    private MassResultWriter() {
    }

    /**
     * Writes one result object.
     *
     * @param trace also write every combination step
     */
    public static void write(JsonGenerator g, MassResult r, boolean trace) throws IOException {
        MassFunction m = r.combination().result();
        Frame frame = m.frame();
        g.writeStartObject();
        g.writeFieldName("masses");
        masses(g, m);
        g.writeArrayFieldStart("conflicts");
        for (double k : r.combination().conflicts()) {
            g.writeNumber(unit(k));
        }
        g.writeEndArray();
        FocalMeasures fm = FocalMeasures.of(m);
        g.writeObjectFieldStart("measures");
        for (int i = 0; i < m.size(); i++) {
            long set = m.focalSet(i);
            g.writeObjectFieldStart(frame.format(set));
            g.writeNumberField("bel", unit(fm.belief(i)));
            g.writeNumberField("pl", unit(fm.plausibility(i)));
            g.writeNumberField("q", unit(fm.commonality(i)));
            g.writeEndObject();
        }
        g.writeEndObject();
        if (m.emptyMass() >= 1.0 || m.size() == 1 && m.focalSet(0) == 0L) {
            g.writeNullField("pignistic");
        } else {
            double[] p = m.pignistic();
            g.writeObjectFieldStart("pignistic");
            for (int i = 0; i < p.length; i++) {
                g.writeNumberField(frame.atom(i), unit(p[i]));
            }
            g.writeEndObject();
        }
        if (r.selection().isPresent()) {
            writeSelection(g, r.selection().get());
        }
        if (trace) {
            writeTrace(g, r);
        }
        g.writeEndObject();
    }

    private static void masses(JsonGenerator g, MassFunction m) throws IOException {
        g.writeStartObject();
        for (int i = 0; i < m.size(); i++) {
            g.writeNumberField(m.frame().format(m.focalSet(i)), unit(m.massAt(i)));
        }
        g.writeEndObject();
    }

    /**
     * A mass, conflict, measure or probability as printed: a sum of masses can land an ulp or two above 1
     * (or below 0) by rounding alone, and no printed value may leave [0, 1].
     */
    static double unit(double v) {
        return v > 1.0 ? 1.0 : v < 0.0 ? 0.0 : v;
    }

    private static void writeSelection(JsonGenerator g, Selection s) throws IOException {
        g.writeObjectFieldStart("selected");
        g.writeStringField("set", s.code());
        g.writeStringField("label", s.label());
        g.writeNumberField("belief", unit(s.belief()));
        g.writeNumberField("plausibility", unit(s.plausibility()));
        g.writeStringField("selector", s.selector().id());
        if (!s.path().isEmpty()) {
            g.writeArrayFieldStart("path");
            for (Selection.DescentStep d : s.path()) {
                g.writeStartObject();
                g.writeStringField("set", org.ssmworkbench.core.ssm.SsmScale.FRAME.format(d.set()));
                g.writeNumberField("belief", unit(d.belief()));
                g.writeBooleanField("accepted", d.accepted());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!s.note().isEmpty()) {
            g.writeStringField("note", s.note());
        }
        g.writeEndObject();
    }

    private static void writeTrace(JsonGenerator g, MassResult r) throws IOException {
        g.writeStringField("rule", r.combination().rule().id());
        if (r.combination().average().isPresent()) {
            g.writeFieldName("average");
            masses(g, r.combination().average().get());
        }
        g.writeArrayFieldStart("steps");
        for (CombinationStep st : r.combination().steps()) {
            g.writeStartObject();
            g.writeNumberField("step", st.step());
            g.writeStringField("left", st.leftLabel());
            g.writeStringField("right", st.rightLabel());
            g.writeFieldName("unnormalized");
            masses(g, st.conjunctive());
            g.writeNumberField("conflict", st.conflict());
            g.writeFieldName("result");
            masses(g, st.result());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}

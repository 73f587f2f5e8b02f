package org.ssmworkbench.io.results;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.ssmworkbench.core.belief.MassFunction;
import org.ssmworkbench.core.ssm.SsmScale;

/** Pieces every JSON output of the workbench writes the same way. */
public final class JsonParts {

    private JsonParts() {
    }

    /** A mass function as an object: canonical focal-set key ("PO,SP", "" for ∅) to mass, in canonical order. */
    public static void masses(JsonGenerator g, MassFunction m) throws IOException {
        g.writeStartObject();
        for (int i = 0; i < m.size(); i++) {
            g.writeNumberField(m.frame().format(m.focalSet(i)), m.massAt(i));
        }
        g.writeEndObject();
    }

    /** A set of SSM scale atoms as a field holding the list of its codes, e.g. "hypothesis": ["PO", "SP"]. */
    public static void codes(JsonGenerator g, String field, long set) throws IOException {
        g.writeArrayFieldStart(field);
        for (String c : SsmScale.FRAME.names(set)) {
            g.writeString(c);
        }
        g.writeEndArray();
    }
}

package org.ssmworkbench.bench.whatif;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ssmworkbench.core.synthesis.Study;
import org.ssmworkbench.core.synthesis.Synthesis;
import org.ssmworkbench.io.measurements.MeasurementReader;
import org.ssmworkbench.io.project.ProjectLoader;

/**
 * The built-in case (6 studies, 19 evidence models, 93 findings), and the case with its studies
 * cloned under new ids ("S3-17") until it has at least a given number of findings: 108 copies give
 * 10,044 findings from 648 studies.
 */
public final class CaseClones {

    private CaseClones() {
    }

    /** The case as loaded from {@code examples/quantization} under the given repository root. */
    public static Synthesis load(Path root) {
        return new ProjectLoader(MeasurementReader::summarizeOne).load(root.resolve("examples").resolve("quantization"))
                .synthesis();
    }

    /** The number of findings (evidence-model inputs) of a synthesis. */
    public static int findings(Synthesis s) {
        int n = 0;
        for (Study st : s.studies()) {
            for (var em : st.evidence()) {
                n += em.effects().size();
            }
        }
        return n;
    }

    /** The case's studies cloned until the synthesis has at least {@code findings} findings. */
    public static Synthesis cloned(Synthesis c, int findings) {
        int per = findings(c);
        int copies = (findings + per - 1) / per;
        List<Study> studies = new ArrayList<>();
        for (int k = 0; k < copies; k++) {
            for (Study st : c.studies()) {
                studies.add(k == 0 ? st : new Study(st.id() + "-" + k, st.type(), st.answers(), st.explicitBelief(),
                        st.evidence()));
            }
        }
        // the case's explicit order names its own studies only; the clones follow in study order
        return c.withStudies(studies);
    }
}

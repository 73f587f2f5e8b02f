package org.ssmworkbench.io.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.ssmworkbench.core.synthesis.Citation;
import org.ssmworkbench.core.synthesis.SanityChecks;
import org.ssmworkbench.core.synthesis.SanityWarning;
import org.ssmworkbench.core.synthesis.StudyDescription;
import org.ssmworkbench.core.synthesis.SynthesisResult;
import org.ssmworkbench.io.project.Project;

/** The sanity warnings of a project's result: the core's checks, with the citations the study files give. */
public final class Sanity {

    private Sanity() {
    }

    /** The warnings, in the core's fixed order. */
    public static List<SanityWarning> of(Project project, SynthesisResult result) {
        List<SanityChecks.Citation> citations = new ArrayList<>();
        for (Map.Entry<String, StudyDescription> s : project.descriptions().entrySet()) {
            Optional<Citation> c = s.getValue().citation();
            citations.add(new SanityChecks.Citation(s.getKey(), c.flatMap(Citation::doi),
                    c.map(Citation::title).filter(t -> !t.isBlank()),
                    c.isPresent() ? c.get().year() : OptionalInt.empty()));
        }
        return SanityChecks.check(result, citations);
    }
}

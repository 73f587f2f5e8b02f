package org.ssmworkbench.io.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.ssmworkbench.core.synthesis.SanityChecks;
import org.ssmworkbench.core.synthesis.SanityWarning;
import org.ssmworkbench.core.synthesis.SynthesisResult;
import org.ssmworkbench.io.project.Project;
import org.ssmworkbench.io.project.ProjectFiles;

/** The sanity warnings of a project's result: the core's checks, with the citations the study files give. */
public final class Sanity {

    private Sanity() {
    }

    /** The warnings, in the core's fixed order. */
    public static List<SanityWarning> of(Project project, SynthesisResult result) {
        List<SanityChecks.Citation> citations = new ArrayList<>();
        for (Map.Entry<String, ProjectFiles.StudyFile> s : project.studies().entrySet()) {
            ProjectFiles.CitationEntry c = s.getValue().citation();
            citations.add(new SanityChecks.Citation(s.getKey(),
                    Optional.ofNullable(c == null ? null : c.doi()),
                    Optional.ofNullable(c == null ? null : c.title()),
                    c == null || c.year() == null ? OptionalInt.empty() : OptionalInt.of(c.year())));
        }
        return SanityChecks.check(result, citations);
    }
}

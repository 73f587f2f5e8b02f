package org.ssmworkbench.io.project;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.ssmworkbench.core.synthesis.Synthesis;

/**
 * A loaded project together with its files as parsed, for the format code in this module that
 * copies the files field by field (the exporter to the replication-package layout). Report, CLI and
 * web work on {@link Project} alone; an architecture rule keeps the parse types out of them.
 *
 * @param project   the project
 * @param file      synthesis.yaml as parsed
 * @param checklist checklist.yaml as parsed, if any
 * @param studies   study files as parsed, by study id, in combination order
 */
public record ProjectSources(Project project, ProjectFiles.SynthesisFile file,
        Optional<ProjectFiles.ChecklistFile> checklist, Map<String, ProjectFiles.StudyFile> studies) {

    /** Defensive copy keeping order. */
    public ProjectSources {
        studies = Collections.unmodifiableMap(new LinkedHashMap<>(studies));
    }

    /** The project's synthesis. */
    public Synthesis synthesis() {
        return project.synthesis();
    }

    /** The project folder. */
    public Path dir() {
        return project.dir();
    }
}

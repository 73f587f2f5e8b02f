package org.ssmworkbench.io.save;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ssmworkbench.core.synthesis.Provenance;
import org.ssmworkbench.io.project.Project;
import org.ssmworkbench.io.project.ProjectFiles;
import org.ssmworkbench.io.project.ProjectSources;

/**
 * What a save writes: the project folder, each file's content as the model gives it, and the files as
 * they were read (paths and SHA-256, to refuse overwriting a file changed on disk meanwhile).
 *
 * @param dir       the project folder
 * @param synthesis synthesis.yaml
 * @param checklist the checklist file, if the project names one
 * @param studies   study files by study id, in combination order
 * @param inputs    every file read when the project was loaded
 */
public record ProjectContent(Path dir, ProjectFiles.SynthesisFile synthesis,
        Optional<ProjectFiles.ChecklistFile> checklist, Map<String, ProjectFiles.StudyFile> studies,
        List<Provenance.Input> inputs) {

    /** Defensive copies keeping order. */
    public ProjectContent {
        studies = Collections.unmodifiableMap(new LinkedHashMap<>(studies));
        inputs = List.copyOf(inputs);
    }

    /** The content of a loaded project, as read ({@link org.ssmworkbench.io.project.ProjectLoader#loadSources}). */
    public static ProjectContent of(ProjectSources sources) {
        return new ProjectContent(sources.dir(), sources.file(), sources.checklist(), sources.studies(),
                sources.project().inputs());
    }

    /** The same content with synthesis.yaml replaced. */
    public ProjectContent withSynthesis(ProjectFiles.SynthesisFile file) {
        return new ProjectContent(dir, file, checklist, studies, inputs);
    }

    /** The same content with one study's file replaced, or added at the end when the id is new. */
    public ProjectContent withStudy(String id, ProjectFiles.StudyFile study) {
        Map<String, ProjectFiles.StudyFile> s = new LinkedHashMap<>(studies);
        s.put(id, study);
        return new ProjectContent(dir, synthesis, checklist, s, inputs);
    }

    /** The same content with the checklist file replaced. */
    public ProjectContent withChecklist(ProjectFiles.ChecklistFile file) {
        return new ProjectContent(dir, synthesis, Optional.of(file), studies, inputs);
    }
}

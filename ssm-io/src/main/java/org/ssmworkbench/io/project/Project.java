package org.ssmworkbench.io.project;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ssmworkbench.core.sensitivity.SensitivityPlan;
import org.ssmworkbench.core.synthesis.Synthesis;

/**
 * A loaded synthesis project: the core {@link Synthesis} plus what only people read (citations,
 * context, notes) and the provenance of every input file.
 *
 * @param dir          the project folder
 * @param synthesis    the synthesis, ready to run
 * @param file         synthesis.yaml as read
 * @param checklist    checklist.yaml as read, if any
 * @param studies      study files as read, by study id, in combination order
 * @param inputs       every file read, with its hash, in reading order
 * @param zeroBaseline substitute for a zero baseline in raw measurements; empty: reject
 * @param warnings     things worth a look that are not errors
 * @param sensitivity  what `ssm sensitivity` varies beyond its fixed analyses
 */
public record Project(Path dir, Synthesis synthesis, ProjectFiles.SynthesisFile file,
        Optional<ProjectFiles.ChecklistFile> checklist, Map<String, ProjectFiles.StudyFile> studies,
        List<InputFile> inputs, Optional<Double> zeroBaseline, List<String> warnings,
        SensitivityPlan sensitivity) {

    /** Defensive copies keeping order. */
    public Project {
        studies = Collections.unmodifiableMap(new LinkedHashMap<>(studies));
        inputs = List.copyOf(inputs);
        warnings = List.copyOf(warnings);
    }

    /** The same project with another synthesis (e.g. policies overridden on the command line). */
    public Project withSynthesis(Synthesis s) {
        return new Project(dir, s, file, checklist, studies, inputs, zeroBaseline, warnings, sensitivity);
    }

    /** The publication year of each study whose citation gives one, by study id. */
    public Map<String, Integer> years() {
        Map<String, Integer> out = new LinkedHashMap<>();
        studies.forEach((id, sf) -> {
            if (sf.citation() != null && sf.citation().year() != null) {
                out.put(id, sf.citation().year());
            }
        });
        return out;
    }

    /** The sensitivity plan with the studies' publication years (for the cumulative synthesis). */
    public SensitivityPlan sensitivityWithYears() {
        return sensitivity.withYears(years());
    }

    /**
     * A file the project read.
     *
     * @param path   path relative to the project folder, with '/' separators
     * @param sha256 hex SHA-256 of its bytes
     * @param bytes  its size
     */
    public record InputFile(String path, String sha256, long bytes) {
    }
}

package org.ssmworkbench.io.project;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ssmworkbench.core.sensitivity.SensitivityPlan;
import org.ssmworkbench.core.synthesis.Provenance;
import org.ssmworkbench.core.synthesis.StudyDescription;
import org.ssmworkbench.core.synthesis.Synthesis;

/**
 * A loaded synthesis project, in domain types only: the core {@link Synthesis}, what only people
 * read (citations, context, notes), and the provenance of every input file. The files as parsed
 * stay in this package ({@link ProjectSources}, for the exporters that copy them field by field).
 *
 * @param dir             the project folder
 * @param synthesis       the synthesis, ready to run
 * @param descriptions    citation and context per study id, in combination order
 * @param publishedSource where the published results come from (synthesis.yaml published.source), if given
 * @param publishedNotes  the note of each published result that has one, by effect id
 * @param inputs          every file read, with its hash, in reading order
 * @param zeroBaseline    substitute for a zero baseline in raw measurements; empty: reject
 * @param warnings        things worth a look that are not errors
 * @param sensitivity     what `ssm sensitivity` varies beyond its fixed analyses
 * @param date            the synthesis' own date (synthesis.yaml date:), which the report states; empty: none
 */
public record Project(Path dir, Synthesis synthesis, Map<String, StudyDescription> descriptions,
        Optional<String> publishedSource, Map<String, String> publishedNotes, List<Provenance.Input> inputs,
        Optional<Double> zeroBaseline, List<String> warnings, SensitivityPlan sensitivity,
        Optional<java.time.LocalDate> date) {

    /** Defensive copies keeping order. */
    public Project {
        descriptions = Collections.unmodifiableMap(new LinkedHashMap<>(descriptions));
        publishedNotes = Collections.unmodifiableMap(new LinkedHashMap<>(publishedNotes));
        inputs = List.copyOf(inputs);
        warnings = List.copyOf(warnings);
    }

    /** The same project with another synthesis (e.g. policies overridden on the command line). */
    public Project withSynthesis(Synthesis s) {
        return new Project(dir, s, descriptions, publishedSource, publishedNotes, inputs, zeroBaseline, warnings,
                sensitivity, date);
    }

    /** The description of a study, if the project has that study. */
    public Optional<StudyDescription> description(String studyId) {
        return Optional.ofNullable(descriptions.get(studyId));
    }

    /** The publication year of each study whose citation gives one, by study id. */
    public Map<String, Integer> years() {
        Map<String, Integer> out = new LinkedHashMap<>();
        descriptions.forEach((id, d) -> d.citation().ifPresent(c -> c.year().ifPresent(y -> out.put(id, y))));
        return out;
    }

    /** The sensitivity plan with the studies' publication years (for the cumulative synthesis). */
    public SensitivityPlan sensitivityWithYears() {
        return sensitivity.withYears(years());
    }

    /**
     * The provenance of a run of this project's synthesis (its policies as they are now) by the given tool
     * version in this JVM: every input with hash and size, every policy, the zero-baseline rule.
     */
    public Provenance provenance(String toolVersion) {
        return Provenance.of(toolVersion, inputs, synthesis.policies(), zeroBaseline);
    }
}

package org.ssmworkbench.cli.synthesize;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ssmworkbench.cli.BadInputException;
import org.ssmworkbench.cli.VersionProvider;
import org.ssmworkbench.core.belief.CombinationRule;
import org.ssmworkbench.core.sensitivity.SensitivityResult;
import org.ssmworkbench.core.ssm.ResultSelector;
import org.ssmworkbench.core.synthesis.MassAssignment;
import org.ssmworkbench.core.synthesis.Policies;
import org.ssmworkbench.core.synthesis.Provenance;
import org.ssmworkbench.core.synthesis.SynthesisResult;
import org.ssmworkbench.core.synthesis.Synthesizer;
import org.ssmworkbench.io.measurements.MeasurementReader;
import org.ssmworkbench.io.project.Project;
import org.ssmworkbench.io.project.ProjectLoader;
import org.ssmworkbench.io.results.OutputFolder;
import org.ssmworkbench.io.results.ResultsCsv;
import org.ssmworkbench.io.results.ResultsJson;
import org.ssmworkbench.report.FigureOptions;
import org.ssmworkbench.report.Report;
import org.ssmworkbench.report.ReportDate;

/** Loads a project, applies command-line policy overrides, runs the synthesis, writes its outputs. */
public final class SynthesisService {

    /** The files `ssm synthesize` writes; an existing output folder may hold only these. */
    public static final Set<String> OUTPUT_FILES = Set.of("results.json", "results.csv");

    private SynthesisService() {
    }

    /**
     * Policy overrides from the command line; null fields keep the project's policy.
     *
     * @param rule       rule override
     * @param selector   selector override
     * @param assignment mass-assignment override
     */
    public record Overrides(CombinationRule rule, ResultSelector selector, MassAssignment assignment) {
        /** No overrides. */
        public static final Overrides NONE = new Overrides(null, null, null);

        Policies apply(Policies p) {
            Policies out = p;
            if (rule != null) {
                out = out.withRule(rule);
            }
            if (selector != null) {
                out = out.withSelector(selector);
            }
            if (assignment != null) {
                out = out.withAssignment(assignment);
            }
            return out;
        }
    }

    /**
     * The project and its result.
     *
     * @param project the loaded project (policies as overridden)
     * @param result  the synthesis result
     */
    public record Outcome(Project project, SynthesisResult result) {
        /** What every output of this run states: this tool, this JVM, the inputs, the policies run. */
        public Provenance provenance() {
            return project.provenance(VersionProvider.version()).withPolicies(result.synthesis().policies());
        }
    }

    /** Loads the project in {@code dir} and runs it. */
    public static Outcome run(Path dir, Overrides overrides) {
        Project p = new ProjectLoader(MeasurementReader::summarizeOne).load(dir);
        var synthesis = p.synthesis().withPolicies(overrides.apply(p.synthesis().policies()));
        Project q = p.withSynthesis(synthesis);
        return new Outcome(q, Synthesizer.run(synthesis));
    }

    /** The output files, by name. */
    public static Map<String, byte[]> outputs(Outcome o) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("results.json", ResultsJson.write(o.project(), o.result(), o.provenance()));
        files.put("results.csv", ResultsCsv.write(o.result()));
        return files;
    }

    /**
     * What {@link #writeWithReport} wrote.
     *
     * @param kept  the top-level names kept from earlier writes, as {@link OutputFolder#write(Path, Map, Set)}
     * @param names every file written, by path relative to the output folder
     */
    public record Written(List<String> kept, Set<String> names) {
    }

    /**
     * Writes the output files plus the HTML report and its exports (report.html, findings.csv,
     * summary.tex, evidence.tex, figures/*.svg, and PDF and PNG figures when {@code figures} asks) into
     * {@code out}, all or nothing, the report built on exactly these results.json bytes and with a
     * "Sensitivity" section when {@code sensitivity} is not null. The page is written last and rendered
     * while the other files are written ({@link Report#render}), which for a report of many figures
     * takes as long; its bytes are those of {@link Report#files}.
     *
     * @param ours the names an existing {@code out} may hold, as {@link OutputFolder#write(Path, Map, Set)}
     * @throws BadInputException if SOURCE_DATE_EPOCH is set but not a number
     */
    public static Written writeWithReport(Outcome o, SensitivityResult sensitivity, FigureOptions figures, Path out,
            Set<String> ours) throws IOException {
        return writeWithReport(o, sensitivity, figures, Map.of(), out, ours);
    }

    /**
     * As {@link #writeWithReport(Outcome, SensitivityResult, FigureOptions, Path, Set)}, with more files
     * streamed into the folder (a command's own outputs, such as sensitivity.json), in their order,
     * after the results and the report's exports and before the page.
     */
    public static Written writeWithReport(Outcome o, SensitivityResult sensitivity, FigureOptions figures,
            Map<String, OutputFolder.Streamed> more, Path out, Set<String> ours) throws IOException {
        ReportDate date = reportDate(o);
        Map<String, byte[]> files = new LinkedHashMap<>(outputs(o));
        try (Report.Rendering r = Report.render(o.project(), o.result(), o.provenance(), date,
                files.get("results.json"), sensitivity, figures)) {
            files.putAll(r.files());
            Map<String, OutputFolder.Streamed> streamed = new LinkedHashMap<>();
            r.later().forEach((name, bytes) -> streamed.put(name, s -> s.write(bytes.get())));
            streamed.putAll(more);
            streamed.put(Report.HTML, s -> s.write(r.page()));
            List<String> kept = OutputFolder.write(out, files, streamed, ours);
            Set<String> names = new LinkedHashSet<>(files.keySet());
            names.addAll(streamed.keySet());
            return new Written(kept, Collections.unmodifiableSet(names));
        }
    }

    private static ReportDate reportDate(Outcome o) {
        try {
            return ReportDate.of(o.project());
        } catch (IllegalArgumentException e) {
            // SOURCE_DATE_EPOCH that is not a number: the user's environment, not a bug
            throw new BadInputException(e.getMessage(), e);
        }
    }

    /** Writes the outputs into {@code out}, all or nothing. */
    public static void write(Outcome o, Path out) throws IOException {
        write(o, out, OUTPUT_FILES);
    }

    /**
     * Writes the outputs of {@link #outputs(Outcome)} into {@code out}, all or nothing, results.json
     * streamed to its file instead of held in memory (the same bytes).
     *
     * @param ours the names an existing {@code out} may hold, as {@link OutputFolder#write(Path, Map, Set)}
     * @return the top-level names kept from earlier writes, as {@link OutputFolder#write(Path, Map, Set)}
     */
    public static List<String> write(Outcome o, Path out, Set<String> ours) throws IOException {
        Provenance provenance = o.provenance();
        return OutputFolder.write(out, Map.of("results.csv", ResultsCsv.write(o.result())),
                Map.of("results.json", s -> ResultsJson.write(o.project(), o.result(), provenance, s)), ours);
    }

    /** The summary table. */
    public static String summary(SynthesisResult r) {
        return SummaryTable.render(r);
    }
}

package org.ssmworkbench.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.ssmworkbench.core.compare.ConceptComparison;
import org.ssmworkbench.core.compare.ConceptDiff;
import org.ssmworkbench.core.compare.ConceptRow;
import org.ssmworkbench.core.compare.ConceptTree;
import org.ssmworkbench.core.compare.ConceptTrees;
import org.ssmworkbench.core.compare.MatchState;
import org.ssmworkbench.core.ssm.SsmScale;
import org.ssmworkbench.core.synthesis.EffectResult;
import org.ssmworkbench.core.synthesis.Study;
import org.ssmworkbench.core.synthesis.Synthesis;
import org.ssmworkbench.core.synthesis.SynthesisResult;
import org.ssmworkbench.report.ReportFigures;

/**
 * {@code GET /api/overview}: the research question, the steps of a synthesis and where this one
 * stands, the summary of findings (one row per effect) and the overview figure (SVG from the report).
 */
final class OverviewApi implements Api {

    private final Workspace workspace;

    /**
     * The overview of one snapshot, kept until the snapshot changes: everything in it (comparisons, figure,
     * summary, versions) follows from the snapshot, so readers between two saves share one answer's bytes.
     */
    private record Derived(Workspace.Snapshot of, byte[] json) {
    }

    private volatile Derived last;

    OverviewApi(Workspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/overview", this::overview);
    }

    /** One step of a synthesis and how far this one is. */
    record Step(String id, String label, int done, int of, String note) {
    }

    /** One row of the summary of findings. */
    record Row(String effect, String label, String family, String hypothesis, String code, Double belief,
            Double plausibility, int findings, int studies, String change, String published, Double publishedBelief) {
    }

    private void overview(Context ctx) {
        Workspace.Snapshot s = workspace.current();
        Derived d = last;
        if (d == null || d.of() != s) {
            d = new Derived(s, Json.bytes(answer(s)));
            last = d;
        }
        ctx.status(200).contentType(Json.CONTENT_TYPE).result(d.json());
    }

    private static Map<String, Object> answer(Workspace.Snapshot s) {
        SynthesisResult r = s.result();
        Synthesis syn = r.synthesis();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", syn.id());
        out.put("title", syn.title());
        out.put("question", syn.question());
        out.put("intervention", syn.intervention());
        Set<String> pending = pending(s);
        out.put("steps", steps(r, pending));
        out.put("pending", pending);
        out.put("summary", rows(r));
        out.put("figure", ReportFigures.overview(r).svg());
        out.put("warnings", s.project().project().warnings());
        out.put("versions", s.versions());
        return out;
    }

    /**
     * The concepts that differ between some evidence model and the aggregate with nothing yet saying
     * what becomes of them (the comparing view's "not yet decided"), as "level:concept".
     */
    static Set<String> pending(Workspace.Snapshot s) {
        SynthesisResult r = s.result();
        Map<String, org.ssmworkbench.core.synthesis.Context> contexts = CompareApi.contexts(s);
        ConceptTree aggregate = ConceptTrees.aggregate(r, contexts);
        Set<String> out = new TreeSet<>();
        for (Study st : r.synthesis().studies()) {
            for (var m : st.evidence()) {
                ConceptComparison c = ConceptDiff.compare(ConceptTrees.model(r, contexts, st.id(), m.id()), aggregate,
                        r.synthesis());
                for (ConceptRow row : c.rows()) {
                    if (row.state() == MatchState.UNDECIDED) {
                        out.add(row.level().id() + ":" + row.any().concept());
                    }
                }
            }
        }
        return out;
    }

    static List<Step> steps(SynthesisResult r, Set<String> pending) {
        Synthesis syn = r.synthesis();
        int models = 0;
        for (Study st : syn.studies()) {
            models += st.evidence().size();
        }
        int withFindings = (int) r.findings().stream().map(f -> f.study() + "/" + f.evidence()).distinct().count();
        int beliefs = (int) r.studies().stream().filter(x -> x.beliefKnown()).count();
        int aggregated = (int) r.effects().stream().filter(e -> e.selection().isPresent()).count();
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("studies", "Studies with a study belief", beliefs, syn.studies().size(),
                syn.studies().size() + " studies included"));
        steps.add(new Step("evidence", "Evidence models with findings", withFindings, models,
                r.findings().size() + " findings"));
        int decided = syn.mappings().size();
        steps.add(new Step("concepts", "Concept decisions made", decided, decided + pending.size(),
                (pending.isEmpty() ? "none pending" : pending.size() + " pending (see Compare)")
                        + (r.dropped().isEmpty() ? "" : "; " + r.dropped().size() + " findings dropped")));
        steps.add(new Step("aggregated", "Effects aggregated", aggregated, r.effects().size(),
                syn.policies().rule().id() + " rule"));
        return steps;
    }

    static List<Row> rows(SynthesisResult r) {
        List<Row> rows = new ArrayList<>();
        for (EffectResult e : r.effects()) {
            var sel = e.selection();
            rows.add(new Row(e.effect().id(), e.effect().label(), e.effect().family(),
                    sel.map(x -> x.label()).orElse(null), sel.map(x -> x.code()).orElse(null),
                    sel.map(x -> x.belief()).orElse(null), sel.map(x -> x.plausibility()).orElse(null),
                    e.findings().size(), e.studies(), e.change().id(),
                    e.published().map(p -> SsmScale.label(p.hypothesis())).orElse(null),
                    e.published().map(p -> p.belief()).orElse(null)));
        }
        return rows;
    }
}

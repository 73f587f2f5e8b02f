package org.ssmworkbench.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ssmworkbench.core.belief.CombinationRule;
import org.ssmworkbench.core.ssm.ResultSelector;
import org.ssmworkbench.core.ssm.Selection;
import org.ssmworkbench.core.synthesis.CutPoints;
import org.ssmworkbench.core.synthesis.EffectResult;
import org.ssmworkbench.core.synthesis.EvidenceModel;
import org.ssmworkbench.core.synthesis.MassAssignment;
import org.ssmworkbench.core.synthesis.Policies;
import org.ssmworkbench.core.synthesis.Study;
import org.ssmworkbench.core.synthesis.StudyDescription;
import org.ssmworkbench.core.synthesis.Synthesis;
import org.ssmworkbench.core.synthesis.SynthesisException;
import org.ssmworkbench.core.synthesis.SynthesisResult;
import org.ssmworkbench.core.whatif.ChangeKind;
import org.ssmworkbench.core.whatif.EffectChange;
import org.ssmworkbench.core.whatif.FindingKey;
import org.ssmworkbench.core.whatif.Scenario;
import org.ssmworkbench.core.whatif.WhatIf;
import org.ssmworkbench.core.whatif.WhatIfResult;
import org.ssmworkbench.io.project.ProjectLoader;
import org.ssmworkbench.io.save.ProjectEdits;
import org.ssmworkbench.report.EffectFigures;
import org.ssmworkbench.report.ReportFigures;

/**
 * What if (docs/workbench.md, decision 0036): a scenario over the saved synthesis, computed in memory.
 *
 * <ul>
 *   <li>{@code GET /api/whatif}: what a scenario can change (studies and their findings, rules,
 *       selectors, assignments, cut points per family) and the saved result;</li>
 *   <li>{@code POST /api/whatif}: the scenario's result, the what-flips table and the figures (forest
 *       plots, theory diagram, overview, drawn by the report's figure classes); nothing is saved. The
 *       {@code Server-Timing} header gives the computation and the drawing in milliseconds (before
 *       the server's whole time for the request, {@code app});</li>
 *   <li>{@code POST /api/whatif/keep}: writes the scenario's policy overrides into synthesis.yaml's
 *       {@code policies:} (checked first; 409 on a stale version). Studies and findings switched off
 *       are not policies and are not written; the answer says so.</li>
 * </ul>
 */
final class WhatIfApi implements Api {

    /** What a forest panel is drawn from. */
    private record ForestKey(String intervention, EffectResult effect, CutPoints cuts) {
    }

    /** Forest panels already drawn: a what-if redraws only the effects it changes (16 M characters at most). */
    private final FigureCache<ForestKey> forests = new FigureCache<>(16_000_000L);

    static final Set<String> SCENARIO_MEMBERS = Set.of("studies_off", "findings_off", "rule", "selector", "assignment",
            "cut_points");

    private final Workspace workspace;
    private final Saves saves;

    WhatIfApi(Workspace workspace, Saves saves) {
        this.workspace = workspace;
        this.saves = saves;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/whatif", this::options);
        routes.post("/api/whatif", this::run);
        routes.post("/api/whatif/keep", this::keep);
    }

    /** A finding that can be switched off. */
    record FindingChoice(String key, String concept, String effect) {
    }

    /** An evidence model with its findings. */
    record ModelChoice(String id, String label, List<FindingChoice> findings) {
    }

    /** A study that can be switched off. */
    record StudyChoice(String id, String citation, String type, Double belief, List<ModelChoice> evidence) {
    }

    /** A selected hypothesis. */
    record Hyp(String code, String label, double belief, double plausibility) {
    }

    /** One line of the what-flips table. */
    record Line(String effect, String label, String kind, Hyp before, Hyp after, double delta, int findingsBefore,
            int findingsAfter, int studiesBefore, int studiesAfter, String note) {
    }

    /** One forest panel. */
    record Forest(String effect, String svg) {
    }

    private void options(Context ctx) {
        Workspace.Snapshot s = workspace.current();
        Synthesis syn = s.result().synthesis();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("studies", studies(s));
        out.put("rules", Arrays.stream(CombinationRule.values()).map(r -> Map.of("id", r.id(), "label", r.title()))
                .toList());
        out.put("selectors", Arrays.stream(ResultSelector.values()).map(r -> Map.of("id", r.id(), "label", r.title()))
                .toList());
        out.put("assignments", Arrays.stream(MassAssignment.values()).map(MassAssignment::id).toList());
        out.put("policies", policies(syn.policies()));
        out.put("version", CompareApi.version(s));
        out.putAll(answer(s, Scenario.NONE));
        Json.send(ctx, out);
    }

    private void run(Context ctx) {
        Workspace.Snapshot s = workspace.current();
        Scenario sc = scenario(Json.body(ctx), s.result().synthesis());
        Map<String, Object> out = answer(s, sc);
        @SuppressWarnings("unchecked")
        Map<String, Double> t = (Map<String, Double>) out.get("timing");
        ctx.header("Server-Timing", "whatif;dur=" + t.get("compute_ms") + ", figures;dur=" + t.get("figures_ms"));
        Json.send(ctx, out);
    }

    private void keep(Context ctx) {
        JsonNode o = Bodies.object(Json.body(ctx), union(SCENARIO_MEMBERS, Set.of("version")));
        String asked = Bodies.required(o, "version");
        ((com.fasterxml.jackson.databind.node.ObjectNode) o).remove("version");
        // under the write lock (re-entered by the save), so the tree is made from the project as saved
        Map<String, Object> out = workspace.write(s -> {
            CompareApi.refuseStale(saves, s, asked);
            Scenario sc = scenario(o, s.result().synthesis());
            if (!sc.changesPolicies()) {
                throw ApiException.located(422, "the scenario changes no policy (rule, selector, assignment or cut"
                        + " points): there is nothing to keep", null, 0, null);
            }
            Scenario policies = new Scenario(Set.of(), Set.of(), sc.rule(), sc.selector(), sc.assignment(), sc.cuts());
            for (EffectChange c : WhatIf.run(s.result(), policies).changes()) {
                if (c.kind() == ChangeKind.FAILED) {
                    throw ApiException.located(422, "not kept: under these policies " + c.note(), null, 0, null);
                }
            }
            Map<String, Object> m = new LinkedHashMap<>(saves.save(new Saves.Edit("keep the what-if policies "
                    + describe(sc), Map.of(ProjectLoader.SYNTHESIS_FILE, asked),
                    Map.of(ProjectLoader.SYNTHESIS_FILE, ProjectEdits.withPolicies(s.project(), sc)), Set.of())));
            m.put("not_written", sc.leavesOut() ? "studies and findings switched off are not policies and were"
                    + " not saved; remove them from synthesis.yaml or the study file to leave them out for good"
                    : null);
            return m;
        });
        out.put("version", CompareApi.version(workspace.current()));
        Json.send(ctx, out);
    }

    private static String describe(Scenario sc) {
        List<String> parts = new ArrayList<>();
        sc.rule().ifPresent(r -> parts.add("rule " + r.id()));
        sc.selector().ifPresent(r -> parts.add("selector " + r.id()));
        sc.assignment().ifPresent(r -> parts.add("assignment " + r.id()));
        sc.cuts().keySet().forEach(f -> parts.add("cut points " + f));
        return String.join(", ", parts);
    }

    /** The scenario's result, the what-flips table and the figures, with the time each took. */
    Map<String, Object> answer(Workspace.Snapshot s, Scenario sc) {
        long t0 = System.nanoTime();
        WhatIfResult w;
        try {
            w = WhatIf.run(s.result(), sc);
        } catch (SynthesisException e) {
            throw ApiException.located(422, e.getMessage(), null, 0, null);
        }
        long t1 = System.nanoTime();
        SynthesisResult r = w.result();
        List<Forest> forests = new ArrayList<>();
        for (EffectResult e : r.effects()) {
            ForestKey key = new ForestKey(r.synthesis().intervention(), e,
                    r.synthesis().policies().cuts(e.effect().family()));
            forests.add(new Forest(e.effect().id(), this.forests.get(key, () -> EffectFigures.forest(r, e.effect().id())
                    .svg())));
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("overview", ReportFigures.overview(r).svg());
        figures.put("theory", ReportFigures.theory(s.project().project(), r).svg());
        figures.put("forests", forests);
        long t2 = System.nanoTime();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scenario", echo(sc));
        out.put("changes", w.changes().stream().map(WhatIfApi::line).toList());
        out.put("flips", w.flips().size());
        out.put("findings", r.findings().size());
        out.put("studies_in", r.synthesis().studies().size());
        out.put("figures", figures);
        Map<String, Double> timing = new LinkedHashMap<>();
        timing.put("compute_ms", Math.round((t1 - t0) / 1e4) / 100.0);
        timing.put("figures_ms", Math.round((t2 - t1) / 1e4) / 100.0);
        out.put("timing", timing);
        return out;
    }

    /** A scenario from a request body. */
    static Scenario scenario(JsonNode body, Synthesis syn) {
        JsonNode o = Bodies.object(body, SCENARIO_MEMBERS);
        Set<String> studies = new LinkedHashSet<>(Bodies.texts(o, "studies_off"));
        Set<FindingKey> findings = new LinkedHashSet<>();
        List<String> keys = Bodies.texts(o, "findings_off");
        for (int i = 0; i < keys.size(); i++) {
            String k = keys.get(i);
            int slash = k.indexOf('/');
            int colon = k.indexOf(':', slash + 1);
            if (slash <= 0 || colon < 0 || colon == slash + 1 || colon == k.length() - 1) {
                throw ApiException.located(400, "findings_off[" + i + "]: '" + k + "' is not STUDY/EVIDENCE:CONCEPT"
                        + " (e.g. S1/e1:accuracy)", null, 0, "findings_off[" + i + "]");
            }
            findings.add(new FindingKey(k.substring(0, slash), k.substring(slash + 1, colon), k.substring(colon + 1)));
        }
        Optional<CombinationRule> rule = Bodies.text(o, "rule").map(t -> parse("rule", () -> CombinationRule.byId(t)));
        Optional<ResultSelector> selector = Bodies.text(o, "selector")
                .map(t -> parse("selector", () -> ResultSelector.byId(t)));
        Optional<MassAssignment> assignment = Bodies.text(o, "assignment")
                .map(t -> parse("assignment", () -> MassAssignment.byId(t)));
        Map<String, CutPoints> cuts = new LinkedHashMap<>();
        JsonNode c = o.get("cut_points");
        if (c != null && !c.isNull()) {
            if (!c.isObject()) {
                throw ApiException.located(400, "cut_points must map a family to its six cut points", null, 0,
                        "cut_points");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = c.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                String field = "cut_points." + e.getKey();
                if (!e.getValue().isArray()) {
                    throw ApiException.located(400, field + " must be a list of six numbers", null, 0, field);
                }
                double[] v = new double[e.getValue().size()];
                for (int i = 0; i < v.length; i++) {
                    if (!e.getValue().get(i).isNumber()) {
                        throw ApiException.located(400, field + "[" + i + "] must be a number", null, 0,
                                field + "[" + i + "]");
                    }
                    v[i] = e.getValue().get(i).doubleValue();
                }
                CutPoints cp = parse(field, () -> new CutPoints(e.getKey(), v));
                // the saved cut points are no override: leaving them in the scenario changes nothing
                if (!cp.equals(syn.policies().cutPoints().get(e.getKey()))) {
                    cuts.put(e.getKey(), cp);
                }
            }
        }
        Policies p = syn.policies();
        return new Scenario(studies, findings, rule.filter(x -> x != p.rule()), selector.filter(x -> x != p.selector()),
                assignment.filter(x -> x != p.assignment()), cuts);
    }

    private static <T> T parse(String field, java.util.function.Supplier<T> f) {
        try {
            return f.get();
        } catch (IllegalArgumentException e) {
            throw ApiException.located(422, field + ": " + e.getMessage(), null, 0, field);
        }
    }

    private static Map<String, Object> echo(Scenario sc) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("studies_off", List.copyOf(sc.studiesOff()));
        m.put("findings_off", sc.findingsOff().stream().map(FindingKey::toString).toList());
        m.put("rule", sc.rule().map(CombinationRule::id).orElse(null));
        m.put("selector", sc.selector().map(ResultSelector::id).orElse(null));
        m.put("assignment", sc.assignment().map(MassAssignment::id).orElse(null));
        Map<String, double[]> cuts = new LinkedHashMap<>();
        sc.cuts().forEach((k, v) -> cuts.put(k, v.cuts()));
        m.put("cut_points", cuts);
        m.put("changes_policies", sc.changesPolicies());
        return m;
    }

    static Map<String, Object> policies(Policies p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", p.rule().id());
        m.put("selector", p.selector().id());
        m.put("assignment", p.assignment().id());
        Map<String, double[]> cuts = new LinkedHashMap<>();
        p.cutPoints().forEach((k, v) -> cuts.put(k, v.cuts()));
        m.put("cut_points", cuts);
        return m;
    }

    private static List<StudyChoice> studies(Workspace.Snapshot s) {
        List<StudyChoice> out = new ArrayList<>();
        SynthesisResult r = s.result();
        for (Study st : r.synthesis().studies()) {
            List<ModelChoice> models = new ArrayList<>();
            for (EvidenceModel em : st.evidence()) {
                List<FindingChoice> fs = new ArrayList<>();
                for (String concept : em.effects().keySet()) {
                    String effect = r.findings().stream().filter(f -> f.study().equals(st.id())
                            && f.evidence().equals(em.id()) && f.concept().equals(concept)).map(f -> f.effect())
                            .findFirst().orElse(null);
                    fs.add(new FindingChoice(st.id() + "/" + em.id() + ":" + concept, concept, effect));
                }
                models.add(new ModelChoice(em.id(), em.label(), fs));
            }
            String cite = s.project().project().description(st.id()).flatMap(StudyDescription::citation)
                    .map(c -> (c.authors().isEmpty() ? "" : c.authors().get(0) + " ") + c.year().stream()
                            .mapToObj(Integer::toString).findFirst().orElse("") + ": " + c.title()).orElse("");
            Double belief = r.study(st.id()).filter(x -> x.beliefKnown()).map(x -> x.belief()).orElse(null);
            out.add(new StudyChoice(st.id(), cite, st.type(), belief, models));
        }
        return out;
    }

    private static Line line(EffectChange c) {
        return new Line(c.effect().id(), c.effect().label(), c.kind().id(), c.before().map(WhatIfApi::hyp).orElse(null),
                c.after().map(WhatIfApi::hyp).orElse(null), c.beliefDelta(), c.findingsBefore(), c.findingsAfter(),
                c.studiesBefore(), c.studiesAfter(), c.note());
    }

    private static Hyp hyp(Selection s) {
        return new Hyp(s.code(), s.label(), s.belief(), s.plausibility());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new LinkedHashSet<>(a);
        u.addAll(b);
        return u;
    }
}

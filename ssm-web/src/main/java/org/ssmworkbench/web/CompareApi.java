package org.ssmworkbench.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ssmworkbench.core.compare.ConceptComparison;
import org.ssmworkbench.core.compare.ConceptDecisions;
import org.ssmworkbench.core.compare.ConceptDiff;
import org.ssmworkbench.core.compare.ConceptLevel;
import org.ssmworkbench.core.compare.ConceptNode;
import org.ssmworkbench.core.compare.ConceptRow;
import org.ssmworkbench.core.compare.ConceptTree;
import org.ssmworkbench.core.compare.ConceptTrees;
import org.ssmworkbench.core.compare.DecisionFindings;
import org.ssmworkbench.core.compare.MatchState;
import org.ssmworkbench.core.ssm.SsmScale;
import org.ssmworkbench.core.synthesis.ConceptMapping;
import org.ssmworkbench.core.synthesis.EvidenceModel;
import org.ssmworkbench.core.synthesis.Study;
import org.ssmworkbench.core.synthesis.StudyDescription;
import org.ssmworkbench.core.synthesis.Synthesis;
import org.ssmworkbench.core.synthesis.SynthesisException;
import org.ssmworkbench.core.synthesis.SynthesisResult;
import org.ssmworkbench.io.project.ProjectLoader;
import org.ssmworkbench.io.save.ProjectEdits;

/**
 * Comparing and combining (docs/workbench.md): two concept trees side by side and the concept
 * decisions that resolve their differences.
 *
 * <ul>
 *   <li>{@code GET /api/compare/models}: what can be compared (every evidence model, and the aggregate);</li>
 *   <li>{@code GET /api/compare?left=S1/e1&right=aggregate}: both trees, the aligned rows with their
 *       match state (decision 0035), and every recorded decision with the findings it brings together;</li>
 *   <li>{@code POST /api/compare/preview}: the findings a proposed decision would bring together, checked,
 *       nothing written;</li>
 *   <li>{@code POST /api/compare/decisions}: records a decision in synthesis.yaml's {@code concepts:}
 *       (checked, then written by the project writer; 409 when synthesis.yaml changed since the
 *       version the request names).</li>
 * </ul>
 */
final class CompareApi implements Api {

    static final Set<String> DECISION_MEMBERS = Set.of("decision", "concepts", "into", "reason", "version");

    private final Workspace workspace;
    private final Saves saves;

    CompareApi(Workspace workspace, Saves saves) {
        this.workspace = workspace;
        this.saves = saves;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/compare/models", this::models);
        routes.get("/api/compare", this::compare);
        routes.post("/api/compare/preview", this::preview);
        routes.post("/api/compare/decisions", this::decide);
    }

    /** Something that can be compared: an evidence model or the aggregate. */
    record Choice(String id, String label) {
    }

    /** A concept of a tree. */
    record Node(String concept, String slot, List<String> values, String code, String intensity, Double weight,
            Integer findings, Integer decision, boolean dropped) {
    }

    /** One aligned row. */
    record Row(String level, String archetype, String slot, Node left, Node right, String state, String basis,
            boolean valuesAgree, Integer decision, boolean resolvable) {
    }

    /** A finding a decision is about. */
    record Brought(String study, String evidence, String label, String concept, String code, Double mass) {
    }

    /** A decision with the findings it brings together. */
    record Decision(Integer index, String decision, List<String> concepts, String into, String reason, String effect,
            List<Brought> findings, int studies) {
    }

    private void models(Context ctx) {
        Workspace.Snapshot s = workspace.current();
        Json.send(ctx, Map.of("models", choices(s), "version", version(s)));
    }

    static List<Choice> choices(Workspace.Snapshot s) {
        List<Choice> out = new ArrayList<>();
        out.add(new Choice(ConceptTree.AGGREGATE, "Aggregated theory (all studies)"));
        for (Study st : s.result().synthesis().studies()) {
            String who = s.project().project().description(st.id()).flatMap(StudyDescription::citation)
                    .map(c -> (c.authors().isEmpty() ? "" : c.authors().get(0)) + c.year().stream()
                            .mapToObj(y -> " " + y).findFirst().orElse("")).orElse("");
            for (EvidenceModel em : st.evidence()) {
                out.add(new Choice(st.id() + "/" + em.id(), st.id() + "/" + em.id() + " " + em.label()
                        + (who.isBlank() ? "" : " (" + who.strip() + ")")));
            }
        }
        return out;
    }

    private void compare(Context ctx) {
        Workspace.Snapshot s = workspace.current();
        String left = ctx.queryParam("left");
        String right = ctx.queryParam("right");
        if (left == null || right == null) {
            throw ApiException.of(400, "name both sides: ?left=S1/e1&right=S2/e1 (or right=aggregate)");
        }
        Map<String, org.ssmworkbench.core.synthesis.Context> contexts = contexts(s);
        ConceptTree l = tree(s.result(), contexts, left, "left");
        ConceptTree r = tree(s.result(), contexts, right, "right");
        ConceptComparison c = ConceptDiff.compare(l, r, s.result().synthesis());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("left", Map.of("id", l.id(), "title", l.title()));
        out.put("right", Map.of("id", r.id(), "title", r.title()));
        out.put("rows", c.rows().stream().map(CompareApi::row).toList());
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (MatchState m : MatchState.values()) {
            counts.put(m.id(), c.count(m));
        }
        out.put("counts", counts);
        out.put("decisions", decisions(s.result().synthesis()));
        out.put("effects", s.result().synthesis().effects().stream().map(e -> Map.of("id", e.id(), "label", e.label()))
                .toList());
        out.put("version", version(s));
        Json.send(ctx, out);
    }

    private void preview(Context ctx) {
        Workspace.Snapshot s = workspace.current();
        ConceptMapping m = decision(Json.body(ctx));
        Synthesis syn = s.result().synthesis();
        checked(syn, contexts(s), m);
        Json.send(ctx, decision(null, DecisionFindings.of(syn, m)));
    }

    private void decide(Context ctx) {
        JsonNode body = Json.body(ctx);
        ConceptMapping m = decision(body);
        String asked = Bodies.required(body, "version");
        // under the write lock (re-entered by the save), so the tree is made from the project as saved
        Map<String, Object> out = workspace.write(s -> {
            refuseStale(saves, s, asked);
            Synthesis syn = s.result().synthesis();
            checked(syn, contexts(s), m);
            Map<String, Object> o = new LinkedHashMap<>(saves.save(new Saves.Edit(
                    "record the decision " + m.decision().id() + " " + m.concepts(),
                    Map.of(ProjectLoader.SYNTHESIS_FILE, asked),
                    Map.of(ProjectLoader.SYNTHESIS_FILE, ProjectEdits.withConceptDecision(s.project(), m)), Set.of())));
            o.put("index", syn.mappings().size());
            return o;
        });
        Workspace.Snapshot after = workspace.current();
        out.put("decisions", decisions(after.result().synthesis()));
        out.put("version", version(after));
        Json.send(ctx, out);
    }

    /**
     * A request based on another version of synthesis.yaml than the one on disk is refused before
     * anything else is looked at (409 with both versions, as every save of the workbench answers), so a
     * stale client never gets an answer computed from a project it has not seen.
     */
    static void refuseStale(Saves saves, Workspace.Snapshot s, String asked) {
        if (!version(s).equals(asked)) {
            saves.save(new Saves.Edit("stale", Map.of(ProjectLoader.SYNTHESIS_FILE, asked),
                    Map.of(ProjectLoader.SYNTHESIS_FILE, s.project().tree(ProjectLoader.SYNTHESIS_FILE).orElseThrow()),
                    Set.of()));
            throw new IllegalStateException("a stale version was not refused");
        }
    }

    /** The checks of a new decision (core), as a located 422 on the member at fault. */
    private static void checked(Synthesis syn, Map<String, org.ssmworkbench.core.synthesis.Context> contexts,
            ConceptMapping m) {
        try {
            ConceptDecisions.add(syn, contexts, m);
        } catch (SynthesisException e) {
            throw ApiException.located(422, e.getMessage(), null, 0, "concepts");
        }
    }

    /** A decision from a request body. */
    static ConceptMapping decision(JsonNode body) {
        JsonNode o = Bodies.object(body, DECISION_MEMBERS);
        String kind = Bodies.required(o, "decision");
        ConceptMapping.Decision d;
        try {
            d = ConceptMapping.Decision.byId(kind);
        } catch (IllegalArgumentException e) {
            throw ApiException.located(422, e.getMessage(), null, 0, "decision");
        }
        List<String> concepts = Bodies.texts(o, "concepts");
        Optional<String> into = Bodies.text(o, "into");
        if (d != ConceptMapping.Decision.JOIN && into.isPresent()) {
            throw ApiException.located(422, "'into' goes with a join only (this is a " + d.id() + ")", null, 0, "into");
        }
        String reason = Bodies.text(o, "reason").orElse("");
        if (concepts.isEmpty()) {
            throw ApiException.located(422, "name at least one concept", null, 0, "concepts");
        }
        if (d == ConceptMapping.Decision.JOIN && into.map(String::isBlank).orElse(true)) {
            throw ApiException.located(422, "a join needs 'into': the effect the concepts become", null, 0, "into");
        }
        if (reason.isBlank()) {
            throw ApiException.located(422, "give a reason: every decision must be explainable", null, 0, "reason");
        }
        return new ConceptMapping(d, concepts, into.orElse(null), reason.strip());
    }

    private static ConceptTree tree(SynthesisResult r, Map<String, org.ssmworkbench.core.synthesis.Context> contexts,
            String id, String side) {
        if (id.equals(ConceptTree.AGGREGATE)) {
            return ConceptTrees.aggregate(r, contexts);
        }
        int slash = id.indexOf('/');
        if (slash <= 0 || slash == id.length() - 1) {
            throw ApiException.located(400, side + " must be STUDY/EVIDENCE (e.g. S1/e1) or aggregate, got '" + id + "'",
                    null, 0, side);
        }
        try {
            return ConceptTrees.model(r, contexts, id.substring(0, slash), id.substring(slash + 1));
        } catch (SynthesisException e) {
            throw ApiException.located(404, e.getMessage(), null, 0, side);
        }
    }

    static Map<String, org.ssmworkbench.core.synthesis.Context> contexts(Workspace.Snapshot s) {
        Map<String, org.ssmworkbench.core.synthesis.Context> out = new LinkedHashMap<>();
        s.project().project().descriptions().forEach((k, v) -> out.put(k, v.context()));
        return out;
    }

    static String version(Workspace.Snapshot s) {
        return s.versions().getOrDefault(ProjectLoader.SYNTHESIS_FILE, "");
    }

    static List<Decision> decisions(Synthesis syn) {
        List<Decision> out = new ArrayList<>();
        for (int i = 0; i < syn.mappings().size(); i++) {
            ConceptMapping m = syn.mappings().get(i);
            out.add(decision(i, DecisionFindings.of(syn, m)));
        }
        return out;
    }

    static Decision decision(Integer index, DecisionFindings d) {
        ConceptMapping m = d.decision();
        List<Brought> b = d.findings().stream().map(x -> new Brought(x.study(), x.evidence(), x.label(), x.concept(),
                x.finding().map(f -> f.intensity().code()).orElse(null), x.finding().map(f -> f.mass()).orElse(null)))
                .toList();
        return new Decision(index, m.decision().id(), m.concepts(), m.into(), m.reason(), d.effect().orElse(null), b,
                d.studies());
    }

    private static Row row(ConceptRow r) {
        boolean resolvable = r.decision().isEmpty() && (r.state() != MatchState.MATCHED
                || (r.level() != ConceptLevel.EFFECT && r.level() != ConceptLevel.INTERVENTION && !r.valuesAgree()));
        return new Row(r.level().id(), r.archetype().map(a -> a.title()).orElse(null), r.slot(),
                r.left().map(CompareApi::node).orElse(null), r.right().map(CompareApi::node).orElse(null), r.state().id(),
                r.basis().id(), r.valuesAgree(), r.decision().map(ConceptNode.Decided::index).orElse(null), resolvable);
    }

    private static Node node(ConceptNode n) {
        return new Node(n.concept(), n.slot(), n.values(),
                n.effect().map(e -> SsmScale.FRAME.format(e.set())).orElse(null),
                n.effect().map(e -> SsmScale.label(e.set())).orElse(null),
                n.effect().map(e -> e.weight()).orElse(null), n.effect().map(e -> e.findings()).orElse(null),
                n.decision().map(ConceptNode.Decided::index).orElse(null), n.dropped());
    }

}

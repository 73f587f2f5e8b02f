package org.ssmworkbench.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ssmworkbench.core.ssm.Intensity;
import org.ssmworkbench.core.synthesis.Archetype;
import org.ssmworkbench.core.synthesis.Checklist;
import org.ssmworkbench.core.synthesis.Context;
import org.ssmworkbench.core.synthesis.Finding;
import org.ssmworkbench.core.synthesis.Study;
import org.ssmworkbench.core.synthesis.StudyResult;
import org.ssmworkbench.core.synthesis.SynthesisResult;
import org.ssmworkbench.io.project.Project;
import org.ssmworkbench.report.Figure;
import org.ssmworkbench.report.ReportFigures;

/** The JSON the studies API answers with: one study as the editor shows it, and the list. */
final class StudyView {

    private StudyView() {
    }

    /** The file of a study. */
    static String file(String id) {
        return "studies/" + id + ".yaml";
    }

    /** The study belief as computed: B used, whether explicit, band × checklist, quality score. */
    static Map<String, Object> belief(StudyResult r) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("belief", r.beliefKnown() ? r.belief() : null);
        b.put("explicit", r.explicit());
        b.put("computed", r.computed().isPresent() ? r.computed().getAsDouble() : null);
        b.put("quality", r.score().map(Checklist.Score::quality).orElse(null));
        return b;
    }

    static List<Map<String, Object>> list(Workspace.Snapshot s) {
        List<Map<String, Object>> out = new ArrayList<>();
        SynthesisResult r = s.result();
        Project p = s.project().project();
        for (Study st : r.synthesis().studies()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", st.id());
            var c = p.description(st.id()).flatMap(d -> d.citation());
            m.put("title", c.map(x -> x.title()).orElse(null));
            m.put("authors", c.map(x -> String.join(", ", x.authors())).orElse(null));
            m.put("year", c.filter(x -> x.year().isPresent()).map(x -> x.year().getAsInt()).orElse(null));
            m.put("type", st.type());
            m.put("models", st.evidence().size());
            m.put("findings", r.findings().stream().filter(f -> f.study().equals(st.id())).count());
            r.study(st.id()).ifPresent(x -> m.putAll(belief(x)));
            m.put("version", s.versions().get(file(st.id())));
            out.add(m);
        }
        return out;
    }

    static Map<String, Object> one(Workspace.Snapshot s, String id, JsonNode tree) {
        SynthesisResult r = s.result();
        Project p = s.project().project();
        Study st = r.synthesis().studies().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("file", file(id));
        out.put("version", s.versions().get(file(id)));
        out.put("study", tree);
        out.put("result", r.study(id).map(StudyView::belief).orElse(null));
        out.put("checklist", r.synthesis().checklist().map(StudyView::checklist).orElse(null));
        out.put("types", r.synthesis().policies().bands().bands().keySet());
        out.put("effects", r.synthesis().effects().stream().map(e -> Map.of("id", e.id(), "label", e.label())).toList());
        out.put("intensities", java.util.Arrays.stream(Intensity.values()).map(Intensity::label).toList());
        out.put("context", context(p.description(id).map(d -> d.context()).orElse(Context.NONE)));
        List<Figure> figures = ReportFigures.evidence(p, r, id);
        List<Map<String, Object>> models = new ArrayList<>();
        for (int i = 0; i < st.evidence().size(); i++) {
            var m = st.evidence().get(i);
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", m.id());
            x.put("label", m.label());
            x.put("figure", i < figures.size() ? figures.get(i).svg() : null);
            List<Map<String, Object>> fs = new ArrayList<>();
            for (Finding f : r.findings()) {
                if (f.study().equals(id) && f.evidence().equals(m.id())) {
                    Map<String, Object> y = new LinkedHashMap<>();
                    y.put("effect", f.effect());
                    y.put("concept", f.concept());
                    y.put("intensity", f.intensity().label());
                    y.put("mass", f.mass());
                    y.put("source", f.source());
                    fs.add(y);
                }
            }
            x.put("findings", fs);
            models.add(x);
        }
        out.put("models", models);
        return out;
    }

    private static List<Map<String, Object>> checklist(Checklist c) {
        List<Map<String, Object>> qs = new ArrayList<>();
        for (Checklist.Question q : c.questions()) {
            qs.add(Map.of("id", q.id(), "text", q.text(), "items", q.items().stream()
                    .map(i -> Map.of("id", i.id(), "text", i.text())).toList()));
        }
        return qs;
    }

    /** Context aspects grouped under their archetypes, in the archetypes' order. */
    private static Map<String, List<Map<String, Object>>> context(Context c) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        for (Archetype a : Archetype.values()) {
            List<Map<String, Object>> aspects = new ArrayList<>();
            for (Context.Aspect x : c.aspects()) {
                if (x.archetype() == a) {
                    aspects.add(Map.of("key", x.key(), "values", x.values()));
                }
            }
            if (!aspects.isEmpty()) {
                out.put(a.title(), aspects);
            }
        }
        return out;
    }
}

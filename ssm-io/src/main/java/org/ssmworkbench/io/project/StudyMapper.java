package org.ssmworkbench.io.project;

import static org.ssmworkbench.io.project.ParsedFile.append;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import org.ssmworkbench.core.ssm.Intensity;
import org.ssmworkbench.core.synthesis.Answer;
import org.ssmworkbench.core.synthesis.Checklist;
import org.ssmworkbench.core.synthesis.ConceptMap;
import org.ssmworkbench.core.synthesis.Designs;
import org.ssmworkbench.core.synthesis.Direction;
import org.ssmworkbench.core.synthesis.Effect;
import org.ssmworkbench.core.synthesis.EffectInput;
import org.ssmworkbench.core.synthesis.EffectSize;
import org.ssmworkbench.core.synthesis.EvidenceModel;
import org.ssmworkbench.core.synthesis.GroupSummary;
import org.ssmworkbench.core.synthesis.Policies;
import org.ssmworkbench.core.synthesis.Provenance;
import org.ssmworkbench.core.synthesis.SpreadPolicy;
import org.ssmworkbench.core.synthesis.Study;
import org.ssmworkbench.core.synthesis.SummaryStatistics;
import org.ssmworkbench.io.InputException;
import org.ssmworkbench.io.measurements.MeasurementColumns;
import org.ssmworkbench.io.measurements.MeasurementException;
import org.ssmworkbench.io.measurements.MeasurementReader;
import org.ssmworkbench.io.measurements.MeasurementUse;
import org.ssmworkbench.io.text.NearMiss;

/**
 * Maps a study file ({@link ProjectFiles.StudyFile}) to a core {@link Study}: identity, type,
 * checklist answers or belief, and per evidence model its moderators and effect inputs (summary
 * statistics, raw measurements summarized on the way, or a direct intensity and mass). Immutable
 * and safe to use from several threads: the loader maps study files in parallel.
 */
final class StudyMapper {

    private final ProjectFolder folder;
    private final Map<String, Effect> effects;
    private final ConceptMap concepts;
    private final Optional<Checklist> checklist;
    private final Policies policies;
    private final Optional<Double> zero;
    private final MeasurementSummarizer measurements;

    StudyMapper(ProjectFolder folder, Map<String, Effect> effects, ConceptMap concepts, Optional<Checklist> checklist, Policies policies, Optional<Double> zero,
            MeasurementSummarizer measurements) {
        this.folder = folder;
        this.effects = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(effects));
        this.concepts = concepts;
        this.checklist = checklist;
        this.policies = policies;
        this.zero = zero;
        this.measurements = measurements;
    }

    /**
     * Maps one study file.
     *
     * @param listedId the id synthesis.yaml lists it under (its file name)
     * @param inputs   receives the measurement files it reads, in reading order
     */
    Study map(ParsedFile<ProjectFiles.StudyFile> doc, String listedId, List<Provenance.Input> inputs,
            List<MeasurementRef> refs) {
        ProjectFiles.StudyFile sf = doc.value();
        String id = doc.required(List.of(), "id", sf.id());
        if (!id.equals(listedId)) {
            throw doc.error(List.of("id"), "'" + id + "' does not match the file name " + listedId + ".yaml (the id"
                    + " and the file name must be the same)");
        }
        String type = doc.required(List.of(), "type", sf.type());
        if (!policies.bands().bands().containsKey(type)) {
            throw doc.error(List.of("type"), "unknown study type '" + type + "' (known: "
                    + String.join(", ", policies.bands().bands().keySet()) + ")");
        }
        Map<String, Answer> answers = new LinkedHashMap<>();
        if (sf.quality() != null && !sf.quality().isEmpty()) {
            if (checklist.isEmpty()) {
                throw doc.error(List.of("quality"), "answers a checklist, but synthesis.yaml names none"
                        + " (add 'checklist: checklist.yaml')");
            }
            Set<String> items = new HashSet<>(checklist.get().itemIds());
            for (Map.Entry<String, String> a : sf.quality().entrySet()) {
                List<Object> at = List.of("quality", a.getKey());
                if (!items.contains(a.getKey())) {
                    throw doc.error(at, "unknown checklist item '" + a.getKey() + "'");
                }
                if (a.getValue() == null) {
                    throw doc.error(at, "missing answer (yes, no or n.a.)");
                }
                answers.put(a.getKey(), doc.parse(at, () -> Answer.byId(a.getValue())));
            }
            for (String item : checklist.get().itemIds()) {
                if (!answers.containsKey(item)) {
                    throw doc.error(List.of("quality"), "item " + item + " is not answered");
                }
            }
        }
        OptionalDouble belief = OptionalDouble.empty();
        if (sf.belief() != null) {
            if (!(sf.belief() >= 0.0 && sf.belief() <= 1.0)) {
                throw doc.error(List.of("belief"), "study belief " + sf.belief() + " is outside [0, 1]");
            }
            belief = OptionalDouble.of(sf.belief());
        } else if (answers.isEmpty()) {
            throw doc.error(List.of(), "no study belief: give 'belief' or answer the checklist under 'quality'");
        }
        if (sf.evidence() == null || sf.evidence().isEmpty()) {
            throw doc.error(List.of("evidence"), "missing: a study needs at least one evidence model");
        }
        List<EvidenceModel> models = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < sf.evidence().size(); i++) {
            ProjectFiles.EvidenceEntry ee = sf.evidence().get(i);
            List<Object> at = List.of("evidence", i);
            if (ee == null) {
                throw doc.error(at, "empty entry: an evidence model needs id and effects");
            }
            String eid = doc.required(at, "id", ee.id());
            doc.checkId(append(at, "id"), eid);
            if (!ids.add(eid)) {
                throw doc.error(append(at, "id"), "evidence model '" + eid + "' appears twice in study " + id);
            }
            Map<String, String> moderators = new LinkedHashMap<>();
            if (ee.moderators() != null) {
                for (Map.Entry<String, JsonNode> m : ee.moderators().entrySet()) {
                    JsonNode v = m.getValue();
                    if (v == null || v.isNull() || v.isContainerNode()) {
                        throw doc.error(append(append(at, "moderators"), m.getKey()),
                                "expected a single value (text, number or true/false)");
                    }
                    moderators.put(m.getKey(), v.asText());
                }
            }
            if (ee.effects() == null || ee.effects().isEmpty()) {
                throw doc.error(append(at, "effects"), "missing: an evidence model needs at least one effect");
            }
            Map<String, EffectInput> effectInputs = new LinkedHashMap<>();
            Set<String> mapped = new HashSet<>();
            for (Map.Entry<String, ProjectFiles.EffectInputEntry> e : ee.effects().entrySet()) {
                String concept = e.getKey();
                List<Object> eat = append(append(at, "effects"), concept);
                boolean dropped = concepts.dropped(concept);
                String effectId = concepts.joined(concept);
                Effect effect = effects.get(effectId);
                if (effect == null && !dropped) {
                    throw doc.error(eat, "unknown effect '" + concept + "' (declared: "
                            + String.join(", ", effects.keySet()) + "; or map it in synthesis.yaml 'concepts')");
                }
                if (!dropped && !mapped.add(effectId)) {
                    throw doc.error(eat, "a second concept for effect '" + effectId + "' in the same evidence model");
                }
                if (e.getValue() == null) {
                    throw doc.error(eat, "missing: give summary, measurements, groups, effect_size, or intensity"
                            + " and mass");
                }
                Direction direction = effect == null ? Direction.HIGHER_IS_BETTER : effect.direction();
                effectInputs.put(concept, effectInput(doc, eat, e.getValue(), eid, effectId, direction, inputs,
                        refs));
            }
            models.add(new EvidenceModel(eid, ee.label() == null ? eid : ee.label(), moderators,
                    ee.explanation(), effectInputs));
        }
        return new Study(id, type, answers, belief, models);
    }

    private EffectInput effectInput(ParsedFile<?> doc, List<Object> at, ProjectFiles.EffectInputEntry in,
            String evidence, String effect, Direction direction, List<Provenance.Input> inputs,
            List<MeasurementRef> refs) {
        int kinds = (in.summary() != null ? 1 : 0) + (in.measurements() != null ? 1 : 0)
                + (in.groups() != null ? 1 : 0) + (in.effectSize() != null ? 1 : 0)
                + (in.intensity() != null || in.mass() != null ? 1 : 0);
        if (kinds != 1) {
            throw doc.error(at, "give exactly one of: summary, measurements, groups, effect_size, or intensity"
                    + " and mass");
        }
        EffectInput.Recorded recorded = recorded(doc, append(at, "published"), in.published());
        if (in.source() != null) {
            for (Map.Entry<String, JsonNode> v : in.source().entrySet()) {
                if (v.getValue() != null && v.getValue().isContainerNode()) {
                    throw doc.error(append(append(at, "source"), v.getKey()),
                            "expected a single value (number, text, true/false or null)");
                }
            }
        }
        if (in.summary() != null) {
            return checked(doc, append(at, "summary"), summary(doc, append(at, "summary"), in.summary(), recorded),
                    direction);
        }
        if (in.groups() != null) {
            return checked(doc, append(at, "groups"), groups(doc, append(at, "groups"), in.groups(), recorded),
                    direction);
        }
        if (in.effectSize() != null) {
            return checked(doc, append(at, "effect_size"), effectSize(doc, append(at, "effect_size"),
                    in.effectSize(), recorded), direction);
        }
        if (in.measurements() != null) {
            return measurementInput(doc, append(at, "measurements"), in.measurements(), evidence, effect,
                    direction, recorded, inputs, refs);
        }
        if (in.intensity() == null) {
            throw doc.error(append(at, "intensity"), "missing: a direct input needs both intensity and mass");
        }
        if (in.mass() == null) {
            throw doc.error(append(at, "mass"), "missing: a direct input needs both intensity and mass");
        }
        Intensity i = doc.parse(append(at, "intensity"), () -> Intensity.parse(in.intensity()));
        double mass = in.mass();
        if (!(mass >= 0.0 && mass <= 1.0)) {
            throw doc.error(append(at, "mass"), "mass " + mass + " is outside [0, 1]");
        }
        return new EffectInput.Direct(i, mass, recorded);
    }

    private EffectInput measurementInput(ParsedFile<?> doc, List<Object> at, JsonNode node, String evidence,
            String effect, Direction direction, EffectInput.Recorded recorded, List<Provenance.Input> inputs,
            List<MeasurementRef> refs) {
        String file;
        String effFilter = effect;
        String evFilter = evidence;
        MeasurementColumns columns = MeasurementColumns.standard();
        String design = "paired";
        String measure = "ri";
        if (node.isTextual()) {
            file = node.asText();
        } else if (node.isObject()) {
            ProjectFiles.MeasurementsEntry me = doc.map(at, node, ProjectFiles.MeasurementsEntry.class);
            file = doc.required(at, "file", me.file());
            if (me.effect() != null) {
                effFilter = me.effect();
            }
            if (me.evidence() != null) {
                evFilter = me.evidence();
            }
            if (me.design() != null) {
                design = me.design().strip();
                if (!design.equals("paired") && !design.equals("groups")) {
                    throw doc.error(append(at, "design"), "'" + me.design() + "' is not a design (expected paired:"
                            + " one row per pair of runs, or groups: two independent groups, baseline and treated"
                            + " columns not paired)");
                }
            }
            if (me.measure() != null) {
                measure = me.measure().strip();
                if (!design.equals("groups")) {
                    throw doc.error(append(at, "measure"), "a measure is chosen for design: groups only");
                }
                if (!measure.equals("ri") && !measure.equals("g")) {
                    throw doc.error(append(at, "measure"), "'" + me.measure() + "' is not a measure (expected ri"
                            + " or g)");
                }
            }
            columns = columns(doc, at, me, form(doc, at, me, design));
        } else {
            throw doc.error(at, "expected a file path, or {file: ..., effect: ..., evidence: ..., columns: ...,"
                    + " ignore: [...]}");
        }
        Path p = folder.inside(doc, at, file);
        if (!Files.isRegularFile(p)) {
            throw doc.error(at, "measurement file '" + file + "' does not exist");
        }
        if (design.equals("groups")) {
            GroupSummary[] g;
            try {
                g = MeasurementReader.summarizeGroups(p, columns, effFilter, evFilter);
            } catch (MeasurementException e) {
                throw doc.error(at, e.getMessage(), e);
            }
            inputs.add(folder.describe(p));
            refs.add(new MeasurementRef(p, columns, new MeasurementUse(effFilter, evFilter, "evidence model "
                    + evidence + ", effect " + effect + " in " + InputException.display(doc.file())), doc, at));
            return checked(doc, at, new EffectInput.FromGroups(g[0], g[1], measure.equals("g"), folder.relative(p),
                    recorded), direction);
        }
        SummaryStatistics stats;
        try {
            stats = measurements.summarize(p, columns, effFilter, evFilter, direction, policies.quantiles(),
                    zero.orElse(null));
        } catch (MeasurementException e) {
            throw doc.error(at, e.getMessage(), e);
        }
        inputs.add(folder.describe(p));
        refs.add(new MeasurementRef(p, columns, new MeasurementUse(effFilter, evFilter, "evidence model " + evidence
                + ", effect " + effect + " in " + InputException.display(doc.file())), doc, at));
        return checked(doc, at, new EffectInput.FromSummary(stats, folder.relative(p), recorded), direction);
    }

    /** The file's layout: wide (baseline and treated columns) unless {@code form: long} says otherwise. */
    private static MeasurementColumns.Form form(ParsedFile<?> doc, List<Object> at, ProjectFiles.MeasurementsEntry me,
            String design) {
        MeasurementColumns.Form form = MeasurementColumns.Form.RUNS;
        if (me.form() != null) {
            String f = me.form().strip();
            if (!design.equals("groups")) {
                throw doc.error(append(at, "form"), "a form is chosen for design: groups only (paired runs are"
                        + " one row per pair, with baseline and treated columns)");
            }
            form = switch (f) {
                case "wide" -> MeasurementColumns.Form.RUNS;
                case "long" -> MeasurementColumns.Form.LONG;
                default -> throw doc.error(append(at, "form"), "'" + me.form() + "' is not a form"
                        + NearMiss.hint(f, List.of("wide", "long")) + " (expected wide: a baseline and a treated"
                        + " column, or long: one row per subject with a group and a value column)");
            };
        }
        if (form == MeasurementColumns.Form.LONG && me.levels() == null) {
            throw doc.error(append(at, "levels"), "missing: the long form needs the group column's value of each"
                    + " group, e.g. levels: {baseline: solo, treated: pairs}");
        }
        if (form != MeasurementColumns.Form.LONG && me.levels() != null) {
            throw doc.error(append(at, "levels"), "group values are read in the long form only (add form: long)");
        }
        return form;
    }

    private static MeasurementColumns columns(ParsedFile<?> doc, List<Object> at, ProjectFiles.MeasurementsEntry me,
            MeasurementColumns.Form form) {
        Map<String, String> roles = MeasurementColumns.defaultRoles(form);
        if (me.columns() != null) {
            for (Map.Entry<String, String> c : me.columns().entrySet()) {
                if (!roles.containsKey(c.getKey())) {
                    throw doc.error(append(append(at, "columns"), c.getKey()), "'" + c.getKey() + "' is not a"
                            + " column role" + (form == MeasurementColumns.Form.LONG ? " of the long form" : "")
                            + NearMiss.hint(c.getKey(), roles.keySet()) + " (roles: "
                            + String.join(", ", roles.keySet()) + ")");
                }
                if (c.getValue() == null || c.getValue().isBlank()) {
                    throw doc.error(append(append(at, "columns"), c.getKey()), "missing: the file's column name");
                }
                roles.put(c.getKey(), c.getValue());
            }
        }
        MeasurementColumns.Levels levels = null;
        if (me.levels() != null) {
            List<Object> lat = append(at, "levels");
            for (String k : me.levels().keySet()) {
                if (!k.equals("baseline") && !k.equals("treated")) {
                    throw doc.error(append(lat, k), "'" + k + "' is not a group" + NearMiss.hint(k,
                            List.of("baseline", "treated")) + " (expected baseline and treated)");
                }
            }
            String b = me.levels().get("baseline");
            String t = me.levels().get("treated");
            if (b == null || b.isBlank()) {
                throw doc.error(append(lat, "baseline"), "missing: the group column's value of the baseline group");
            }
            if (t == null || t.isBlank()) {
                throw doc.error(append(lat, "treated"), "missing: the group column's value of the treated group");
            }
            levels = doc.parse(lat, () -> new MeasurementColumns.Levels(b, t));
        }
        List<String> ignore = me.ignore() == null ? List.of() : me.ignore();
        MeasurementColumns.Levels l = levels;
        return doc.parse(at, () -> new MeasurementColumns(form, roles, ignore, l));
    }

    /** Runs the design's formulas once, so that what they reject is reported at its place in the file. */
    private EffectInput checked(ParsedFile<?> doc, List<Object> at, EffectInput in, Direction direction) {
        SpreadPolicy sp = policies.spread();
        try {
            if (in instanceof EffectInput.FromRiSd r) {
                Designs.riWithSd(r.n(), r.mean(), r.sd(), sp);
            } else if (in instanceof EffectInput.FromGroups g) {
                if (g.standardized()) {
                    Designs.effectSize(direction, Designs.hedges(g.baseline(), g.treated()), sp);
                } else {
                    Designs.groups(direction, g.baseline(), g.treated(), sp);
                }
            } else if (in instanceof EffectInput.FromEffectSize e) {
                Designs.effectSize(direction, e.effectSize(), sp);
            } else if (in instanceof EffectInput.FromSummary f && sp.basis() == SpreadPolicy.Basis.ESTIMATE) {
                Designs.riEstimate(f.statistics());
            }
        } catch (IllegalArgumentException e) {
            throw doc.error(at, e.getMessage(), e);
        }
        return in;
    }

    private EffectInput summary(ParsedFile<?> doc, List<Object> at, ProjectFiles.SummaryEntry s,
            EffectInput.Recorded recorded) {
        if (s.mean() == null) {
            throw doc.error(append(at, "mean"), "missing: the mean relative improvement in percent");
        }
        if (!Double.isFinite(s.mean())) {
            throw doc.error(append(at, "mean"), "must be a finite number, got " + s.mean());
        }
        if (s.n() != null && s.n() < 1) {
            throw doc.error(append(at, "n"), "must be at least 1, got " + s.n());
        }
        OptionalDouble std = optional(doc, append(at, "std"), s.std(), true);
        OptionalDouble q1 = optional(doc, append(at, "q1"), s.q1(), false);
        OptionalDouble q3 = optional(doc, append(at, "q3"), s.q3(), false);
        OptionalLong n = s.n() == null ? OptionalLong.empty() : OptionalLong.of(s.n());
        double iqr;
        if (s.iqr() != null) {
            if (!Double.isFinite(s.iqr()) || s.iqr() < 0.0) {
                throw doc.error(append(at, "iqr"), "must be a finite number ≥ 0, got " + s.iqr());
            }
            if (q1.isPresent() && q3.isPresent() && Math.abs(q3.getAsDouble() - q1.getAsDouble() - s.iqr()) > 1e-6) {
                throw doc.error(append(at, "iqr"), "iqr " + s.iqr() + " is not q3 − q1 = "
                        + (q3.getAsDouble() - q1.getAsDouble()));
            }
            iqr = s.iqr();
        } else if (q1.isPresent() || q3.isPresent()) {
            if (q1.isPresent() != q3.isPresent()) {
                throw doc.error(append(at, q1.isPresent() ? "q3" : "q1"), "missing: give both quartiles q1 and q3");
            }
            if (q1.getAsDouble() > q3.getAsDouble()) {
                throw doc.error(append(at, "q1"), "q1 " + q1.getAsDouble() + " is above q3 " + q3.getAsDouble());
            }
            iqr = q3.getAsDouble() - q1.getAsDouble();
        } else if (std.isPresent()) {
            return new EffectInput.FromRiSd(n, s.mean(), std.getAsDouble(), "summary", recorded);
        } else {
            throw doc.error(append(at, "iqr"), "missing: give the spread as iqr (0 for a single sample), as q1"
                    + " and q3, or as std");
        }
        return new EffectInput.FromSummary(new SummaryStatistics(n, s.mean(), std, q1, q3, iqr), "summary",
                recorded);
    }

    private EffectInput groups(ParsedFile<?> doc, List<Object> at, ProjectFiles.GroupsEntry g,
            EffectInput.Recorded recorded) {
        GroupSummary b = group(doc, append(at, "baseline"), g.baseline());
        GroupSummary t = group(doc, append(at, "treated"), g.treated());
        String measure = g.measure() == null ? "ri" : g.measure().strip();
        if (!measure.equals("ri") && !measure.equals("g")) {
            throw doc.error(append(at, "measure"), "'" + g.measure() + "' is not a measure (expected ri, the"
                    + " relative improvement of the two groups, or g, their Hedges' g)");
        }
        boolean standardized = measure.equals("g");
        if (standardized && (!b.hasMeanAndSd() || !t.hasMeanAndSd())) {
            throw doc.error(append(at, "measure"), "Hedges' g needs n, mean and sd for both groups");
        }
        return new EffectInput.FromGroups(b, t, standardized, "groups", recorded);
    }

    private GroupSummary group(ParsedFile<?> doc, List<Object> at, ProjectFiles.GroupEntry g) {
        if (g == null) {
            throw doc.error(at, "missing: the group's n with mean and sd, or with median, q1 and q3");
        }
        if (g.n() == null) {
            throw doc.error(append(at, "n"), "missing: the number of subjects or runs in the group");
        }
        OptionalDouble mean = optional(doc, append(at, "mean"), g.mean(), false);
        OptionalDouble sd = optional(doc, append(at, "sd"), g.sd(), true);
        OptionalDouble median = optional(doc, append(at, "median"), g.median(), false);
        OptionalDouble q1 = optional(doc, append(at, "q1"), g.q1(), false);
        OptionalDouble q3 = optional(doc, append(at, "q3"), g.q3(), false);
        return doc.parse(at, () -> new GroupSummary(g.n(), mean, sd, median, q1, q3));
    }

    private EffectInput effectSize(ParsedFile<?> doc, List<Object> at, ProjectFiles.EffectSizeEntry e,
            EffectInput.Recorded recorded) {
        if ((e.g() == null) == (e.d() == null)) {
            throw doc.error(at, "give exactly one of g (Hedges' g) and d (Cohen's d), treated minus baseline");
        }
        EffectSize.Kind kind = e.g() != null ? EffectSize.Kind.G : EffectSize.Kind.D;
        double value = e.g() != null ? e.g() : e.d();
        OptionalLong nb = e.nBaseline() == null ? OptionalLong.empty() : OptionalLong.of(e.nBaseline());
        OptionalLong nt = e.nTreated() == null ? OptionalLong.empty() : OptionalLong.of(e.nTreated());
        OptionalDouble se = e.se() == null ? OptionalDouble.empty() : OptionalDouble.of(e.se());
        EffectSize es = doc.parse(at, () -> new EffectSize(kind, value, nb, nt, se));
        return new EffectInput.FromEffectSize(es, "effect_size", recorded);
    }

    private OptionalDouble optional(ParsedFile<?> doc, List<Object> at, Double v, boolean nonNegative) {
        if (v == null) {
            return OptionalDouble.empty();
        }
        if (!Double.isFinite(v) || nonNegative && v < 0.0) {
            throw doc.error(at, "must be a finite number" + (nonNegative ? " ≥ 0" : "") + ", got " + v);
        }
        return OptionalDouble.of(v);
    }

    private EffectInput.Recorded recorded(ParsedFile<?> doc, List<Object> at, ProjectFiles.RecordedEntry r) {
        if (r == null) {
            return EffectInput.Recorded.NONE;
        }
        Optional<Intensity> i = r.intensity() == null ? Optional.empty()
                : Optional.of(doc.parse(append(at, "intensity"), () -> Intensity.parse(r.intensity())));
        if (r.mass() != null && !(r.mass() >= 0.0 && r.mass() <= 1.0)) {
            throw doc.error(append(at, "mass"), "mass " + r.mass() + " is outside [0, 1]");
        }
        if (r.discount() != null && !(r.discount() >= 0.0 && r.discount() <= 1.0)) {
            throw doc.error(append(at, "discount"), "discount " + r.discount() + " is outside [0, 1]");
        }
        return new EffectInput.Recorded(i, r.discount() == null ? OptionalDouble.empty()
                : OptionalDouble.of(r.discount()), r.mass() == null ? OptionalDouble.empty()
                : OptionalDouble.of(r.mass()));
    }

    // ------------------------------------------------------------ helpers
}

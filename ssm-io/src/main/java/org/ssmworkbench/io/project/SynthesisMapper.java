package org.ssmworkbench.io.project;

import static org.ssmworkbench.io.project.ParsedFile.append;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.ssmworkbench.core.belief.CombinationRule;
import org.ssmworkbench.core.sensitivity.Condition;
import org.ssmworkbench.core.sensitivity.SensitivityPlan;
import org.ssmworkbench.core.ssm.ResultSelector;
import org.ssmworkbench.core.ssm.SsmScale;
import org.ssmworkbench.core.synthesis.ConceptMapping;
import org.ssmworkbench.core.synthesis.CutPoints;
import org.ssmworkbench.core.synthesis.Direction;
import org.ssmworkbench.core.synthesis.DiscountPolicy;
import org.ssmworkbench.core.synthesis.Effect;
import org.ssmworkbench.core.synthesis.MassAssignment;
import org.ssmworkbench.core.synthesis.Policies;
import org.ssmworkbench.core.synthesis.PublishedResult;
import org.ssmworkbench.core.synthesis.QualityBands;
import org.ssmworkbench.core.synthesis.SpreadPolicy;
import org.ssmworkbench.core.synthesis.QuantileMethod;
import org.ssmworkbench.core.synthesis.Study;

/**
 * Maps {@code synthesis.yaml} ({@link ProjectFiles.SynthesisFile}) to core values, section by
 * section: policies, effects, concept decisions, published results, combination order and the
 * sensitivity plan. Every refusal names the line and field.
 */
final class SynthesisMapper {

    private SynthesisMapper() {
    }

    static List<String> order(ParsedFile<?> doc, List<String> order, List<Study> studies) {
        if (order == null) {
            return List.of();
        }
        Map<String, Set<String>> models = new LinkedHashMap<>();
        for (Study st : studies) {
            Set<String> ids = new LinkedHashSet<>();
            st.evidence().forEach(em -> ids.add(em.id()));
            models.put(st.id(), ids);
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            List<Object> at = List.of("order", i);
            String ref = order.get(i);
            int slash = ref == null ? -1 : ref.indexOf('/');
            if (slash < 0) {
                throw doc.error(at, "'" + ref + "' is not an evidence model: write study/evidence, e.g. S1/e1");
            }
            String sid = ref.substring(0, slash);
            String eid = ref.substring(slash + 1);
            if (!models.containsKey(sid)) {
                throw doc.error(at, "'" + ref + "': study '" + sid + "' is not listed in 'studies'");
            }
            if (!models.get(sid).contains(eid)) {
                throw doc.error(at, "'" + ref + "': study " + sid + " has no evidence model '" + eid + "' (it has: "
                        + String.join(", ", models.get(sid)) + ")");
            }
            Integer first = seen.put(ref, i);
            if (first != null) {
                throw doc.error(at, "'" + ref + "' is listed twice (first as entry " + (first + 1) + ")");
            }
        }
        for (Map.Entry<String, Set<String>> st : models.entrySet()) {
            for (String eid : st.getValue()) {
                if (!seen.containsKey(st.getKey() + "/" + eid)) {
                    throw doc.error(List.of("order"), "evidence model " + st.getKey() + "/" + eid + " is missing:"
                            + " the order must name every evidence model exactly once");
                }
            }
        }
        return List.copyOf(order);
    }

    static Policies policies(ParsedFile<?> doc, ProjectFiles.PoliciesEntry pe) {
        Policies d = Policies.quantization();
        if (pe == null) {
            return d;
        }
        CombinationRule rule = pe.rule() == null ? d.rule()
                : doc.parse(List.of("policies", "rule"), () -> CombinationRule.byId(pe.rule()));
        ResultSelector sel = pe.selector() == null ? d.selector()
                : doc.parse(List.of("policies", "selector"), () -> ResultSelector.byId(pe.selector()));
        MassAssignment as = pe.assignment() == null ? d.assignment()
                : doc.parse(List.of("policies", "assignment"), () -> MassAssignment.byId(pe.assignment()));
        QuantileMethod qm = pe.quantiles() == null ? d.quantiles()
                : doc.parse(List.of("policies", "quantiles"), () -> QuantileMethod.byId(pe.quantiles()));
        DiscountPolicy dp = d.discount();
        if (pe.discount() != null) {
            ProjectFiles.DiscountEntry de = pe.discount();
            dp = doc.parse(List.of("policies", "discount"), () -> new DiscountPolicy(
                    de.factor() == null ? d.discount().factor() : de.factor(),
                    de.decimals() == null ? d.discount().decimals() : de.decimals(),
                    de.massDecimals() == null ? d.discount().massDecimals() : de.massDecimals()));
        }
        Map<String, CutPoints> cuts = new LinkedHashMap<>(d.cutPoints());
        if (pe.cutPoints() != null) {
            for (Map.Entry<String, List<Double>> e : pe.cutPoints().entrySet()) {
                List<Object> at = List.of("policies", "cut_points", e.getKey());
                double[] c = doc.numbers(at, e.getValue());
                cuts.put(e.getKey(), doc.parse(at, () -> new CutPoints(e.getKey(), c)));
            }
        }
        QualityBands bands = d.bands();
        if (pe.qualityBands() != null) {
            Map<String, QualityBands.Band> m = new LinkedHashMap<>(d.bands().bands());
            for (Map.Entry<String, List<Double>> e : pe.qualityBands().entrySet()) {
                List<Object> at = List.of("policies", "quality_bands", e.getKey());
                double[] b = doc.numbers(at, e.getValue());
                if (b.length != 2) {
                    throw doc.error(at, "expected [L, U], got " + b.length + " values");
                }
                m.put(e.getKey(), doc.parse(at, () -> new QualityBands.Band(b[0], b[1])));
            }
            bands = new QualityBands(m);
        }
        SpreadPolicy spread = d.spread();
        if (pe.spread() != null) {
            ProjectFiles.SpreadEntry se = pe.spread();
            SpreadPolicy.Basis basis = se.basis() == null ? spread.basis()
                    : doc.parse(List.of("policies", "spread", "basis"), () -> SpreadPolicy.Basis.byId(se.basis()));
            double k = se.sdToIqr() == null ? spread.sdToIqr() : se.sdToIqr();
            spread = doc.parse(List.of("policies", "spread", "sd_to_iqr"), () -> new SpreadPolicy(k, basis));
        }
        return new Policies(rule, sel, as, qm, dp, cuts, bands, spread);
    }

    static SensitivityPlan sensitivity(ParsedFile<?> doc, ProjectFiles.SensitivityEntry se) {
        if (se == null) {
            return SensitivityPlan.defaults();
        }
        List<Double> factors = SensitivityPlan.DEFAULT_FACTORS;
        if (se.cutFactors() != null) {
            List<Object> at = List.of("sensitivity", "cut_factors");
            double[] f = doc.numbers(at, se.cutFactors());
            factors = new ArrayList<>();
            for (int i = 0; i < f.length; i++) {
                if (!(f[i] > 0.0) || f[i] == 1.0) {
                    throw doc.error(append(at, i), "a cut factor must be a positive number other than 1, got "
                            + f[i]);
                }
                factors.add(f[i]);
            }
        }
        List<SensitivityPlan.Subgroups> subgroups = new ArrayList<>();
        if (se.subgroups() != null) {
            for (int i = 0; i < se.subgroups().size(); i++) {
                ProjectFiles.SubgroupEntry g = se.subgroups().get(i);
                List<Object> at = List.of("sensitivity", "subgroups", i);
                if (g == null) {
                    throw doc.error(at, "empty entry: give at least 'moderator'");
                }
                String moderator = doc.required(at, "moderator", g.moderator());
                Map<String, Condition> groups = new LinkedHashMap<>();
                if (g.groups() != null) {
                    for (Map.Entry<String, String> e : g.groups().entrySet()) {
                        List<Object> gat = append(append(at, "groups"), e.getKey());
                        if (e.getValue() == null) {
                            throw doc.error(gat, "missing condition, e.g. \"<= 4\", \"== 8\" or a value");
                        }
                        groups.put(e.getKey(), doc.parse(gat, () -> new Condition(e.getValue())));
                    }
                }
                subgroups.add(new SensitivityPlan.Subgroups(moderator, g.label(), groups));
            }
        }
        List<Double> fs = factors;
        return doc.parse(List.of("sensitivity"), () -> new SensitivityPlan(fs, subgroups));
    }

    static Optional<Double> zeroBaseline(ParsedFile<?> doc, ProjectFiles.PoliciesEntry pe) {
        if (pe == null || pe.zeroBaseline() == null || pe.zeroBaseline().isNull()) {
            return Optional.empty();
        }
        JsonNode z = pe.zeroBaseline();
        if (z.isTextual() && z.asText().equalsIgnoreCase("reject")) {
            return Optional.empty();
        }
        if (z.isNumber() && Double.isFinite(z.doubleValue()) && z.doubleValue() != 0.0) {
            return Optional.of(z.doubleValue());
        }
        throw doc.error(List.of("policies", "zero_baseline"), "expected 'reject' or a non-zero number to"
                + " substitute for a zero baseline, got " + z);
    }

    static List<Effect> effects(ParsedFile<?> doc, List<ProjectFiles.EffectEntry> list, Policies p) {
        if (list == null || list.isEmpty()) {
            throw doc.error(List.of("effects"), "missing: declare at least one effect");
        }
        List<Effect> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            ProjectFiles.EffectEntry e = list.get(i);
            List<Object> at = List.of("effects", i);
            if (e == null) {
                throw doc.error(at, "empty entry: an effect needs id, family and better");
            }
            String id = doc.required(at, "id", e.id());
            doc.checkId(append(at, "id"), id);
            if (!seen.add(id)) {
                throw doc.error(append(at, "id"), "effect '" + id + "' is declared twice");
            }
            String family = doc.required(at, "family", e.family());
            if (!p.cutPoints().containsKey(family)) {
                throw doc.error(append(at, "family"), "no cut points for family '" + family + "' (known: "
                        + String.join(", ", p.cutPoints().keySet()) + "; add it under policies.cut_points)");
            }
            String better = doc.required(at, "better", e.better());
            Direction dir = doc.parse(append(at, "better"), () -> Direction.byId(better));
            out.add(new Effect(id, e.label() == null ? id : e.label(), family, dir));
        }
        return out;
    }

    static List<ConceptMapping> concepts(ParsedFile<?> doc, List<ProjectFiles.ConceptEntry> list, Set<String> effects) {
        List<ConceptMapping> out = new ArrayList<>();
        if (list == null) {
            return out;
        }
        Map<String, Integer> decided = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            ProjectFiles.ConceptEntry c = list.get(i);
            List<Object> at = List.of("concepts", i);
            if (c == null) {
                throw doc.error(at, "empty entry: a decision needs one of join, drop, keep, and a reason");
            }
            int kinds = (c.join() != null ? 1 : 0) + (c.drop() != null ? 1 : 0) + (c.keep() != null ? 1 : 0);
            if (kinds != 1) {
                throw doc.error(at, "a decision needs exactly one of join, drop, keep");
            }
            ConceptMapping.Decision d = c.join() != null ? ConceptMapping.Decision.JOIN
                    : c.drop() != null ? ConceptMapping.Decision.DROP : ConceptMapping.Decision.KEEP;
            List<String> concepts = c.join() != null ? c.join() : c.drop() != null ? c.drop() : c.keep();
            String kind = c.join() != null ? "join" : c.drop() != null ? "drop" : "keep";
            if (concepts.isEmpty()) {
                throw doc.error(append(at, kind), "missing: list the concepts, e.g. [top1_accuracy]");
            }
            for (int j = 0; j < concepts.size(); j++) {
                if (d == ConceptMapping.Decision.KEEP) {
                    if (concepts.get(j) == null || concepts.get(j).isBlank()) {
                        throw doc.error(append(append(at, kind), j), "empty entry");
                    }
                } else {
                    doc.checkId(append(append(at, kind), j), concepts.get(j));
                }
            }
            if (d == ConceptMapping.Decision.JOIN) {
                String into = doc.required(at, "into", c.into());
                if (!effects.contains(into)) {
                    throw doc.error(append(at, "into"), "unknown effect '" + into + "' (declared: "
                            + String.join(", ", effects) + ")");
                }
            } else if (c.into() != null) {
                throw doc.error(append(at, "into"), "'into' only goes with join");
            }
            if (d != ConceptMapping.Decision.KEEP) {
                for (String concept : concepts) {
                    Integer prev = decided.put(concept, i);
                    if (prev != null) {
                        throw doc.error(at, "concept '" + concept + "' is already mapped by decision "
                                + (prev + 1));
                    }
                    if (d == ConceptMapping.Decision.DROP && effects.contains(concept)) {
                        throw doc.error(at, "'" + concept + "' is a declared effect: remove it from effects"
                                + " instead of dropping it");
                    }
                }
            }
            out.add(doc.parse(at, () -> new ConceptMapping(d, concepts, c.into(), c.reason())));
        }
        return out;
    }

    static Map<String, PublishedResult> published(ParsedFile<?> doc, ProjectFiles.PublishedEntry pe, Set<String> effects) {
        Map<String, PublishedResult> out = new LinkedHashMap<>();
        if (pe == null || pe.results() == null) {
            return out;
        }
        String source = pe.source() == null ? "published" : pe.source();
        for (Map.Entry<String, ProjectFiles.PublishedResultEntry> e : pe.results().entrySet()) {
            List<Object> at = List.of("published", "results", e.getKey());
            if (!effects.contains(e.getKey())) {
                throw doc.error(at, "unknown effect '" + e.getKey() + "'");
            }
            ProjectFiles.PublishedResultEntry r = e.getValue();
            if (r == null) {
                throw doc.error(at, "missing: give hypothesis and belief, e.g. {hypothesis: [WN], belief: 0.9}");
            }
            if (r.hypothesis() == null || r.hypothesis().isEmpty()) {
                throw doc.error(append(at, "hypothesis"), "missing: the published hypothesis, e.g. [WN] or [PO, SP]");
            }
            long mask = 0L;
            for (String code : r.hypothesis()) {
                if (code == null) {
                    throw doc.error(append(at, "hypothesis"), "empty entry in the hypothesis");
                }
                mask |= doc.parse(append(at, "hypothesis"), () -> SsmScale.FRAME.parse(code));
            }
            if (r.belief() == null || !(r.belief() >= 0.0 && r.belief() <= 1.0)) {
                throw doc.error(append(at, "belief"), "expected a number in [0, 1], got " + r.belief());
            }
            if (r.findings() != null && r.findings() < 0) {
                throw doc.error(append(at, "findings"), "must not be negative");
            }
            out.put(e.getKey(), new PublishedResult(e.getKey(), mask, r.belief(),
                    r.findings() == null ? OptionalInt.empty() : OptionalInt.of(r.findings()),
                    r.note() == null ? source : source + " (" + r.note() + ")"));
        }
        return out;
    }

    // ------------------------------------------------------------ studies
}

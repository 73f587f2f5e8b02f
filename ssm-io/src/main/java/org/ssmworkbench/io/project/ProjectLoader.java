package org.ssmworkbench.io.project;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import org.ssmworkbench.core.belief.CombinationRule;
import org.ssmworkbench.core.belief.EvidenceException;
import org.ssmworkbench.core.sensitivity.Condition;
import org.ssmworkbench.core.sensitivity.SensitivityPlan;
import org.ssmworkbench.core.ssm.Intensity;
import org.ssmworkbench.core.ssm.ResultSelector;
import org.ssmworkbench.core.ssm.SsmScale;
import org.ssmworkbench.core.synthesis.Answer;
import org.ssmworkbench.core.synthesis.Checklist;
import org.ssmworkbench.core.synthesis.ConceptMapping;
import org.ssmworkbench.core.synthesis.CutPoints;
import org.ssmworkbench.core.synthesis.Direction;
import org.ssmworkbench.core.synthesis.DiscountPolicy;
import org.ssmworkbench.core.synthesis.Effect;
import org.ssmworkbench.core.synthesis.EffectInput;
import org.ssmworkbench.core.synthesis.Designs;
import org.ssmworkbench.core.synthesis.EffectSize;
import org.ssmworkbench.core.synthesis.GroupSummary;
import org.ssmworkbench.core.synthesis.SpreadPolicy;
import org.ssmworkbench.io.measurements.MeasurementColumns;
import org.ssmworkbench.io.measurements.MeasurementReader;
import org.ssmworkbench.io.measurements.MeasurementUse;
import org.ssmworkbench.io.text.NearMiss;
import org.ssmworkbench.core.synthesis.EvidenceModel;
import org.ssmworkbench.core.synthesis.MassAssignment;
import org.ssmworkbench.core.synthesis.Policies;
import org.ssmworkbench.core.synthesis.PublishedResult;
import org.ssmworkbench.core.synthesis.QualityBands;
import org.ssmworkbench.core.synthesis.QuantileMethod;
import org.ssmworkbench.core.synthesis.Study;
import org.ssmworkbench.core.synthesis.SummaryStatistics;
import org.ssmworkbench.core.synthesis.Synthesis;
import org.ssmworkbench.io.InputException;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a synthesis project folder (see docs/formats/project.md) into a {@link Project}. Parsing is
 * Jackson's (YAML into {@link ProjectFiles} records, unknown fields and duplicate keys rejected);
 * this class then checks what types cannot express and maps the records into core values. Every
 * problem is an {@link InputException} naming file, line and field.
 */
public final class ProjectLoader {

    /** The project-file format version this loader reads. */
    public static final int FORMAT = 1;

    /** The main file of a project. */
    public static final String SYNTHESIS_FILE = "synthesis.yaml";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.@-]+");

    /** YAML 1.1 spellings of NaN and infinity, which Jackson does not read as numbers. */
    private static final Pattern SPECIAL_FLOAT = Pattern.compile("[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");

    private static final ObjectMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final MeasurementSummarizer measurements;

    /** A loader that reads raw measurement files with the given summarizer. */
    public ProjectLoader(MeasurementSummarizer measurements) {
        this.measurements = measurements;
    }

    /**
     * Loads a project folder.
     *
     * @throws InputException for anything wrong in the files, naming file, line and field
     */
    public Project load(Path dir) {
        return new Run(dir).load();
    }

    /** One load: collects inputs and warnings. */
    private final class Run {
        private final Path dir;
        private final List<Project.InputFile> inputs = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private final Map<Path, MeasurementFile> measurementFiles = new LinkedHashMap<>();

        Run(Path dir) {
            this.dir = dir.toAbsolutePath().normalize();
        }

        Project load() {
            if (!Files.isDirectory(dir)) {
                throw new InputException(dir, 0, "", Files.exists(dir) ? "not a folder" : "no such folder");
            }
            Path main = dir.resolve(SYNTHESIS_FILE);
            if (!Files.exists(main)) {
                throw new InputException(main, 0, "", "no such file: is " + InputException.display(dir)
                        + " a synthesis project? (`ssm init DIR` makes one)");
            }
            Doc<ProjectFiles.SynthesisFile> doc = read(main, ProjectFiles.SynthesisFile.class);
            ProjectFiles.SynthesisFile sf = doc.value;
            if (sf.format() == null) {
                throw doc.error(List.of("format"), "missing (write 'format: " + FORMAT + "' at the top)");
            }
            if (sf.format() != FORMAT) {
                throw doc.error(List.of("format"), "format " + sf.format() + " is not supported (this version reads "
                        + FORMAT + ")");
            }
            if (sf.id() != null) {
                checkId(doc, List.of("id"), sf.id());
            }
            String title = required(doc, sf.title(), "title");
            Policies policies = policies(doc, sf.policies());
            Optional<Double> zero = zeroBaseline(doc, sf.policies());
            List<Effect> effects = effects(doc, sf.effects(), policies);
            Map<String, Effect> effectById = new LinkedHashMap<>();
            effects.forEach(e -> effectById.put(e.id(), e));
            List<ConceptMapping> mappings = concepts(doc, sf.concepts(), effectById.keySet());
            Map<String, String> joins = new HashMap<>();
            Set<String> drops = new HashSet<>();
            for (ConceptMapping m : mappings) {
                for (String c : m.concepts()) {
                    if (m.decision() == ConceptMapping.Decision.JOIN) {
                        joins.put(c, m.into());
                    } else if (m.decision() == ConceptMapping.Decision.DROP) {
                        drops.add(c);
                    }
                }
            }

            Optional<ProjectFiles.ChecklistFile> checklistFile = Optional.empty();
            Optional<Checklist> checklist = Optional.empty();
            if (sf.checklist() != null) {
                Path cp = inside(doc, List.of("checklist"), sf.checklist());
                if (!Files.isRegularFile(cp)) {
                    throw doc.error(List.of("checklist"), "checklist file '" + sf.checklist() + "' does not exist");
                }
                Doc<ProjectFiles.ChecklistFile> cd = read(cp, ProjectFiles.ChecklistFile.class);
                checklistFile = Optional.of(cd.value);
                checklist = Optional.of(checklist(cd));
            }

            if (sf.studies() == null || sf.studies().isEmpty()) {
                throw doc.error(List.of("studies"), "missing: list the study ids in combination order, e.g. [S1, S2]");
            }
            Map<String, ProjectFiles.StudyFile> studyFiles = new LinkedHashMap<>();
            List<Study> studies = new ArrayList<>();
            for (int i = 0; i < sf.studies().size(); i++) {
                String sid = sf.studies().get(i);
                List<Object> at = List.of("studies", i);
                checkId(doc, at, sid);
                if (studyFiles.containsKey(sid)) {
                    throw doc.error(at, "study '" + sid + "' is listed twice");
                }
                Path sp = dir.resolve("studies").resolve(sid + ".yaml");
                if (!Files.isRegularFile(sp)) {
                    throw doc.error(at, "study '" + sid + "': no file studies/" + sid + ".yaml");
                }
                Doc<ProjectFiles.StudyFile> sd = read(sp, ProjectFiles.StudyFile.class);
                studyFiles.put(sid, sd.value);
                studies.add(study(sd, sid, effectById, joins, drops, checklist, policies, zero));
            }
            unlistedStudies(studyFiles.keySet());
            checkMeasurementRows();

            Map<String, PublishedResult> published = published(doc, sf.published(), effectById.keySet());
            List<String> order = order(doc, sf.order(), studies);
            Synthesis synthesis = new Synthesis(sf.id() == null ? dir.getFileName().toString() : sf.id(), title,
                    sf.question() == null ? "" : sf.question(), sf.intervention() == null ? "" : sf.intervention(),
                    effects, mappings, checklist, studies, policies, published, order);
            SensitivityPlan plan = sensitivity(doc, sf.sensitivity());
            return new Project(dir, synthesis, sf, checklistFile, studyFiles, inputs, zero, warnings, plan);
        }

        /**
         * The optional combination order across studies: every evidence model as "study/evidence",
         * exactly once.
         */
        private List<String> order(Doc<?> doc, List<String> order, List<Study> studies) {
            if (order == null) {
                return List.of();
            }
            Map<String, Set<String>> models = new LinkedHashMap<>();
            for (Study st : studies) {
                Set<String> ids = new java.util.LinkedHashSet<>();
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

        private void unlistedStudies(Collection<String> listed) {
            Path sdir = dir.resolve("studies");
            if (!Files.isDirectory(sdir)) {
                return;
            }
            try (var s = Files.list(sdir)) {
                s.map(p -> p.getFileName().toString())
                        .filter(n -> n.endsWith(".yaml"))
                        .map(n -> n.substring(0, n.length() - 5))
                        .filter(n -> !listed.contains(n))
                        .sorted()
                        .forEach(n -> warnings.add("studies/" + n + ".yaml is not listed in synthesis.yaml 'studies'"
                                + " and was not read"));
            } catch (IOException e) {
                throw new InputException(sdir, 0, "", "cannot list: " + e.getMessage(), e);
            }
        }

        // ------------------------------------------------------------ reading

        private <T> Doc<T> read(Path file, Class<T> type) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                throw new InputException(file, 0, "", "no such file");
            } catch (IOException e) {
                throw new InputException(file, 0, "", "cannot read: " + e.getMessage(), e);
            }
            inputs.add(new Project.InputFile(relative(file), sha256(bytes), bytes.length));
            String text = new String(bytes, StandardCharsets.UTF_8);
            YamlLocator locator = new YamlLocator(text);
            if (locator.syntaxError() != null) {
                throw syntaxError(file, locator.syntaxError());
            }
            if (locator.empty()) {
                throw new InputException(file, 0, "", "the file is empty: expected YAML fields (see"
                        + " docs/formats/project.md)");
            }
            if (locator.duplicate() != null) {
                YamlLocator.Duplicate d = locator.duplicate();
                throw new InputException(file, d.line(), YamlLocator.field(d.path()), "duplicate key '"
                        + d.path().get(d.path().size() - 1) + "' (first given on line " + d.firstLine()
                        + "); a key may appear only once in a mapping");
            }
            T value;
            try {
                value = YAML.readValue(text, type);
            } catch (JsonMappingException e) {
                throw mappingError(file, locator, List.of(), e);
            } catch (JsonProcessingException e) {
                throw new InputException(file, line(e.getLocation()), "", "malformed YAML: "
                        + clean(e.getOriginalMessage()), e);
            }
            if (value == null) {
                throw new InputException(file, 0, "", "the file is empty");
            }
            return new Doc<>(file, value, locator);
        }

        private String relative(Path file) {
            Path abs = file.toAbsolutePath().normalize();
            return (abs.startsWith(dir) ? dir.relativize(abs) : abs).toString().replace('\\', '/');
        }

        private Path inside(Doc<?> doc, List<Object> at, String relative) {
            Path p = dir.resolve(relative).normalize();
            if (!p.startsWith(dir)) {
                throw doc.error(at, "'" + relative + "' lies outside the project folder");
            }
            return p;
        }

        // ------------------------------------------------------------ synthesis.yaml parts

        private Policies policies(Doc<?> doc, ProjectFiles.PoliciesEntry pe) {
            Policies d = Policies.quantization();
            if (pe == null) {
                return d;
            }
            CombinationRule rule = pe.rule() == null ? d.rule()
                    : parse(doc, List.of("policies", "rule"), () -> CombinationRule.byId(pe.rule()));
            ResultSelector sel = pe.selector() == null ? d.selector()
                    : parse(doc, List.of("policies", "selector"), () -> ResultSelector.byId(pe.selector()));
            MassAssignment as = pe.assignment() == null ? d.assignment()
                    : parse(doc, List.of("policies", "assignment"), () -> MassAssignment.byId(pe.assignment()));
            QuantileMethod qm = pe.quantiles() == null ? d.quantiles()
                    : parse(doc, List.of("policies", "quantiles"), () -> QuantileMethod.byId(pe.quantiles()));
            DiscountPolicy dp = d.discount();
            if (pe.discount() != null) {
                ProjectFiles.DiscountEntry de = pe.discount();
                dp = parse(doc, List.of("policies", "discount"), () -> new DiscountPolicy(
                        de.factor() == null ? d.discount().factor() : de.factor(),
                        de.decimals() == null ? d.discount().decimals() : de.decimals(),
                        de.massDecimals() == null ? d.discount().massDecimals() : de.massDecimals()));
            }
            Map<String, CutPoints> cuts = new LinkedHashMap<>(d.cutPoints());
            if (pe.cutPoints() != null) {
                for (Map.Entry<String, List<Double>> e : pe.cutPoints().entrySet()) {
                    List<Object> at = List.of("policies", "cut_points", e.getKey());
                    double[] c = numbers(doc, at, e.getValue());
                    cuts.put(e.getKey(), parse(doc, at, () -> new CutPoints(e.getKey(), c)));
                }
            }
            QualityBands bands = d.bands();
            if (pe.qualityBands() != null) {
                Map<String, QualityBands.Band> m = new LinkedHashMap<>(d.bands().bands());
                for (Map.Entry<String, List<Double>> e : pe.qualityBands().entrySet()) {
                    List<Object> at = List.of("policies", "quality_bands", e.getKey());
                    double[] b = numbers(doc, at, e.getValue());
                    if (b.length != 2) {
                        throw doc.error(at, "expected [L, U], got " + b.length + " values");
                    }
                    m.put(e.getKey(), parse(doc, at, () -> new QualityBands.Band(b[0], b[1])));
                }
                bands = new QualityBands(m);
            }
            SpreadPolicy spread = d.spread();
            if (pe.spread() != null) {
                ProjectFiles.SpreadEntry se = pe.spread();
                SpreadPolicy.Basis basis = se.basis() == null ? spread.basis()
                        : parse(doc, List.of("policies", "spread", "basis"), () -> SpreadPolicy.Basis.byId(se.basis()));
                double k = se.sdToIqr() == null ? spread.sdToIqr() : se.sdToIqr();
                spread = parse(doc, List.of("policies", "spread", "sd_to_iqr"), () -> new SpreadPolicy(k, basis));
            }
            return new Policies(rule, sel, as, qm, dp, cuts, bands, spread);
        }

        private SensitivityPlan sensitivity(Doc<?> doc, ProjectFiles.SensitivityEntry se) {
            if (se == null) {
                return SensitivityPlan.defaults();
            }
            List<Double> factors = SensitivityPlan.DEFAULT_FACTORS;
            if (se.cutFactors() != null) {
                List<Object> at = List.of("sensitivity", "cut_factors");
                double[] f = numbers(doc, at, se.cutFactors());
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
                    String moderator = required(doc, g.moderator(), at, "moderator");
                    Map<String, Condition> groups = new LinkedHashMap<>();
                    if (g.groups() != null) {
                        for (Map.Entry<String, String> e : g.groups().entrySet()) {
                            List<Object> gat = append(append(at, "groups"), e.getKey());
                            if (e.getValue() == null) {
                                throw doc.error(gat, "missing condition, e.g. \"<= 4\", \"== 8\" or a value");
                            }
                            groups.put(e.getKey(), parse(doc, gat, () -> new Condition(e.getValue())));
                        }
                    }
                    subgroups.add(new SensitivityPlan.Subgroups(moderator, g.label(), groups));
                }
            }
            List<Double> fs = factors;
            return parse(doc, List.of("sensitivity"), () -> new SensitivityPlan(fs, subgroups));
        }

        private Optional<Double> zeroBaseline(Doc<?> doc, ProjectFiles.PoliciesEntry pe) {
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

        private List<Effect> effects(Doc<?> doc, List<ProjectFiles.EffectEntry> list, Policies p) {
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
                String id = required(doc, e.id(), at, "id");
                checkId(doc, append(at, "id"), id);
                if (!seen.add(id)) {
                    throw doc.error(append(at, "id"), "effect '" + id + "' is declared twice");
                }
                String family = required(doc, e.family(), at, "family");
                if (!p.cutPoints().containsKey(family)) {
                    throw doc.error(append(at, "family"), "no cut points for family '" + family + "' (known: "
                            + String.join(", ", p.cutPoints().keySet()) + "; add it under policies.cut_points)");
                }
                String better = required(doc, e.better(), at, "better");
                Direction dir = parse(doc, append(at, "better"), () -> Direction.byId(better));
                out.add(new Effect(id, e.label() == null ? id : e.label(), family, dir));
            }
            return out;
        }

        private List<ConceptMapping> concepts(Doc<?> doc, List<ProjectFiles.ConceptEntry> list, Set<String> effects) {
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
                        checkId(doc, append(append(at, kind), j), concepts.get(j));
                    }
                }
                if (d == ConceptMapping.Decision.JOIN) {
                    String into = required(doc, c.into(), at, "into");
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
                out.add(parse(doc, at, () -> new ConceptMapping(d, concepts, c.into(), c.reason())));
            }
            return out;
        }

        private Checklist checklist(Doc<ProjectFiles.ChecklistFile> doc) {
            ProjectFiles.ChecklistFile cf = doc.value;
            if (cf.questions() == null || cf.questions().isEmpty()) {
                throw doc.error(List.of("questions"), "missing: the checklist needs questions");
            }
            List<Checklist.Question> qs = new ArrayList<>();
            for (int i = 0; i < cf.questions().size(); i++) {
                ProjectFiles.QuestionEntry q = cf.questions().get(i);
                List<Object> at = List.of("questions", i);
                if (q == null) {
                    throw doc.error(at, "empty entry: a question needs id, text and items");
                }
                String qid = required(doc, q.id(), at, "id");
                if (q.items() == null || q.items().isEmpty()) {
                    throw doc.error(at, "question " + qid + " has no items");
                }
                List<Checklist.Item> items = new ArrayList<>();
                for (int j = 0; j < q.items().size(); j++) {
                    ProjectFiles.ItemEntry it = q.items().get(j);
                    if (it == null) {
                        throw doc.error(append(append(at, "items"), j), "empty entry: an item needs id and text");
                    }
                    items.add(new Checklist.Item(required(doc, it.id(), append(append(at, "items"), j), "id"),
                            it.text() == null ? "" : it.text()));
                }
                qs.add(new Checklist.Question(qid, q.text() == null ? "" : q.text(), items));
            }
            return parse(doc, List.of(), () -> new Checklist(cf.id() == null ? "checklist" : cf.id(), qs));
        }

        private Map<String, PublishedResult> published(Doc<?> doc, ProjectFiles.PublishedEntry pe, Set<String> effects) {
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
                    mask |= parse(doc, append(at, "hypothesis"), () -> SsmScale.FRAME.parse(code));
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

        private Study study(Doc<ProjectFiles.StudyFile> doc, String listedId, Map<String, Effect> effects,
                Map<String, String> joins, Set<String> drops, Optional<Checklist> checklist, Policies policies,
                Optional<Double> zero) {
            ProjectFiles.StudyFile sf = doc.value;
            String id = required(doc, sf.id(), "id");
            if (!id.equals(listedId)) {
                throw doc.error(List.of("id"), "'" + id + "' does not match the file name " + listedId + ".yaml (the id"
                        + " and the file name must be the same)");
            }
            String type = required(doc, sf.type(), "type");
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
                    answers.put(a.getKey(), parse(doc, at, () -> Answer.byId(a.getValue())));
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
                String eid = required(doc, ee.id(), at, "id");
                checkId(doc, append(at, "id"), eid);
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
                Map<String, EffectInput> inputs = new LinkedHashMap<>();
                Set<String> mapped = new HashSet<>();
                for (Map.Entry<String, ProjectFiles.EffectInputEntry> e : ee.effects().entrySet()) {
                    String concept = e.getKey();
                    List<Object> eat = append(append(at, "effects"), concept);
                    boolean dropped = drops.contains(concept);
                    String effectId = joins.getOrDefault(concept, concept);
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
                    inputs.put(concept, effectInput(doc, eat, e.getValue(), eid, effectId, direction, policies, zero));
                }
                models.add(new EvidenceModel(eid, ee.label() == null ? eid : ee.label(), moderators,
                        ee.explanation(), inputs));
            }
            return new Study(id, type, answers, belief, models);
        }

        private EffectInput effectInput(Doc<?> doc, List<Object> at, ProjectFiles.EffectInputEntry in, String evidence,
                String effect, Direction direction, Policies policies, Optional<Double> zero) {
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
                        direction, policies);
            }
            if (in.groups() != null) {
                return checked(doc, append(at, "groups"), groups(doc, append(at, "groups"), in.groups(), recorded),
                        direction, policies);
            }
            if (in.effectSize() != null) {
                return checked(doc, append(at, "effect_size"), effectSize(doc, append(at, "effect_size"),
                        in.effectSize(), recorded), direction, policies);
            }
            if (in.measurements() != null) {
                return measurementInput(doc, append(at, "measurements"), in.measurements(), evidence, effect,
                        direction, policies, zero, recorded);
            }
            if (in.intensity() == null) {
                throw doc.error(append(at, "intensity"), "missing: a direct input needs both intensity and mass");
            }
            if (in.mass() == null) {
                throw doc.error(append(at, "mass"), "missing: a direct input needs both intensity and mass");
            }
            Intensity i = parse(doc, append(at, "intensity"), () -> Intensity.parse(in.intensity()));
            double mass = in.mass();
            if (!(mass >= 0.0 && mass <= 1.0)) {
                throw doc.error(append(at, "mass"), "mass " + mass + " is outside [0, 1]");
            }
            return new EffectInput.Direct(i, mass, recorded);
        }

        private EffectInput measurementInput(Doc<?> doc, List<Object> at, JsonNode node, String evidence, String effect,
                Direction direction, Policies policies, Optional<Double> zero, EffectInput.Recorded recorded) {
            String file;
            String effFilter = effect;
            String evFilter = evidence;
            MeasurementColumns columns = MeasurementColumns.standard();
            if (node.isTextual()) {
                file = node.asText();
            } else if (node.isObject()) {
                ProjectFiles.MeasurementsEntry me;
                try {
                    me = YAML.treeToValue(node, ProjectFiles.MeasurementsEntry.class);
                } catch (JsonMappingException e) {
                    throw mappingError(doc.file, doc.locator, at, e);
                } catch (JsonProcessingException e) {
                    throw doc.error(at, clean(e.getOriginalMessage()));
                }
                file = required(doc, me.file(), at, "file");
                if (me.effect() != null) {
                    effFilter = me.effect();
                }
                if (me.evidence() != null) {
                    evFilter = me.evidence();
                }
                columns = columns(doc, at, me);
            } else {
                throw doc.error(at, "expected a file path, or {file: ..., effect: ..., evidence: ..., columns: ...,"
                        + " ignore: [...]}");
            }
            Path p = inside(doc, at, file);
            if (!Files.isRegularFile(p)) {
                throw doc.error(at, "measurement file '" + file + "' does not exist");
            }
            MeasurementFile mf = measurementFiles.computeIfAbsent(p, k -> new MeasurementFile());
            if (mf.columns == null) {
                mf.columns = columns;
                mf.doc = doc;
                mf.at = at;
            } else if (!mf.columns.equals(columns)) {
                throw doc.error(at, "measurement file '" + file + "' is read with other columns or ignore lists"
                        + " elsewhere (" + InputException.display(mf.doc.file) + " line " + mf.doc.locator.line(mf.at)
                        + "): give every reference to one file the same 'columns' and 'ignore'");
            }
            mf.uses.add(new MeasurementUse(effFilter, evFilter, "evidence model " + evidence + ", effect " + effect
                    + " at " + InputException.display(doc.file) + " line " + doc.locator.line(at)));
            SummaryStatistics stats;
            try {
                stats = measurements.summarize(p, columns, effFilter, evFilter, direction, policies.quantiles(),
                        zero.orElse(null));
            } catch (InputException e) {
                throw e;
            } catch (RuntimeException e) {
                throw doc.error(at, e.getMessage());
            }
            try {
                inputs.add(new Project.InputFile(relative(p), sha256(p), Files.size(p)));
            } catch (IOException e) {
                throw new InputException(p, 0, "", "cannot read: " + e.getMessage(), e);
            }
            return checked(doc, at, new EffectInput.FromSummary(stats, relative(p), recorded), direction, policies);
        }

        private MeasurementColumns columns(Doc<?> doc, List<Object> at, ProjectFiles.MeasurementsEntry me) {
            MeasurementColumns d = MeasurementColumns.standard();
            Map<String, String> roles = new LinkedHashMap<>(d.roles());
            if (me.columns() != null) {
                for (Map.Entry<String, String> c : me.columns().entrySet()) {
                    if (!roles.containsKey(c.getKey())) {
                        throw doc.error(append(append(at, "columns"), c.getKey()), "'" + c.getKey() + "' is not a"
                                + " column role" + NearMiss.hint(c.getKey(), roles.keySet()) + " (roles: "
                                + String.join(", ", roles.keySet()) + ")");
                    }
                    if (c.getValue() == null || c.getValue().isBlank()) {
                        throw doc.error(append(append(at, "columns"), c.getKey()), "missing: the file's column name");
                    }
                    roles.put(c.getKey(), c.getValue());
                }
            }
            List<String> ignore = me.ignore() == null ? List.of() : me.ignore();
            return parse(doc, at, () -> new MeasurementColumns(roles.get(MeasurementReader.BASELINE),
                    roles.get(MeasurementReader.TREATED), roles.get(MeasurementReader.EFFECT),
                    roles.get(MeasurementReader.EVIDENCE), ignore));
        }

        /** After every study is read: every row of every measurement file read by exactly one finding. */
        private void checkMeasurementRows() {
            for (Map.Entry<Path, MeasurementFile> e : measurementFiles.entrySet()) {
                MeasurementFile mf = e.getValue();
                try {
                    MeasurementReader.checkRows(e.getKey(), mf.columns, mf.uses);
                } catch (RuntimeException ex) {
                    throw mf.doc.error(mf.at, ex.getMessage());
                }
            }
        }

        private EffectInput summary(Doc<?> doc, List<Object> at, ProjectFiles.SummaryEntry s,
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

        /** Runs the design's formulas once, so that what they reject is reported at its place in the file. */
        private EffectInput checked(Doc<?> doc, List<Object> at, EffectInput in, Direction direction, Policies p) {
            try {
                if (in instanceof EffectInput.FromRiSd r) {
                    Designs.riWithSd(r.n(), r.mean(), r.sd(), p.spread());
                } else if (in instanceof EffectInput.FromGroups g) {
                    if (g.standardized()) {
                        Designs.effectSize(direction, Designs.hedges(g.baseline(), g.treated()), p.spread());
                    } else {
                        Designs.groups(direction, g.baseline(), g.treated(), p.spread());
                    }
                } else if (in instanceof EffectInput.FromEffectSize e) {
                    Designs.effectSize(direction, e.effectSize(), p.spread());
                } else if (in instanceof EffectInput.FromSummary f && p.spread().basis() == SpreadPolicy.Basis.ESTIMATE) {
                    Designs.riEstimate(f.statistics());
                }
            } catch (IllegalArgumentException e) {
                throw doc.error(at, e.getMessage());
            }
            return in;
        }

        private EffectInput groups(Doc<?> doc, List<Object> at, ProjectFiles.GroupsEntry g,
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

        private GroupSummary group(Doc<?> doc, List<Object> at, ProjectFiles.GroupEntry g) {
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
            return parse(doc, at, () -> new GroupSummary(g.n(), mean, sd, median, q1, q3));
        }

        private EffectInput effectSize(Doc<?> doc, List<Object> at, ProjectFiles.EffectSizeEntry e,
                EffectInput.Recorded recorded) {
            if ((e.g() == null) == (e.d() == null)) {
                throw doc.error(at, "give exactly one of g (Hedges' g) and d (Cohen's d), treated minus baseline");
            }
            EffectSize.Kind kind = e.g() != null ? EffectSize.Kind.G : EffectSize.Kind.D;
            double value = e.g() != null ? e.g() : e.d();
            OptionalLong nb = e.nBaseline() == null ? OptionalLong.empty() : OptionalLong.of(e.nBaseline());
            OptionalLong nt = e.nTreated() == null ? OptionalLong.empty() : OptionalLong.of(e.nTreated());
            OptionalDouble se = e.se() == null ? OptionalDouble.empty() : OptionalDouble.of(e.se());
            EffectSize es = parse(doc, at, () -> new EffectSize(kind, value, nb, nt, se));
            return new EffectInput.FromEffectSize(es, "effect_size", recorded);
        }

        private OptionalDouble optional(Doc<?> doc, List<Object> at, Double v, boolean nonNegative) {
            if (v == null) {
                return OptionalDouble.empty();
            }
            if (!Double.isFinite(v) || nonNegative && v < 0.0) {
                throw doc.error(at, "must be a finite number" + (nonNegative ? " ≥ 0" : "") + ", got " + v);
            }
            return OptionalDouble.of(v);
        }

        private EffectInput.Recorded recorded(Doc<?> doc, List<Object> at, ProjectFiles.RecordedEntry r) {
            if (r == null) {
                return EffectInput.Recorded.NONE;
            }
            Optional<Intensity> i = r.intensity() == null ? Optional.empty()
                    : Optional.of(parse(doc, append(at, "intensity"), () -> Intensity.parse(r.intensity())));
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

        private double[] numbers(Doc<?> doc, List<Object> at, List<Double> values) {
            if (values == null) {
                throw doc.error(at, "missing: a list of numbers");
            }
            double[] out = new double[values.size()];
            for (int i = 0; i < out.length; i++) {
                Double v = values.get(i);
                if (v == null || !Double.isFinite(v)) {
                    throw doc.error(append(at, i), "expected a finite number, got " + v);
                }
                out[i] = v;
            }
            return out;
        }

        private String required(Doc<?> doc, String value, String field) {
            return required(doc, value, List.of(), field);
        }

        private String required(Doc<?> doc, String value, List<Object> at, String field) {
            if (value == null || value.isBlank()) {
                throw doc.error(append(at, field), "missing");
            }
            return value;
        }

        private void checkId(Doc<?> doc, List<Object> at, String id) {
            if (id == null || !ID.matcher(id).matches()) {
                throw doc.error(at, "'" + id + "' is not a valid id (letters, digits, _ - . @; no spaces)");
            }
        }

        private <T> T parse(Doc<?> doc, List<Object> at, java.util.function.Supplier<T> f) {
            try {
                return f.get();
            } catch (IllegalArgumentException | EvidenceException e) {
                throw doc.error(at, e.getMessage());
            }
        }
    }

    private static List<Object> append(List<Object> path, Object step) {
        List<Object> out = new ArrayList<>(path.size() + 1);
        out.addAll(path);
        out.add(step);
        return out;
    }

    /** A syntax error SnakeYAML found, at the line where the person must look. */
    private static InputException syntaxError(Path file, MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem().strip();
        String context = e.getContext() == null ? "" : e.getContext().strip();
        int problemLine = YamlLocator.line(e.getProblemMark());
        int contextLine = YamlLocator.line(e.getContextMark());
        if (problem.contains("\\t(TAB)")) {
            return new InputException(file, problemLine, "", "malformed YAML: a tab character cannot indent YAML;"
                    + " use spaces", e);
        }
        boolean flowList = context.startsWith("while parsing a flow sequence");
        boolean flowMap = context.startsWith("while parsing a flow mapping");
        if ((flowList || flowMap) && contextLine > 0 && contextLine < problemLine) {
            return new InputException(file, contextLine, "", "malformed YAML: the " + (flowList
                    ? "flow sequence (list) opened with '[' on this line is not closed with ']'"
                    : "flow mapping opened with '{' on this line is not closed with '}'")
                    + " (the parser expected ',' or '" + (flowList ? "]" : "}") + "' before line " + problemLine
                    + ")", e);
        }
        if (flowList || flowMap) {
            return new InputException(file, problemLine > 0 ? problemLine : contextLine, "", "malformed YAML: "
                    + problem + " in a " + (flowList ? "[...] list" : "{...} mapping") + "; there, text holding"
                    + " ',', ':', '?', '[', ']', '{' or '}' must be in quotes", e);
        }
        String detail = problem;
        if (problem.startsWith("mapping values are not allowed here")) {
            detail += " (is the line indented too far, or does a value contain ': ' and need quotes?)";
        }
        if (!context.isEmpty()) {
            detail += " (" + context + (contextLine > 0 && contextLine != problemLine ? " started on line "
                    + contextLine : "") + ")";
        }
        return new InputException(file, problemLine > 0 ? problemLine : contextLine, "", "malformed YAML: "
                + detail, e);
    }

    /**
     * A value Jackson could not map: named by its path (below {@code base}), at the line the YAML
     * tree gives for that path, in words a person who wrote the file understands.
     */
    private static InputException mappingError(Path file, YamlLocator locator, List<Object> base,
            JsonMappingException e) {
        List<Object> path = new ArrayList<>(base);
        path.addAll(jacksonPathSteps(e));
        int line = locator.exactLine(path);
        if (line == 0 && base.isEmpty()) {
            line = line(e.getLocation());
        }
        if (line == 0) {
            line = locator.line(path);
        }
        String field = YamlLocator.field(path);
        org.yaml.snakeyaml.nodes.Node node = locator.node(path);
        String given = node == null ? null : describe(node);
        String detail;
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : " (known: "
                    + String.join(", ", u.getKnownPropertyIds().stream().map(Object::toString).sorted().toList())
                    + ")";
            detail = "unknown field '" + u.getPropertyName() + "'" + known;
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null && given != null) {
            detail = "expected " + expected(m.getTargetType()) + ", got " + given;
        } else if (node instanceof org.yaml.snakeyaml.nodes.ScalarNode sc
                && SPECIAL_FLOAT.matcher(sc.getValue()).matches()) {
            detail = "must be a finite number, got " + sc.getValue();
        } else if (e.getCause() instanceof InputCoercionException && given != null) {
            detail = "the number " + given + " is too large here";
        } else {
            detail = clean(e.getOriginalMessage());
        }
        return new InputException(file, line, field, detail, e);
    }

    /** What a Java type expects, in the words of the format description. */
    private static String expected(Class<?> type) {
        if (type == Double.class || type == double.class || type == Float.class || type == float.class
                || type == java.math.BigDecimal.class) {
            return "a number";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == java.math.BigInteger.class) {
            return "a whole number";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "a mapping of names to values";
    }

    /** A YAML node as a person sees it. */
    private static String describe(org.yaml.snakeyaml.nodes.Node node) {
        if (node instanceof org.yaml.snakeyaml.nodes.ScalarNode sc) {
            String v = sc.getValue();
            return v.isEmpty() ? "nothing" : "'" + (v.length() > 60 ? v.substring(0, 57) + "..." : v) + "'";
        }
        if (node instanceof org.yaml.snakeyaml.nodes.SequenceNode) {
            return "a list";
        }
        return "a mapping";
    }

    private static int line(JsonLocation loc) {
        return loc == null || loc.getLineNr() < 1 ? 0 : loc.getLineNr();
    }

    private static List<Object> jacksonPathSteps(JsonMappingException e) {
        List<Object> path = new ArrayList<>();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                path.add(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.add(r.getIndex());
            }
        }
        return path;
    }

    private static String clean(String message) {
        if (message == null) {
            return "invalid value";
        }
        String m = message.replace("org.ssmworkbench.io.project.ProjectFiles$", "")
                .replace("java.lang.", "");
        for (String end : List.of(" at [Source", "\n in 'reader'", "\n")) {
            int cut = m.indexOf(end);
            if (cut > 0) {
                m = m.substring(0, cut);
            }
        }
        return m.strip();
    }

    /** Hex SHA-256 of bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Hex SHA-256 of a file, streamed. */
    public static String sha256(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** A parsed file with its locator. */
    /** The findings that read one measurement file, and how its columns are mapped. */
    private static final class MeasurementFile {
        MeasurementColumns columns;
        Doc<?> doc;
        List<Object> at;
        final List<MeasurementUse> uses = new ArrayList<>();
    }

    private static final class Doc<T> {
        final Path file;
        final T value;
        final YamlLocator locator;

        Doc(Path file, T value, YamlLocator locator) {
            this.file = file;
            this.value = value;
            this.locator = locator;
        }

        InputException error(List<?> at, String detail) {
            return new InputException(file, locator.line(at), YamlLocator.field(at), detail);
        }
    }
}

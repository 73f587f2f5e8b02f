package org.ssmworkbench.io.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.ssmworkbench.core.sensitivity.SensitivityPlan;
import org.ssmworkbench.core.synthesis.Checklist;
import org.ssmworkbench.core.synthesis.ConceptMap;
import org.ssmworkbench.core.synthesis.ConceptMapping;
import org.ssmworkbench.core.synthesis.Effect;
import org.ssmworkbench.core.synthesis.Policies;
import org.ssmworkbench.core.synthesis.Provenance;
import org.ssmworkbench.core.synthesis.Study;
import org.ssmworkbench.core.synthesis.StudyDescription;
import org.ssmworkbench.core.synthesis.Synthesis;
import org.ssmworkbench.io.InputException;
import org.ssmworkbench.io.measurements.MeasurementException;
import org.ssmworkbench.io.measurements.MeasurementReader;
import org.ssmworkbench.io.measurements.MeasurementUse;

/**
 * Reads a synthesis project folder (see docs/formats/project.md) into a {@link Project}: each file
 * parsed once by {@link YamlReader}, mapped by the mapper of its kind ({@link SynthesisMapper},
 * {@link ChecklistMapper}, {@link StudyMapper}; study files in parallel), from a
 * {@link ProjectFolder} that refuses files outside the project. Every problem is an
 * {@link InputException} naming file, line and field; with several, the first in reading order
 * (synthesis.yaml, checklist, studies as listed) is reported, as a sequential read would.
 */
public final class ProjectLoader {

    /** The project-file format version this loader reads. */
    public static final int FORMAT = 1;

    /** The main file of a project. */
    public static final String SYNTHESIS_FILE = "synthesis.yaml";

    private final MeasurementSummarizer measurements;

    /** A loader that reads raw measurement files with the given summarizer (which must be thread-safe). */
    public ProjectLoader(MeasurementSummarizer measurements) {
        this.measurements = measurements;
    }

    /**
     * Prepares the YAML reading of the first load ahead of it ({@code YamlReader.warmUp}): for a command
     * to run on a second thread while it sets itself up; safe to run at any time, any number of times.
     */
    public static void warmUp() {
        YamlReader.warmUp();
    }

    /**
     * Loads a project folder.
     *
     * @throws InputException for anything wrong in the files, naming file, line and field
     */
    public Project load(Path dir) {
        return loadSources(dir).project();
    }

    /**
     * Loads a project folder and keeps its files as parsed (for exporters in this module).
     *
     * @throws InputException for anything wrong in the files, naming file, line and field
     */
    public ProjectSources loadSources(Path dir) {
        return loadSources(dir, Map.of());
    }

    /**
     * Loads a project folder as it would be with some files replaced: {@code overlay} maps paths
     * relative to the folder ('/' separators) to their bytes, read instead of the disk's (a file there
     * need not exist yet). A save checks its result this way before writing anything.
     *
     * @throws InputException for anything wrong in the files, naming file, line and field
     */
    public ProjectSources loadSources(Path dir, Map<String, byte[]> overlay) {
        Path abs = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs)) {
            throw new InputException(abs, 0, "", Files.exists(abs) ? "not a folder" : "no such folder");
        }
        ProjectFolder folder = new ProjectFolder(abs, overlay);
        Path main = abs.resolve(SYNTHESIS_FILE);
        if (!folder.isFile(main)) {
            throw new InputException(main, 0, "", "no such file: is " + InputException.display(abs)
                    + " a synthesis project? (`ssm init DIR` makes one)");
        }
        List<Provenance.Input> inputs = new ArrayList<>();
        ParsedFile<ProjectFiles.SynthesisFile> doc = read(folder, main, ProjectFiles.SynthesisFile.class, inputs);
        ProjectFiles.SynthesisFile sf = doc.value();
        if (sf.format() == null) {
            throw doc.error(List.of("format"), "missing (write 'format: " + FORMAT + "' at the top)");
        }
        if (sf.format() != FORMAT) {
            throw doc.error(List.of("format"), "format " + sf.format() + " is not supported (this version reads "
                    + FORMAT + ")");
        }
        if (sf.id() != null) {
            doc.checkId(List.of("id"), sf.id());
        }
        String title = doc.required(List.of(), "title", sf.title());
        Optional<java.time.LocalDate> date = Optional.empty();
        if (sf.date() != null) {
            try {
                date = Optional.of(java.time.LocalDate.parse(sf.date()));
            } catch (java.time.format.DateTimeParseException e) {
                throw doc.error(List.of("date"), "expected a date as YYYY-MM-DD (the report's date), got '" + sf.date()
                        + "'");
            }
        }
        Policies policies = SynthesisMapper.policies(doc, sf.policies());
        Optional<Double> zero = SynthesisMapper.zeroBaseline(doc, sf.policies());
        List<Effect> effects = SynthesisMapper.effects(doc, sf.effects(), policies);
        Map<String, Effect> effectById = new LinkedHashMap<>();
        effects.forEach(e -> effectById.put(e.id(), e));
        List<ConceptMapping> mappings = SynthesisMapper.concepts(doc, sf.concepts(), effectById.keySet());
        // validated above with lines; the core's one reading of the decisions
        ConceptMap concepts = ConceptMap.of(mappings, effectById.keySet());

        Optional<ProjectFiles.ChecklistFile> checklistFile = Optional.empty();
        Optional<Checklist> checklist = Optional.empty();
        if (sf.checklist() != null) {
            Path cp = folder.inside(doc, List.of("checklist"), sf.checklist());
            if (!folder.isFile(cp)) {
                throw doc.error(List.of("checklist"), "checklist file '" + sf.checklist() + "' does not exist");
            }
            ParsedFile<ProjectFiles.ChecklistFile> cd = read(folder, cp, ProjectFiles.ChecklistFile.class, inputs);
            checklistFile = Optional.of(cd.value());
            checklist = Optional.of(ChecklistMapper.map(cd));
        }

        if (sf.studies() == null || sf.studies().isEmpty()) {
            throw doc.error(List.of("studies"), "missing: list the study ids in combination order, e.g. [S1, S2]");
        }
        StudyMapper mapper = new StudyMapper(folder, effectById, concepts, checklist, policies, zero,
                measurements);
        List<StudyRead> reads = readStudies(folder, doc, sf.studies(), mapper);
        Map<String, ProjectFiles.StudyFile> studyFiles = new LinkedHashMap<>();
        List<Study> studies = new ArrayList<>();
        for (StudyRead r : reads) {
            studyFiles.put(r.study().id(), r.file());
            studies.add(r.study());
            inputs.addAll(r.inputs());
        }
        checkMeasurementRows(reads);
        List<String> warnings = unlistedStudies(folder, studyFiles.keySet());

        var published = SynthesisMapper.published(doc, sf.published(), effectById.keySet());
        List<String> order = SynthesisMapper.order(doc, sf.order(), studies);
        Synthesis synthesis = new Synthesis(sf.id() == null ? abs.getFileName().toString() : sf.id(), title,
                sf.question() == null ? "" : sf.question(), sf.intervention() == null ? "" : sf.intervention(),
                effects, mappings, checklist, studies, policies, published, order);
        SensitivityPlan plan = SynthesisMapper.sensitivity(doc, sf.sensitivity());
        Map<String, StudyDescription> descriptions = new LinkedHashMap<>();
        reads.forEach(r -> descriptions.put(r.study().id(), r.description()));
        Optional<String> publishedSource = Optional.ofNullable(sf.published()).map(ProjectFiles.PublishedEntry::source);
        Map<String, String> notes = new LinkedHashMap<>();
        if (sf.published() != null && sf.published().results() != null) {
            sf.published().results().forEach((effect, r) -> {
                if (r != null && r.note() != null) {
                    notes.put(effect, r.note());
                }
            });
        }
        Project project = new Project(abs, synthesis, descriptions, publishedSource, notes, inputs, zero, warnings,
                plan, date);
        return new ProjectSources(project, sf, checklistFile, studyFiles);
    }

    /**
     * One study as read: the mapped study, its file, the files read for it (its own first), and its
     * findings' references to measurement files.
     */
    private record StudyRead(Study study, StudyDescription description, ProjectFiles.StudyFile file,
            List<Provenance.Input> inputs, List<MeasurementRef> refs) {
    }

    /**
     * After every study is read, in study order: each measurement file read with one column mapping,
     * and each of its rows read by exactly one finding.
     */
    private static void checkMeasurementRows(List<StudyRead> reads) {
        Map<Path, List<MeasurementRef>> byFile = new LinkedHashMap<>();
        for (StudyRead r : reads) {
            for (MeasurementRef m : r.refs()) {
                List<MeasurementRef> refs = byFile.computeIfAbsent(m.file(), k -> new ArrayList<>());
                if (!refs.isEmpty() && !refs.get(0).columns().equals(m.columns())) {
                    throw m.doc().error(m.at(), "the file is read with other columns, ignore lists or levels in "
                            + InputException.display(refs.get(0).doc().file()) + ": give every reference to one"
                            + " file the same 'columns', 'ignore' and 'levels'");
                }
                refs.add(m);
            }
        }
        for (List<MeasurementRef> refs : byFile.values()) {
            MeasurementRef first = refs.get(0);
            List<MeasurementUse> uses = new ArrayList<>();
            refs.forEach(m -> uses.add(m.use()));
            try {
                MeasurementReader.checkRows(first.file(), first.columns(), uses);
            } catch (MeasurementException e) {
                throw first.doc().error(first.at(), e.getMessage(), e);
            }
        }
    }

    /** One study's read, or what went wrong. */
    private record Attempt(StudyRead read, RuntimeException failure) {
    }

    /**
     * Reads and maps the listed study files in parallel; the first failure in list order is thrown,
     * so the message is the one a sequential read would give.
     */
    private static List<StudyRead> readStudies(ProjectFolder folder, ParsedFile<ProjectFiles.SynthesisFile> doc,
            List<String> ids, StudyMapper mapper) {
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            first.putIfAbsent(ids.get(i), i);
        }
        List<Attempt> attempts = IntStream.range(0, ids.size()).parallel().mapToObj(i -> {
            try {
                return new Attempt(readStudy(folder, doc, ids.get(i), i, first, mapper), null);
            } catch (RuntimeException e) {
                return new Attempt(null, e);
            }
        }).toList();
        List<StudyRead> out = new ArrayList<>(attempts.size());
        for (Attempt a : attempts) {
            if (a.failure() != null) {
                throw a.failure();
            }
            out.add(a.read());
        }
        return out;
    }

    private static StudyRead readStudy(ProjectFolder folder, ParsedFile<ProjectFiles.SynthesisFile> doc,
            String sid, int i, Map<String, Integer> first, StudyMapper mapper) {
        List<Object> at = List.of("studies", i);
        doc.checkId(at, sid);
        if (first.get(sid) < i) {
            throw doc.error(at, "study '" + sid + "' is listed twice");
        }
        Path sp = folder.dir().resolve("studies").resolve(sid + ".yaml");
        if (!folder.isFile(sp)) {
            throw doc.error(at, "study '" + sid + "': no file studies/" + sid + ".yaml");
        }
        List<Provenance.Input> inputs = new ArrayList<>();
        List<MeasurementRef> refs = new ArrayList<>();
        ParsedFile<ProjectFiles.StudyFile> sd = read(folder, sp, ProjectFiles.StudyFile.class, inputs);
        Study study = mapper.map(sd, sid, inputs, refs);
        return new StudyRead(study, DescriptionMapper.map(sd.value()), sd.value(), inputs, refs);
    }

    private static <T> ParsedFile<T> read(ProjectFolder folder, Path file, Class<T> type,
            List<Provenance.Input> inputs) {
        byte[] bytes = folder.read(file);
        inputs.add(folder.describe(file, bytes));
        return YamlReader.read(file, bytes, type, folder.texts());
    }

    private static List<String> unlistedStudies(ProjectFolder folder, Collection<String> listed) {
        Path sdir = folder.dir().resolve("studies");
        if (!Files.isDirectory(sdir)) {
            return List.of();
        }
        try (var s = Files.list(sdir)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - 5))
                    .filter(n -> !listed.contains(n))
                    .sorted()
                    .map(n -> "studies/" + n + ".yaml is not listed in synthesis.yaml 'studies'"
                            + " and was not read")
                    .toList();
        } catch (IOException e) {
            throw new InputException(sdir, 0, "", "cannot list: " + e.getMessage(), e);
        }
    }
}

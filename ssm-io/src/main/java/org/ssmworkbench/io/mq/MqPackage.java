package org.ssmworkbench.io.mq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.ssmworkbench.io.project.ProjectFiles;

/**
 * A replication package's processed evidence as the importer understands it, independent of its
 * layout: studies with their beliefs, types and context, their evidence models (one per record), each
 * with an intensity and a mass per metric, and the combination order.
 *
 * @param layout    1 (per study effects.json) or 2 (studies.json and per study effects_by_precision.json)
 * @param checklist the quality questionnaire the studies answer (layout 1), if any
 * @param studies   the studies, in the package's study order
 * @param order     the combination order across studies; empty when the package gives none (study order)
 */
public record MqPackage(int layout, Optional<ProjectFiles.ChecklistFile> checklist, List<Study> studies,
        List<Ref> order) {

    /** Defensive copies. */
    public MqPackage {
        studies = List.copyOf(studies);
        order = List.copyOf(order);
    }

    /**
     * One primary study.
     *
     * @param id           study id ("S9")
     * @param key          citation key, also the study's folder name
     * @param title        the paper's title
     * @param belief       the study belief B as the package gives it
     * @param beliefSource where B was read ("studies.json", "README.md")
     * @param type         the SSM band id (a key of the default quality bands)
     * @param typeSource   how the band was chosen, in words
     * @param reportedType what the study calls itself (metadata.json study_type), or null
     * @param context      the rest of metadata.json, in its order
     * @param quality      checklist answers (item id to yes/no/n.a.), or null
     * @param records      the evidence models, in file order
     * @param files        the package files this study was read from, relative to the package folder
     */
    public record Study(String id, String key, String title, double belief, String beliefSource, String type,
            String typeSource, String reportedType, ObjectNode context, LinkedHashMap<String, String> quality,
            List<Evidence> records, List<String> files) {

        /** Defensive copies. */
        public Study {
            records = List.copyOf(records);
            files = List.copyOf(files);
        }
    }

    /**
     * One evidence model: a record of the package.
     *
     * @param method  quantization method as the package names it ("ptq", "qat"), or null
     * @param label   the precision configuration ("w-int8, a-int8", "q0.16")
     * @param metrics metric id to finding, in file order (metrics without intensity left out)
     */
    public record Evidence(String method, String label, LinkedHashMap<String, Metric> metrics) {
    }

    /**
     * One finding: an intensity with its mass, and the package's other values for reference.
     *
     * @param intensity the intensity label (canonical spelling)
     * @param mass      the mass ("belief" in the package)
     * @param source    the metric object's other fields, in file order
     */
    public record Metric(String intensity, double mass, LinkedHashMap<String, JsonNode> source) {
    }

    /**
     * A position in the combination order.
     *
     * @param study  index into {@link #studies()}
     * @param record index into that study's records
     */
    public record Ref(int study, int record) {
    }

    /** The number of evidence models. */
    public int evidenceModels() {
        return studies.stream().mapToInt(s -> s.records().size()).sum();
    }

    /** The number of findings (evidence model × metric). */
    public int findings() {
        return studies.stream().flatMap(s -> s.records().stream()).mapToInt(r -> r.metrics().size()).sum();
    }
}

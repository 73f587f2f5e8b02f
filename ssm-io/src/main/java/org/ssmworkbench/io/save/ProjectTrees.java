package org.ssmworkbench.io.save;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.ssmworkbench.io.project.ProjectFiles;
import org.ssmworkbench.io.project.ProjectLoader;

/**
 * What each file of a project holds, as a tree, from the project's model: the one place that knows
 * which part of the model goes to which file under which keys. Keys are spelled as in the files
 * (snake_case), absent values are absent keys, and checklist answers are the booleans the YAML reader
 * sees for {@code yes} / {@code no}.
 */
public final class ProjectTrees {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private ProjectTrees() {
    }

    /**
     * The trees of every file the project's model writes, by path relative to the project folder
     * ('/' separators): synthesis.yaml, the checklist when the project names one, one file per study.
     */
    public static Map<String, JsonNode> of(ProjectContent project) {
        Map<String, JsonNode> files = new LinkedHashMap<>();
        files.put(ProjectLoader.SYNTHESIS_FILE, tree(project.synthesis()));
        if (project.synthesis().checklist() != null && project.checklist().isPresent()) {
            files.put(project.synthesis().checklist().replace('\\', '/'), tree(project.checklist().get()));
        }
        for (Map.Entry<String, ProjectFiles.StudyFile> s : project.studies().entrySet()) {
            files.put(studyPath(s.getKey()), study(s.getValue()));
        }
        return files;
    }

    /** Where a study's file lives. */
    public static String studyPath(String id) {
        return "studies/" + id + ".yaml";
    }

    /** A file record as the tree its YAML file holds. */
    public static JsonNode tree(Object fileRecord) {
        return MAPPER.valueToTree(fileRecord);
    }

    /** A study record's tree with its checklist answers as booleans where they are yes / no. */
    static JsonNode study(ProjectFiles.StudyFile study) {
        JsonNode t = tree(study);
        if (t.get("quality") instanceof ObjectNode q) {
            for (Iterator<Map.Entry<String, JsonNode>> it = q.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isTextual()) {
                    switch (e.getValue().textValue().toLowerCase(Locale.ROOT)) {
                        case "yes", "true" -> e.setValue(BooleanNode.TRUE);
                        case "no", "false" -> e.setValue(BooleanNode.FALSE);
                        default -> {
                        }
                    }
                }
            }
        }
        return t;
    }

    /** A tree back as a file record (as the loader would read it). */
    public static <T> T record(JsonNode tree, Class<T> type) {
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}

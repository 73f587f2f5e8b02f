package org.ssmworkbench.io.project;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The plain data objects the project files are read into, one record per YAML mapping, field names
 * as in the files (snake_case). Nothing here validates beyond types: {@link ProjectLoader} maps them
 * into core values and reports problems with file, line and field.
 */
public final class ProjectFiles {

    private ProjectFiles() {
    }

    /** {@code synthesis.yaml}. */
    @JsonPropertyOrder({"format", "id", "title", "question", "intervention", "date", "effects", "concepts",
        "policies", "checklist", "studies", "order", "published", "sensitivity"})
    public record SynthesisFile(Integer format, String id, String title, String question, String intervention,
            List<EffectEntry> effects, List<ConceptEntry> concepts, PoliciesEntry policies, String checklist,
            List<String> studies, List<String> order, PublishedEntry published, SensitivityEntry sensitivity,
            String date) {
    }

    /** The sensitivity block: cut-point factors and subgroups by moderator. */
    public record SensitivityEntry(List<Double> cutFactors, List<SubgroupEntry> subgroups) {
    }

    /** Subgroups by one moderator: named groups with conditions, or none for one group per value. */
    public record SubgroupEntry(String moderator, String label, LinkedHashMap<String, String> groups) {
    }

    /** One effect. */
    public record EffectEntry(String id, String label, String family, String better, String description) {
    }

    /** One concept-mapping decision: exactly one of join, drop, keep. */
    public record ConceptEntry(List<String> join, List<String> drop, List<String> keep, String into, String reason) {
    }

    /** The policies block; every field optional. */
    public record PoliciesEntry(String rule, String selector, String assignment, String quantiles,
            JsonNode zeroBaseline, DiscountEntry discount, LinkedHashMap<String, List<Double>> cutPoints,
            LinkedHashMap<String, List<Double>> qualityBands, SpreadEntry spread) {
    }

    /** Spread policy: the IQR per SD, and whether the discount measures single values or the estimate. */
    public record SpreadEntry(Double sdToIqr, String basis) {
    }

    /** Discount policy. */
    public record DiscountEntry(Double factor, Integer decimals, Integer massDecimals) {
    }

    /** Published aggregated results. */
    public record PublishedEntry(String source, LinkedHashMap<String, PublishedResultEntry> results) {
    }

    /** One published result. */
    public record PublishedResultEntry(List<String> hypothesis, Double belief, Integer findings, String note) {
    }

    /** {@code checklist.yaml}. */
    public record ChecklistFile(String id, String title, List<QuestionEntry> questions) {
    }

    /** A checklist question. */
    public record QuestionEntry(String id, String text, List<ItemEntry> items) {
    }

    /** A checklist item. */
    public record ItemEntry(String id, String text) {
    }

    /** {@code studies/ID.yaml}. */
    public record StudyFile(String id, String key, CitationEntry citation, String type, String reportedType,
            LinkedHashMap<String, String> quality, Double belief, JsonNode context, List<EvidenceEntry> evidence) {
    }

    /** A citation. */
    public record CitationEntry(List<String> authors, String title, String venue, Integer year, String doi,
            String url) {
    }

    /** One evidence model. */
    public record EvidenceEntry(String id, String label, LinkedHashMap<String, JsonNode> moderators,
            String explanation, LinkedHashMap<String, EffectInputEntry> effects) {
    }

    /**
     * What an evidence model reports for one effect: exactly one of summary, measurements, intensity + mass;
     * optionally what a source recorded ({@code published}) and reference values the method ignores
     * ({@code source}: name to a single value, e.g. an imported package's improvement, std and iqr).
     */
    @JsonPropertyOrder({"summary", "measurements", "groups", "effect_size", "intensity", "mass", "published",
        "source"})
    public record EffectInputEntry(SummaryEntry summary, JsonNode measurements, GroupsEntry groups,
            EffectSizeEntry effectSize, String intensity, Double mass, RecordedEntry published,
            LinkedHashMap<String, JsonNode> source) {
    }

    /** Two independent groups; {@code measure} is "ri" (relative improvement, the default) or "g". */
    public record GroupsEntry(GroupEntry baseline, GroupEntry treated, String measure) {
    }

    /** One group: n with mean and sd, or with median and quartiles. */
    public record GroupEntry(Long n, Double mean, Double sd, Double median, Double q1, Double q3) {
    }

    /** A standardized effect: exactly one of g and d, with both group sizes or the standard error. */
    public record EffectSizeEntry(Double g, Double d, Long nBaseline, Long nTreated, Double se) {
    }

    /** Summary statistics of RI samples. */
    public record SummaryEntry(Long n, Double mean, Double std, Double q1, Double q3, Double iqr) {
    }

    /** Measurement file reference in its long form. */
    public record MeasurementsEntry(String file, String effect, String evidence,
            LinkedHashMap<String, String> columns, List<String> ignore, String design, String measure, String form,
            LinkedHashMap<String, String> levels) {
    }

    /** Per-finding values a source recorded. */
    public record RecordedEntry(String intensity, Double discount, Double mass) {
    }
}

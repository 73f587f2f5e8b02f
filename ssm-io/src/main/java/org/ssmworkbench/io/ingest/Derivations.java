package org.ssmworkbench.io.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Links a synthesis's measurement files to the derivation records `ssm ingest` wrote beside them, so
 * that results.json's provenance carries, for every table that came from logs, the logs with their
 * SHA-256, each metric's units and aggregate, and every run left out with its reason.
 */
public final class Derivations {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Derivations() {
    }

    /**
     * The provenance entry of one ingested table.
     *
     * @param table        the table's path (relative to the project, '/')
     * @param record       the derivation record's path
     * @param sha256       the record's SHA-256
     * @param tableMatches whether the table is byte for byte the one the ingest wrote
     * @param summary      the record without its per-pair detail: spec, inputs, per source the metric
     *                     and the exclusions, and the number of pairs
     */
    public record Link(String table, String record, String sha256, boolean tableMatches, JsonNode summary) {
    }

    /**
     * The derivation links of the given input files: for each {@code measurements.csv} with a
     * {@code derivation.json} of this tool beside it.
     *
     * @param dir    the project folder
     * @param inputs (path relative to dir, sha256) of the files the synthesis read
     */
    public static List<Link> find(Path dir, List<String[]> inputs) {
        List<Link> out = new ArrayList<>();
        for (String[] in : inputs) {
            String path = in[0];
            if (!path.equals(Ingest.TABLE) && !path.endsWith("/" + Ingest.TABLE)) {
                continue;
            }
            String recordPath = path.substring(0, path.length() - Ingest.TABLE.length()) + Ingest.DERIVATION;
            Path record = dir.resolve(recordPath);
            if (!Files.isRegularFile(record)) {
                continue;
            }
            JsonNode d;
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(record);
                d = JSON.readTree(bytes);
            } catch (IOException e) {
                continue; // not a record of ours: nothing to link (the table itself is hashed anyway)
            }
            if (d == null || !Ingest.DERIVATION_FORMAT.equals(d.path("format").asText())) {
                continue;
            }
            ObjectNode summary = JSON.createObjectNode();
            summary.set("tool", d.path("tool"));
            summary.set("spec", d.path("spec"));
            summary.set("inputs", d.path("inputs"));
            ArrayNode sources = summary.putArray("sources");
            for (JsonNode s : d.path("sources")) {
                ObjectNode c = s.deepCopy();
                c.put("pairs", s.path("pairs").size());
                sources.add(c);
            }
            boolean matches = d.path("table").path("sha256").asText().equals(in[1]);
            out.add(new Link(path, recordPath, Ingest.sha256(bytes), matches, summary));
        }
        return out;
    }

    /** Writes links as a JSON array value. */
    public static void write(com.fasterxml.jackson.core.JsonGenerator g, List<Link> links) throws IOException {
        g.writeStartArray();
        for (Link l : links) {
            g.writeStartObject();
            g.writeStringField("table", l.table());
            g.writeStringField("record", l.record());
            g.writeStringField("sha256", l.sha256());
            g.writeBooleanField("table_matches", l.tableMatches());
            g.writeFieldName("derivation");
            JSON.writeTree(g, l.summary());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}

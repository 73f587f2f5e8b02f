package org.ssmworkbench.io.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A folder of logs and an ingest spec, for tests. */
final class Logs {

    private final Path dir;

    Logs(Path dir) {
        this.dir = dir;
    }

    Logs file(String rel, String text) {
        try {
            Path p = dir.resolve(rel);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes ingest.yaml and runs the ingest. */
    Ingest.Result run(String spec) {
        file("ingest.yaml", spec);
        return Ingest.run(IngestSpec.read(dir.resolve("ingest.yaml")), "test");
    }

    static String table(Ingest.Result r) {
        return new String(r.files().get(Ingest.TABLE), StandardCharsets.UTF_8);
    }

    static JsonNode derivation(Ingest.Result r) {
        try {
            return new ObjectMapper().readTree(r.files().get(Ingest.DERIVATION));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The spec header shared by most tests: factor variant, fp32 vs int8, paired by repetition. */
    static String spec(String sources) {
        return """
                format: 1
                output: out
                factor: variant
                baseline: fp32
                treated: int8
                pair_by: [repetition]
                sources:
                """ + sources;
    }
}

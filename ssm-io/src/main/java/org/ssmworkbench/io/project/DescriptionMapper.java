package org.ssmworkbench.io.project;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.ssmworkbench.core.synthesis.Archetype;
import org.ssmworkbench.core.synthesis.Citation;
import org.ssmworkbench.core.synthesis.Context;
import org.ssmworkbench.core.synthesis.StudyDescription;

/**
 * Maps what a person reads about a study (key, citation, reported type, context) from its file to a
 * {@link StudyDescription}. The context is free-form YAML: each top-level key becomes an aspect
 * whose values are flattened to text (a list gives its items, a mapping "name value" items, deeper
 * levels joined on one line).
 */
final class DescriptionMapper {

    private DescriptionMapper() {
    }

    static StudyDescription map(ProjectFiles.StudyFile sf) {
        return new StudyDescription(sf.id(), Optional.ofNullable(sf.key()), Optional.ofNullable(sf.citation())
                .map(DescriptionMapper::citation), Optional.ofNullable(sf.reportedType()), context(sf.context()));
    }

    private static Citation citation(ProjectFiles.CitationEntry c) {
        return new Citation(c.authors() == null ? List.of() : c.authors(), c.title() == null ? "" : c.title(),
                c.venue() == null ? "" : c.venue(), c.year() == null ? OptionalInt.empty() : OptionalInt.of(c.year()),
                Optional.ofNullable(c.doi()), Optional.ofNullable(c.url()));
    }

    /** The aspects of a context mapping; a context that is a single value or list is one aspect "context". */
    static Context context(JsonNode context) {
        if (context == null || context.isNull() || context.isMissingNode()) {
            return Context.NONE;
        }
        List<Context.Aspect> out = new ArrayList<>();
        if (!context.isObject()) {
            out.add(new Context.Aspect("context", Archetype.OTHER, values(context)));
            return new Context(out);
        }
        for (Map.Entry<String, JsonNode> f : context.properties()) {
            out.add(Context.Aspect.of(f.getKey(), values(f.getValue())));
        }
        return new Context(out);
    }

    /** A value flattened into items: an array gives its elements, a mapping "key value" items. */
    private static List<String> values(JsonNode v) {
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull() || v.isMissingNode()) {
            return out;
        }
        if (v.isArray()) {
            for (JsonNode x : v) {
                out.add(scalar(x));
            }
        } else if (v.isObject()) {
            for (Map.Entry<String, JsonNode> f : v.properties()) {
                out.add(f.getKey().replace('_', ' ') + " " + scalar(f.getValue()));
            }
        } else {
            out.add(scalar(v));
        }
        return out;
    }

    /** A value as one line: scalars as text, arrays joined by ", ", mappings by "; ". */
    private static String scalar(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "";
        }
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode x : v) {
                parts.add(scalar(x));
            }
            return String.join(", ", parts);
        }
        if (v.isObject()) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, JsonNode> f : v.properties()) {
                parts.add(f.getKey().replace('_', ' ') + " " + scalar(f.getValue()));
            }
            return String.join("; ", parts);
        }
        return v.asText();
    }
}

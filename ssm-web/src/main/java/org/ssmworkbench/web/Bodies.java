package org.ssmworkbench.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reading a JSON request body strictly: an object with known members only (an unknown one is refused
 * by name, never ignored), each of the expected type; every refusal is a 400 naming the member.
 */
final class Bodies {

    private Bodies() {
    }

    /** The body as an object with only these members. */
    static JsonNode object(JsonNode body, Set<String> allowed) {
        if (body == null || !body.isObject()) {
            throw ApiException.located(400, "the request body must be a JSON object", null, 0, null);
        }
        for (Iterator<String> it = body.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw ApiException.located(400, "unknown member '" + f + "' (known: "
                        + String.join(", ", new TreeSet<>(allowed)) + ")", null, 0, f);
            }
        }
        return body;
    }

    /** A text member, if present and not null. */
    static Optional<String> text(JsonNode o, String name) {
        JsonNode v = o.get(name);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw ApiException.located(400, name + " must be a text", null, 0, name);
        }
        return Optional.of(v.textValue());
    }

    /** A required text member. */
    static String required(JsonNode o, String name) {
        return text(o, name).orElseThrow(() -> ApiException.located(400, "missing: " + name, null, 0, name));
    }

    /** A list of texts (empty when absent). */
    static List<String> texts(JsonNode o, String name) {
        JsonNode v = o.get(name);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            throw ApiException.located(400, name + " must be a list of texts", null, 0, name);
        }
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) {
                throw ApiException.located(400, name + "[" + i + "] must be a text", null, 0, name + "[" + i + "]");
            }
            out.add(v.get(i).textValue());
        }
        return out;
    }
}

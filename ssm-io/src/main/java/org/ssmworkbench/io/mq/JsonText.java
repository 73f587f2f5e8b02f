package org.ssmworkbench.io.mq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON text the way the replication packages write it (Python's {@code json.dumps(indent=N)}): one
 * value per line, {@code "key": value}, empty containers as {@code []} and {@code {}}, UTF-8 kept.
 * Same tree, same bytes.
 */
final class JsonText {

    private static final ObjectMapper SCALARS = new ObjectMapper();

    private JsonText() {
    }

    /** The tree as indented JSON, with or without a final newline. */
    static String write(JsonNode node, int indent, boolean newline) {
        StringBuilder sb = new StringBuilder();
        write(sb, node, indent, 0);
        return newline ? sb.append('\n').toString() : sb.toString();
    }

    private static void write(StringBuilder sb, JsonNode n, int indent, int depth) {
        if (n.isObject()) {
            if (n.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append("{\n");
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                pad(sb, indent, depth + 1);
                sb.append(scalar(SCALARS.getNodeFactory().textNode(e.getKey()))).append(": ");
                write(sb, e.getValue(), indent, depth + 1);
                sb.append(it.hasNext() ? ",\n" : "\n");
            }
            pad(sb, indent, depth);
            sb.append('}');
        } else if (n.isArray()) {
            if (n.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append("[\n");
            for (int i = 0; i < n.size(); i++) {
                pad(sb, indent, depth + 1);
                write(sb, n.get(i), indent, depth + 1);
                sb.append(i + 1 < n.size() ? ",\n" : "\n");
            }
            pad(sb, indent, depth);
            sb.append(']');
        } else {
            sb.append(scalar(n));
        }
    }

    /** A scalar (or a whole tree) on one line. */
    static String scalar(JsonNode n) {
        try {
            return SCALARS.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    private static void pad(StringBuilder sb, int indent, int depth) {
        sb.append(" ".repeat(indent * depth));
    }
}

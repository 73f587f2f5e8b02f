package org.ssmworkbench.io.mq;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.ssmworkbench.io.InputException;

/**
 * A JSON file of a replication package, parsed into a tree that remembers the line of every value, so
 * that problems found after parsing (an unknown intensity label, a mass outside [0, 1]) still name the
 * file, the line and the record. Duplicate keys are malformed JSON here.
 */
final class JsonDoc {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Path file;
    private final JsonNode root;
    private final Map<String, Integer> lines;

    private JsonDoc(Path file, JsonNode root, Map<String, Integer> lines) {
        this.file = file;
        this.root = root;
        this.lines = lines;
    }

    /**
     * Parses a JSON text.
     *
     * @throws InputException naming file and line when the text is not one well-formed JSON value
     */
    static JsonDoc parse(Path file, byte[] bytes) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = JSON.createParser(bytes)) {
            if (p.nextToken() == null) {
                throw new InputException(file, 0, "", "malformed JSON: the file is empty");
            }
            JsonNode root = node(p, "", lines);
            if (p.nextToken() != null) {
                throw new InputException(file, line(p), "", "malformed JSON: more than one value (text after the"
                        + " end of the first)");
            }
            return new JsonDoc(file, root, lines);
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage() == null ? "invalid JSON" : e.getOriginalMessage();
            int cut = msg.indexOf('\n');
            if (cut > 0) {
                msg = msg.substring(0, cut);
            }
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            throw new InputException(file, line, "", "malformed JSON: " + msg.strip(), e);
        } catch (IOException e) {
            throw new InputException(file, 0, "", "cannot read: " + e.getMessage(), e);
        }
    }

    private static JsonNode node(JsonParser p, String path, Map<String, Integer> lines) throws IOException {
        JsonToken t = p.currentToken();
        lines.putIfAbsent(path, line(p));
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (t) {
            case START_OBJECT: {
                ObjectNode o = f.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = child(path, name);
                    lines.put(child, line(p));
                    p.nextToken();
                    o.set(name, node(p, child, lines));
                }
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = f.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(node(p, path + "[" + i++ + "]", lines));
                }
                return a;
            }
            case VALUE_STRING:
                return f.textNode(p.getText());
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT:
                        return f.numberNode(p.getIntValue());
                    case LONG:
                        return f.numberNode(p.getLongValue());
                    default:
                        return f.numberNode(p.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return f.numberNode(p.getDoubleValue());
            case VALUE_TRUE:
                return f.booleanNode(true);
            case VALUE_FALSE:
                return f.booleanNode(false);
            case VALUE_NULL:
                return f.nullNode();
            default:
                throw new IllegalStateException("unexpected JSON token " + t);
        }
    }

    private static int line(JsonParser p) {
        return Math.max(0, p.currentTokenLocation().getLineNr());
    }

    /** The path of a field below {@code path}: {@code a.b}, or {@code a["w-int8, a-int8"]} for other names. */
    static String child(String path, String name) {
        if (PLAIN_KEY.matcher(name).matches()) {
            return path.isEmpty() ? name : path + "." + name;
        }
        return path + "[\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }

    /** The parsed value. */
    JsonNode root() {
        return root;
    }

    /** The file. */
    Path file() {
        return file;
    }

    /** The line of a value by its path, or of its nearest enclosing value; 0 if unknown. */
    int line(String path) {
        String p = path;
        while (true) {
            Integer l = lines.get(p);
            if (l != null) {
                return l;
            }
            if (p.isEmpty()) {
                return 0;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut <= 0 ? "" : p.substring(0, cut);
        }
    }

    /** An error about the value at {@code path}. */
    InputException error(String path, String detail) {
        return new InputException(file, line(path), path, detail);
    }
}

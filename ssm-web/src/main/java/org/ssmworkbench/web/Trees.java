package org.ssmworkbench.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Edits arrive as JSON from the browser, where 0.0 is 0 and 1e3 is 1000: before a save, each number
 * equal to the one the file has at the same place takes the file's node, so that the writer sees no
 * change there and the file keeps its spelling ({@code iqr: 0.0} stays {@code iqr: 0.0}).
 */
final class Trees {

    private Trees() {
    }

    /** {@code edited} with every number equal to {@code original}'s at the same path replaced by it. */
    static JsonNode reconcile(JsonNode original, JsonNode edited) {
        if (original == null || edited == null) {
            return edited;
        }
        if (original.isNumber() && edited.isNumber()) {
            return original.doubleValue() == edited.doubleValue() ? original : edited;
        }
        if (original instanceof ObjectNode o && edited instanceof ObjectNode e) {
            for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> f = it.next();
                f.setValue(reconcile(o.get(f.getKey()), f.getValue()));
            }
            return e;
        }
        if (original instanceof ArrayNode o && edited instanceof ArrayNode e) {
            for (int i = 0; i < e.size() && i < o.size(); i++) {
                e.set(i, reconcile(o.get(i), e.get(i)));
            }
            return e;
        }
        return edited;
    }
}

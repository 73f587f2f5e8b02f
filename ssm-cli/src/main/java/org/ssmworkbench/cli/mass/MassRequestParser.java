package org.ssmworkbench.cli.mass;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ssmworkbench.cli.BadInputException;
import org.ssmworkbench.core.belief.CombinationRule;
import org.ssmworkbench.core.belief.EvidenceException;
import org.ssmworkbench.core.belief.Frame;
import org.ssmworkbench.core.belief.Limits;
import org.ssmworkbench.core.belief.MassFunction;
import org.ssmworkbench.core.ssm.ResultSelector;
import org.ssmworkbench.core.ssm.SsmScale;

/**
 * Turns the JSON of one `ssm mass` request into a validated {@link MassRequest}. Every error names the
 * field it is about, as a JSON path ({@code masses[1]["a,x"]}).
 */
public final class MassRequestParser {

    private static final Set<String> FIELDS = Set.of("frame", "rule", "masses", "select");
    private static final CombinationRule[] RULES = CombinationRule.values();
    private static final ResultSelector[] SELECTORS = ResultSelector.values();

    private final Map<List<String>, Frame> frames = new HashMap<>();

    /** Focal-set keys already parsed, per frame: batches repeat the same few keys on every line. */
    private final Map<Frame, Map<String, Long>> keys = new java.util.IdentityHashMap<>();

    /**
     * Parses one request.
     *
     * @param node         the request object
     * @param ruleOverride a rule that replaces the request's, or null
     * @param selectOverride a selector that replaces the request's, or null
     * @throws BadInputException naming the field at fault
     */
    public MassRequest parse(JsonNode node, CombinationRule ruleOverride, ResultSelector selectOverride) {
        if (node == null || !node.isObject()) {
            throw new BadInputException("expected a JSON object with \"masses\", got "
                    + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new BadInputException("unknown field \"" + cut(f) + "\" (known: frame, rule, masses, select)");
            }
        }
        Frame frame = frame(node.get("frame"));
        CombinationRule rule = ruleOverride != null ? ruleOverride : rule(node.get("rule"));
        Optional<ResultSelector> selector = Optional.ofNullable(selectOverride != null ? selectOverride
                : selector(node.get("select")));
        if (selector.isPresent() && !SsmScale.isSsmFrame(frame)) {
            throw new BadInputException("select: result selectors need the SSM frame ("
                    + String.join(", ", SsmScale.CODES) + "); this request's frame is "
                    + String.join(", ", frame.atoms()));
        }
        JsonNode masses = node.get("masses");
        if (masses == null || masses.isNull()) {
            throw new BadInputException("masses: missing (a list of mass functions to combine)");
        }
        if (!masses.isArray() || masses.isEmpty()) {
            throw new BadInputException("masses: expected a non-empty list of objects such as"
                    + " [{\"a\": 0.4, \"a,b\": 0.6}]");
        }
        List<MassFunction> functions = new ArrayList<>(masses.size());
        for (int i = 0; i < masses.size(); i++) {
            functions.add(massFunction(frame, masses.get(i), "masses[" + i + "]"));
        }
        return new MassRequest(frame, rule, functions, selector);
    }

    /**
     * Parses one request straight from its bytes with Jackson's streaming parser, without building a
     * tree: the path of every well-formed request in a batch (decision 0047). It accepts exactly what
     * {@link #parse(JsonNode, CombinationRule, ResultSelector)} accepts and builds the same request
     * (the same functions from the same keys and numbers in the same order); for anything else (a
     * syntax error, an unknown or misplaced field, a value out of range, a limit) it returns null, and
     * the caller parses the line again as a tree, whose error message names the field at fault.
     *
     * @param factory        the factory of the batch's mapper (same parser features as the tree path)
     * @param ruleOverride   a rule that replaces the request's, or null
     * @param selectOverride a selector that replaces the request's, or null
     * @return the request, or null when the line needs the tree path
     */
    MassRequest parseStreaming(JsonFactory factory, byte[] bytes, int offset, int length,
            CombinationRule ruleOverride, ResultSelector selectOverride) {
        try (JsonParser p = factory.createParser(bytes, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Frame frame = SsmScale.FRAME;
            CombinationRule rule = ruleOverride;
            ResultSelector selector = selectOverride;
            List<MassFunction> functions = null;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                switch (field) {
                    case "frame":
                        if (functions != null) {
                            return null; // keys are read against the frame: it must come first
                        }
                        if (v != JsonToken.VALUE_NULL) {
                            frame = streamedFrame(p, v);
                            if (frame == null) {
                                return null;
                            }
                        }
                        break;
                    case "rule":
                        if (ruleOverride != null) {
                            p.skipChildren();
                        } else if (v == JsonToken.VALUE_STRING) {
                            rule = streamedRule(p);
                        } else if (v != JsonToken.VALUE_NULL) {
                            return null;
                        }
                        break;
                    case "select":
                        if (selectOverride != null) {
                            p.skipChildren();
                        } else if (v == JsonToken.VALUE_STRING) {
                            selector = streamedSelector(p);
                        } else if (v != JsonToken.VALUE_NULL) {
                            return null;
                        }
                        break;
                    case "masses":
                        functions = v == JsonToken.START_ARRAY ? streamedFunctions(p, frame) : null;
                        if (functions == null) {
                            return null;
                        }
                        break;
                    default:
                        return null;
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null || functions == null) {
                return null;
            }
            if (selector != null && !SsmScale.isSsmFrame(frame)) {
                return null;
            }
            return new MassRequest(frame, rule != null ? rule : CombinationRule.DEMPSTER, functions,
                    Optional.ofNullable(selector));
        } catch (IOException | IllegalArgumentException | EvidenceException | BadInputException e) {
            return null; // the tree path says what is wrong
        }
    }

    /** The rule a streamed string names: an exact id without a String made, else {@link CombinationRule#byId}. */
    private static CombinationRule streamedRule(JsonParser p) throws IOException {
        for (CombinationRule r : RULES) {
            if (textIs(p, r.id())) {
                return r;
            }
        }
        return CombinationRule.byId(p.getText());
    }

    /** The selector a streamed string names, as {@link #streamedRule}. */
    private static ResultSelector streamedSelector(JsonParser p) throws IOException {
        for (ResultSelector s : SELECTORS) {
            if (textIs(p, s.id())) {
                return s;
            }
        }
        return ResultSelector.byId(p.getText());
    }

    private static boolean textIs(JsonParser p, String id) throws IOException {
        int n = p.getTextLength();
        if (n != id.length()) {
            return false;
        }
        char[] c = p.getTextCharacters();
        int at = p.getTextOffset();
        for (int i = 0; i < n; i++) {
            if (c[at + i] != id.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The frame of a streamed {@code "frame": [...]}, or null when it is not a list of atom names. */
    private Frame streamedFrame(JsonParser p, JsonToken start) throws IOException {
        if (start != JsonToken.START_ARRAY) {
            return null;
        }
        List<String> atoms = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.VALUE_STRING) {
            String name = p.getText();
            if (hasLoneSurrogate(name)) {
                return null;
            }
            atoms.add(name);
        }
        return t == JsonToken.END_ARRAY ? frameOf(atoms) : null;
    }

    /** The functions of a streamed {@code "masses": [...]} (after its START_ARRAY), or null. */
    private List<MassFunction> streamedFunctions(JsonParser p, Frame frame) throws IOException {
        List<MassFunction> functions = new ArrayList<>(4);
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
            MassFunction m = streamedFunction(p, frame);
            if (m == null) {
                return null;
            }
            functions.add(m);
        }
        return t == JsonToken.END_ARRAY && !functions.isEmpty() ? functions : null;
    }

    /** One streamed mass function (after its START_OBJECT), or null when the tree path must judge it. */
    private MassFunction streamedFunction(JsonParser p, Frame frame) throws IOException {
        MassFunction.Builder b = MassFunction.builder(frame);
        int count = 0;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            if (++count > Limits.MAX_FOCAL_SETS) {
                return null;
            }
            long set = parseKey(frame, p.currentName());
            JsonToken v = p.nextToken();
            if (v != JsonToken.VALUE_NUMBER_FLOAT && v != JsonToken.VALUE_NUMBER_INT) {
                return null;
            }
            double m = p.getDoubleValue();
            if (!(m >= 0.0 && m <= 1.0) || set == 0L && m > 0.0) {
                return null;
            }
            b.put(set, m);
        }
        return t == JsonToken.END_OBJECT && count > 0 ? b.build() : null;
    }

    private Frame frame(JsonNode node) {
        if (node == null || node.isNull()) {
            return SsmScale.FRAME;
        }
        if (!node.isArray()) {
            throw new BadInputException("frame: expected a list of atom names such as [\"a\", \"b\", \"c\"]");
        }
        List<String> atoms = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode a = node.get(i);
            if (!a.isTextual()) {
                throw new BadInputException("frame[" + i + "]: expected an atom name (a string), got " + a);
            }
            String name = a.asText();
            if (hasLoneSurrogate(name)) {
                throw new BadInputException("frame[" + i + "]: the atom name holds a lone surrogate (an unpaired"
                        + " \\uD800-\\uDFFF escape), which is not a character");
            }
            atoms.add(name);
        }
        return frameOf(atoms);
    }

    /** The frame of these atom names (the SSM frame for its codes), cached per batch. */
    private Frame frameOf(List<String> atoms) {
        if (atoms.equals(SsmScale.CODES)) {
            return SsmScale.FRAME;
        }
        Frame cached = frames.get(atoms);
        if (cached != null) {
            return cached;
        }
        try {
            Frame f = Frame.of(atoms);
            if (frames.size() < 1024) {
                frames.put(List.copyOf(atoms), f);
            }
            return f;
        } catch (EvidenceException e) {
            throw new BadInputException("frame: " + e.getMessage(), e);
        }
    }

    private static CombinationRule rule(JsonNode node) {
        if (node == null || node.isNull()) {
            return CombinationRule.DEMPSTER;
        }
        if (!node.isTextual()) {
            throw new BadInputException("rule: expected one of " + CombinationRule.ids() + ", got " + node);
        }
        try {
            return CombinationRule.byId(node.asText());
        } catch (IllegalArgumentException e) {
            throw new BadInputException("rule: " + e.getMessage(), e);
        }
    }

    private static ResultSelector selector(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new BadInputException("select: expected \"ef\" or \"santos\", got " + node);
        }
        try {
            return ResultSelector.byId(node.asText());
        } catch (IllegalArgumentException e) {
            throw new BadInputException("select: " + e.getMessage(), e);
        }
    }

    private long parseKey(Frame frame, String key) {
        if (keys.size() >= 64 && !keys.containsKey(frame)) {
            keys.clear(); // a batch of many custom frames: keep memory bounded
        }
        Map<String, Long> known = keys.computeIfAbsent(frame, f -> new HashMap<>());
        Long set = known.get(key);
        if (set == null) {
            set = frame.parse(key); // throws for an unknown atom: such keys are not remembered
            if (known.size() < 4096) {
                known.put(key, set);
            }
        }
        return set;
    }

    private MassFunction massFunction(Frame frame, JsonNode node, String path) {
        if (!node.isObject() || node.isEmpty()) {
            throw new BadInputException(path + ": expected a non-empty object of focal sets and masses such as"
                    + " {\"a\": 0.4, \"a,b\": 0.6}, got " + abbreviate(node));
        }
        if (node.size() > Limits.MAX_FOCAL_SETS) {
            throw new BadInputException(path + ": " + Limits.count(node.size()) + " focal sets; the limit is "
                    + Limits.count(Limits.MAX_FOCAL_SETS) + " per mass function");
        }
        MassFunction.Builder b = MassFunction.builder(frame);
        Map<Long, String> seen = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String where = path + "[\"" + cut(e.getKey()) + "\"]";
            long set;
            try {
                set = parseKey(frame, e.getKey());
            } catch (EvidenceException ex) {
                throw new BadInputException(where + ": " + ex.getMessage(), ex);
            }
            String prev = seen.put(set, e.getKey());
            if (prev != null) {
                throw new BadInputException(where + ": names the same focal set as \"" + prev + "\" ({"
                        + frame.format(set) + "})");
            }
            JsonNode v = e.getValue();
            if (!v.isNumber()) {
                throw new BadInputException(where + ": expected a number in [0, 1], got " + abbreviate(v));
            }
            double m = v.doubleValue();
            if (!(m >= 0.0 && m <= 1.0)) {
                throw new BadInputException(where + ": mass " + v.asText() + " is outside [0, 1]");
            }
            if (set == 0L && m > 0.0) {
                throw new BadInputException(where + ": the empty set cannot carry mass in an input"
                        + " (only the unnormalized conjunctive rule puts mass on it)");
            }
            b.put(set, m);
        }
        try {
            return b.build();
        } catch (EvidenceException ex) {
            throw new BadInputException(path + ": " + ex.getMessage(), ex);
        }
    }

    /** A user's key or name for a message: at most 60 characters. */
    private static String cut(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static String abbreviate(JsonNode n) {
        String s = n.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}

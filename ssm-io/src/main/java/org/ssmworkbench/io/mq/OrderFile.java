package org.ssmworkbench.io.mq;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ssmworkbench.io.InputException;

/**
 * The combination order of layout 2, {@code evidence-factory-aggregation-order.txt}: one Evidence
 * Factory evidence label per line, {@code Evidence based on the paper "<title> (<qualifier> evidence)"}
 * (the qualifier may also follow the closing quote). The title names the study; the qualifier names
 * one of its records, written in one of the notations packages use (see docs/formats/import-mq.md):
 * the record's own {@code <method> <precision configuration>} or precision configuration, or a short
 * form such as {@code 4-bit}, {@code 8bit}, {@code fxp_4_8}, {@code w8a8 PTQ}, {@code q8.4},
 * {@code wa-int8}, {@code INT8}, {@code full model int8}, {@code weights int8 - activations fp32}.
 * A study with one record needs no qualifier.
 */
final class OrderFile {

    /** The file name in a layout-2 package. */
    static final String NAME = "evidence-factory-aggregation-order.txt";

    private static final Pattern LINE = Pattern.compile(
            "Evidence based on the paper \"(.*)\"\\s*(?:\\((.+) evidence\\))?");
    private static final Pattern INNER = Pattern.compile("(.*?)\\s*\\((.+) evidence\\)");
    private static final Pattern METHOD_FIRST = Pattern.compile("(?i)(ptq-retrain|ptq|qat)\\s+(.+)");
    private static final Pattern METHOD_LAST = Pattern.compile("(?i)(.+?)\\s+(ptq-retrain|ptq|qat)");

    /**
     * One line of the file.
     *
     * @param line      1-based line number
     * @param title     the paper title
     * @param qualifier the qualifier, or null
     */
    record Line(int line, String title, String qualifier) {
    }

    private OrderFile() {
    }

    /**
     * Parses the lines (blank lines are skipped).
     *
     * @throws InputException naming the line when it is not an evidence label
     */
    static List<Line> parse(Path file, byte[] bytes) {
        String[] text = new String(bytes, StandardCharsets.UTF_8).replace("\uFEFF", "").split("\r?\n", -1);
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < text.length; i++) {
            String s = text[i].strip();
            if (s.isEmpty()) {
                continue;
            }
            Matcher m = LINE.matcher(s);
            if (!m.matches()) {
                throw new InputException(file, i + 1, "", "not an evidence label: expected"
                        + " Evidence based on the paper \"<title> (<qualifier> evidence)\", got: " + s);
            }
            String title = m.group(1).strip();
            String qualifier = m.group(2);
            if (qualifier == null) {
                Matcher in = INNER.matcher(title);
                if (in.matches()) {
                    title = in.group(1).strip();
                    qualifier = in.group(2);
                }
            }
            out.add(new Line(i + 1, title, qualifier == null ? null : qualifier.strip()));
        }
        return out;
    }

    /**
     * Maps each line to one record of one study: every record must be named exactly once.
     *
     * @param studies the studies, with their titles and records
     * @throws InputException naming the line of a title no study has, a qualifier no record matches (or
     *     several do), or a record named twice; and a record no line names
     */
    static List<MqPackage.Ref> resolve(Path file, List<Line> lines, List<MqPackage.Study> studies) {
        List<MqPackage.Ref> out = new ArrayList<>();
        Map<MqPackage.Ref, Integer> seen = new java.util.HashMap<>();
        for (Line l : lines) {
            int si = -1;
            for (int i = 0; i < studies.size(); i++) {
                if (normal(studies.get(i).title()).equals(normal(l.title()))) {
                    si = i;
                    break;
                }
            }
            if (si < 0) {
                throw new InputException(file, l.line(), "", "no study in studies.json has the title \"" + l.title()
                        + "\"");
            }
            MqPackage.Study st = studies.get(si);
            int ri = record(file, l, st);
            MqPackage.Ref ref = new MqPackage.Ref(si, ri);
            Integer first = seen.put(ref, l.line());
            if (first != null) {
                throw new InputException(file, l.line(), "", "names the same evidence model as line " + first + " ("
                        + st.id() + " " + describe(st.records().get(ri)) + ")");
            }
            out.add(ref);
        }
        for (int si = 0; si < studies.size(); si++) {
            MqPackage.Study st = studies.get(si);
            for (int ri = 0; ri < st.records().size(); ri++) {
                if (!seen.containsKey(new MqPackage.Ref(si, ri))) {
                    throw new InputException(file, 0, "", "evidence model " + st.id() + " record " + ri + " ("
                            + describe(st.records().get(ri)) + ", " + st.key() + ") is not in the combination order:"
                            + " every evidence model needs one line");
                }
            }
        }
        return out;
    }

    private static int record(Path file, Line l, MqPackage.Study st) {
        List<MqPackage.Evidence> recs = st.records();
        if (l.qualifier() == null) {
            if (recs.size() == 1) {
                return 0;
            }
            throw new InputException(file, l.line(), "", "names study " + st.id() + " without a qualifier"
                    + " (\"... (<qualifier> evidence)\"), but it has " + recs.size() + " evidence models: "
                    + list(recs));
        }
        List<Integer> hits = new ArrayList<>();
        for (Candidate c : candidates(l.qualifier())) {
            for (int i = 0; i < recs.size(); i++) {
                MqPackage.Evidence r = recs.get(i);
                boolean methodOk = c.method() == null || c.method().equalsIgnoreCase(r.method());
                if (methodOk && c.config().equals(r.label()) && !hits.contains(i)) {
                    hits.add(i);
                }
            }
        }
        if (hits.size() == 1) {
            return hits.get(0);
        }
        if (hits.isEmpty()) {
            throw new InputException(file, l.line(), "", "study " + st.id() + " has no evidence model matching '"
                    + l.qualifier() + "' (its evidence models: " + list(recs) + ")");
        }
        List<String> names = new ArrayList<>();
        hits.forEach(h -> names.add(describe(recs.get(h))));
        throw new InputException(file, l.line(), "", "'" + l.qualifier() + "' matches several evidence models of "
                + st.id() + ": " + String.join("; ", names) + " (qualify it with the method, e.g. 'qat ...')");
    }

    /** A reading of a qualifier: a method (or null for any) and a precision configuration. */
    record Candidate(String method, String config) {
    }

    /** Every record a qualifier may name, in the notations of the known packages. */
    static List<Candidate> candidates(String qualifier) {
        String q = qualifier.strip();
        String method = null;
        Matcher m = METHOD_FIRST.matcher(q);
        List<Candidate> out = new ArrayList<>();
        out.add(new Candidate(null, q));
        if (m.matches()) {
            method = m.group(1).toLowerCase(Locale.ROOT);
            q = m.group(2).strip();
        } else if ((m = METHOD_LAST.matcher(q)).matches()) {
            method = m.group(2).toLowerCase(Locale.ROOT);
            q = m.group(1).strip();
        }
        Set<String> configs = new LinkedHashSet<>();
        configs.add(q);
        rule(configs, q, "(\\d+)-bit", g -> List.of("w-log" + g.group(1), "w-q0." + g.group(1) + ", a-q0." + g.group(1)));
        rule(configs, q, "(\\d+)bit", g -> List.of("w-int" + g.group(1)));
        rule(configs, q, "fxp_(\\d+)_(\\d+)", g -> List.of("w-q0." + g.group(1) + ", a-q0." + g.group(2)));
        rule(configs, q, "(?i)((?:fp|int)\\d+)", g -> {
            String p = g.group(1).toLowerCase(Locale.ROOT);
            return List.of("w-" + p + ", a-" + p);
        });
        rule(configs, q, "q(\\d+\\.\\d+)", g -> List.of("a-q" + g.group(1)));
        rule(configs, q, "wa-(\\S+)", g -> List.of("w-" + g.group(1) + ", a-" + g.group(1)));
        rule(configs, q, "w(\\d+)a(\\d+)", g -> List.of("w-int" + g.group(1) + ", a-int" + g.group(2),
                "w-fp" + g.group(1) + ", a-fp" + g.group(2)));
        rule(configs, q, "full model (\\S+)", g -> List.of("full-" + g.group(1)));
        rule(configs, q, "weights (\\S+) - activations (\\S+)", g -> List.of(
                "w-" + fixedPoint(g.group(1)) + ", a-" + fixedPoint(g.group(2)),
                "w-" + g.group(1) + ", a-" + g.group(2)));
        for (String c : configs) {
            out.add(new Candidate(method, c));
        }
        return out;
    }

    private static void rule(Set<String> out, String q, String regex, Function<Matcher, List<String>> f) {
        Matcher m = Pattern.compile(regex).matcher(q);
        if (m.matches()) {
            out.addAll(f.apply(m));
        }
    }

    /** The fixed-point names of the Qn.m notation some packages use for int8 and fp16. */
    private static String fixedPoint(String p) {
        switch (p) {
            case "int8":
                return "q0.8";
            case "fp16":
            case "int16":
                return "q0.16";
            default:
                return p;
        }
    }

    /** An evidence label for a record, in the notation this importer reads back exactly. */
    static String label(String title, MqPackage.Evidence r, boolean only) {
        if (only) {
            return "Evidence based on the paper \"" + title + "\"";
        }
        return "Evidence based on the paper \"" + title + " (" + describe(r) + " evidence)\"";
    }

    static String describe(MqPackage.Evidence r) {
        return r.method() == null ? r.label() : r.method() + " " + r.label();
    }

    private static String list(List<MqPackage.Evidence> recs) {
        List<String> names = new ArrayList<>();
        recs.forEach(r -> names.add(describe(r)));
        return String.join("; ", names);
    }

    private static String normal(String s) {
        return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}

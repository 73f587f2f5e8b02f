package org.ssmworkbench.cli.mass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ssmworkbench.cli.Main;

class MassCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String THETA = "SN,NE,WN,IF,WP,PO,SP";

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private Path file(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private Run mass(String json, String... extra) throws Exception {
        Path p = file("in.json", json);
        String[] args = new String[extra.length + 2];
        args[0] = "mass";
        args[1] = p.toString();
        System.arraycopy(extra, 0, args, 2, extra.length);
        return run(args);
    }

    @Test
    void combinesTheIssueExampleOnAFourAtomFrame() throws Exception {
        Run r = mass("""
                {"frame": ["a","b","c","d"], "rule": "dempster",
                 "masses": [ {"a": 0.4, "b": 0.2, "a,d": 0.1, "a,b,c,d": 0.3},
                             {"b": 0.5, "c": 0.2, "a,c": 0.3} ]}
                """);
        assertThat(r.code()).isZero();
        JsonNode j = r.json();
        // conjunctive sum: a .15, b .16, c .06, {a,c} .09, K = .45 (hand computed)
        assertThat(j.get("conflicts").get(0).asDouble()).isCloseTo(0.45, within(1e-12));
        assertThat(j.get("masses").get("a").asDouble()).isCloseTo(0.15 / 0.55, within(1e-12));
        assertThat(j.get("masses").get("b").asDouble()).isCloseTo(0.25 / 0.55, within(1e-12));
        assertThat(j.get("masses").get("c").asDouble()).isCloseTo(0.06 / 0.55, within(1e-12));
        assertThat(j.get("masses").get("a,c").asDouble()).isCloseTo(0.09 / 0.55, within(1e-12));
        assertThat(j.get("measures").get("a,c").get("bel").asDouble()).isCloseTo(0.30 / 0.55, within(1e-12));
        assertThat(j.get("measures").get("a").get("pl").asDouble()).isCloseTo(0.24 / 0.55, within(1e-12));
        double pSum = 0;
        for (String atom : List.of("a", "b", "c", "d")) {
            pSum += j.get("pignistic").get(atom).asDouble();
        }
        assertThat(pSum).isCloseTo(1.0, within(1e-12));
        assertThat(j.has("selected")).isFalse();
    }

    @Test
    void selectsLikeEvidenceFactoryOnWorkedExampleOne() throws Exception {
        Run r = mass("{\"masses\": [{\"PO,SP\": 0.65, \"" + THETA + "\": 0.35},"
                + " {\"weakly positive - positive\": 0.4, \"" + THETA + "\": 0.6}], \"select\": \"ef\"}");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("masses").get("PO").asDouble()).isCloseTo(0.26, within(1e-12));
        assertThat(j.get("masses").get("PO,SP").asDouble()).isCloseTo(0.39, within(1e-12));
        assertThat(j.get("masses").get("WP,PO").asDouble()).isCloseTo(0.14, within(1e-12));
        assertThat(j.get("masses").get(THETA).asDouble()).isCloseTo(0.21, within(1e-12));
        assertThat(j.get("conflicts").get(0).asDouble()).isZero();
        assertThat(j.get("selected").get("set").asText()).isEqualTo("PO,SP");
        assertThat(j.get("selected").get("label").asText()).isEqualTo("positive - strongly positive");
        assertThat(j.get("selected").get("belief").asDouble()).isCloseTo(0.65, within(1e-12));
        assertThat(j.get("selected").get("plausibility").asDouble()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void santosReportsItsDescentPath() throws Exception {
        Run r = mass("{\"masses\": [{\"IF\": 0.8, \"WN\": 0.05, \"WN,IF\": 0.05, \"" + THETA + "\": 0.1}],"
                + " \"select\": \"santos\"}");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode sel = r.json().get("selected");
        assertThat(sel.get("set").asText()).isEqualTo("IF");
        assertThat(sel.get("belief").asDouble()).isCloseTo(0.8, within(1e-12));
        assertThat(sel.get("path").findValuesAsText("set"))
                .containsExactly("SN,NE,WN,IF", "NE,WN,IF", "WN,IF", "IF");
        assertThat(r.json().get("conflicts")).isEmpty();
    }

    @Test
    void acceptsLabelsInBothSpellingsAndEitherOrder() throws Exception {
        Run r = mass("{\"masses\": [{\"indiferent - weakly negative\": 0.5, \"" + THETA + "\": 0.5},"
                + " {\"Weakly Negative - Indifferent\": 0.5, \"" + THETA + "\": 0.5}]}");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.json().get("masses").get("WN,IF").asDouble()).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void unnormalizedConjunctiveKeepsConflictOnTheEmptySet() throws Exception {
        Run r = mass("""
                {"frame": ["x","y"], "rule": "conjunctive",
                 "masses": [{"x": 0.6, "x,y": 0.4}, {"y": 0.5, "x , y": 0.5}]}
                """);
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode m = r.json().get("masses");
        assertThat(m.get("").asDouble()).isCloseTo(0.3, within(1e-12));
        assertThat(m.get("x").asDouble()).isCloseTo(0.3, within(1e-12));
        assertThat(m.get("y").asDouble()).isCloseTo(0.2, within(1e-12));
        assertThat(m.get("x,y").asDouble()).isCloseTo(0.2, within(1e-12));
        // BetP normalizes by 1 - m(∅) = 0.7
        assertThat(r.json().get("pignistic").get("x").asDouble()).isCloseTo((0.3 + 0.1) / 0.7, within(1e-12));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            yager        | 0.5 | 0.3
            dubois-prade | 0.5 | 0.3
            disjunctive  | 1.0 | 0.3
            """)
    void ruleOptionOverridesTheRequest(String rule, double expectedTheta, double expectedK) throws Exception {
        Run r = mass("{\"frame\": [\"x\",\"y\"], \"rule\": \"dempster\", \"masses\": [{\"x\": 0.6, \"x,y\": 0.4},"
                + " {\"y\": 0.5, \"x,y\": 0.5}]}", "--rule", rule);
        assertThat(r.code()).as(r.err()).isZero();
        // yager: Θ gets m∩(Θ) 0.2 + K 0.3; dubois-prade: x∪y = Θ gets the conflicting 0.3 too;
        // disjunctive: every union is Θ. K is the operands' conjunctive conflict for every rule.
        double theta = r.json().get("masses").get("x,y").asDouble();
        assertThat(theta).isCloseTo(expectedTheta, within(1e-12));
        assertThat(r.json().get("conflicts").get(0).asDouble()).isCloseTo(expectedK, within(1e-12));
    }

    @Test
    void murphyTraceShowsTheAverage() throws Exception {
        Run r = mass("{\"frame\": [\"x\",\"y\"], \"rule\": \"murphy\", \"masses\": [{\"x\": 1}, {\"y\": 1}]}",
                "--trace");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("average").get("x").asDouble()).isEqualTo(0.5);
        assertThat(j.get("steps")).hasSize(1);
        assertThat(j.get("conflicts").get(0).asDouble()).isCloseTo(0.5, within(1e-12));
        assertThat(j.get("masses").get("x").asDouble()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void traceListsEveryStepWithOperandsAndConflict() throws Exception {
        Run r = mass("{\"masses\": [{\"SP\": 0.3, \"" + THETA + "\": 0.7}, {\"SP\": 0.3, \"" + THETA + "\": 0.7},"
                + " {\"SN\": 0.5, \"" + THETA + "\": 0.5}]}", "--trace");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode steps = r.json().get("steps");
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).get("result").get("SP").asDouble()).isCloseTo(0.51, within(1e-12));
        assertThat(steps.get(1).get("left").asText()).isEqualTo("m1 ⊕ m2");
        assertThat(steps.get(1).get("right").asText()).isEqualTo("m3");
        assertThat(steps.get(1).get("conflict").asDouble()).isCloseTo(0.51 * 0.5, within(1e-12));
        assertThat(steps.get(1).get("unnormalized").get("").asDouble()).isCloseTo(0.255, within(1e-12));
    }

    @Test
    void outputIsDeterministicAndRoundTrips() throws Exception {
        String req = "{\"masses\": [{\"WN,IF\": 0.423, \"" + THETA + "\": 0.577}, {\"PO,SP\": 0.397, \""
                + THETA + "\": 0.603}]}";
        Run a = mass(req);
        Run b = mass(req);
        assertThat(a.out()).isEqualTo(b.out());
        JsonNode m = a.json().get("masses");
        assertThat(m.get("WN,IF").asDouble()).isCloseTo(0.306548, within(5e-7));
        assertThat(m.get("PO,SP").asDouble()).isCloseTo(0.275300, within(5e-7));
        assertThat(m.get(THETA).asDouble()).isCloseTo(0.418152, within(5e-7));
        assertThat(a.json().get("conflicts").get(0).asDouble()).isCloseTo(0.167931, within(1e-12));
        // round trip: the printed double parses back to exactly the engine's value
        double k = 0.423 * 0.397;
        assertThat(a.json().get("conflicts").get(0).asDouble()).isEqualTo(k);
    }

    @Test
    void readsStandardInputWhenNoFileIsGiven() {
        InputStream old = System.in;
        try {
            System.setIn(new ByteArrayInputStream("{\"masses\": [{\"SP\": 1}], \"select\": \"ef\"}"
                    .getBytes(StandardCharsets.UTF_8)));
            Run r = run("mass");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("\"set\":\"SP\"");
        } finally {
            System.setIn(old);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            unknown atom      | {"frame":["a","b"],"masses":[{"a":0.5,"a,x":0.5}]}        | masses[0]["a,x"]: unknown atom 'x'
            mass above one    | {"frame":["a","b"],"masses":[{"a":1.5}]}                  | mass 1.5 is outside [0, 1]
            negative mass     | {"frame":["a","b"],"masses":[{"a":-0.1,"b":1.1}]}         | is outside [0, 1]
            not summing to 1  | {"frame":["a","b"],"masses":[{"a":0.5,"b":0.4}]}          | masses[0]: masses sum to 0.9
            string mass       | {"frame":["a","b"],"masses":[{"a":"0.5","b":0.5}]}        | expected a number
            same set twice    | {"frame":["a","b"],"masses":[{"a,b":0.5,"b,a":0.5}]}      | names the same focal set
            duplicate key     | {"frame":["a","b"],"masses":[{"a":0.5,"a":0.5}]}          | Duplicate field 'a'
            empty set mass    | {"frame":["a","b"],"masses":[{"":0.5,"a":0.5}]}           | the empty set cannot carry mass
            total conflict    | {"masses":[{"SN":1.0},{"SP":1.0}]}                        | total conflict (K = 1)
            unknown rule      | {"rule":"sum","masses":[{"SN":1.0}]}                      | rule: unknown rule 'sum'
            unknown selector  | {"select":"best","masses":[{"SN":1.0}]}                   | select: unknown selector 'best'
            select off frame  | {"frame":["a"],"select":"ef","masses":[{"a":1.0}]}        | result selectors need the SSM frame
            unknown field     | {"mass":[{"a":1.0}]}                                      | unknown field "mass"
            no masses         | {"frame":["a"]}                                           | masses: missing
            empty masses      | {"masses":[]}                                             | expected a non-empty list
            duplicate atom    | {"frame":["a","A"],"masses":[{"a":1}]}                    | frame: atom 'A' appears twice
            malformed         | {"masses": [{"SN": 1.0}                                   | malformed JSON
            not an object     | [1, 2]                                                    | expected a JSON object
            trailing garbage  | {"masses":[{"SN":1.0}]} {}                                | malformed JSON
            """)
    void badInputExitsTwoWithAMessageNamingTheField(String what, String json, String message) throws Exception {
        Run r = mass(json);
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).contains(message).contains(dir.resolve("in.json").toString());
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).doesNotContain("Exception");
    }

    @Test
    void totalConflictNamesBothOperands() throws Exception {
        Run r = mass("{\"masses\":[{\"SP\":0.5,\"" + THETA + "\":0.5},{\"SN\":1.0},{\"SP\":1.0}]}");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("step 2").contains("m1 ⊕ m2").contains("{SN}:1.0").contains("{SP}:1.0");
    }

    @Test
    void malformedJsonNamesLineAndColumn() throws Exception {
        Run r = mass("{\n  \"masses\": [\n    {\"SN\": 1.0,,}\n  ]\n}");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("line 3, column");
    }

    @Test
    void missingFileIsBadInput() {
        Run r = run("mass", dir.resolve("nope.json").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("nope.json: no such file");
    }

    @Test
    void unknownOptionIsBadInput() {
        Run r = run("mass", "--frobnicate");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option");
    }

    @Test
    void batchAnswersEveryLineInOrderAndExitsTwoAfterAnError() throws Exception {
        Path p = file("batch.jsonl", String.join("\n",
                "{\"masses\":[{\"SP\":0.3,\"" + THETA + "\":0.7},{\"SP\":0.3,\"" + THETA + "\":0.7}]}",
                "{\"masses\":[{\"SN\":1.0},{\"SP\":1.0}]}",
                "not json",
                "",
                "{\"frame\":[\"a\",\"b\"],\"masses\":[{\"a\":1}],\"select\":\"ef\"}",
                "{\"masses\":[{\"IF\":1}],\"select\":\"santos\"}") + "\n");
        Run r = run("mass", "--batch", p.toString());
        assertThat(r.code()).isEqualTo(2);
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(6);
        assertThat(JSON.readTree(lines.get(0)).get("masses").get("SP").asDouble()).isCloseTo(0.51, within(1e-12));
        assertThat(JSON.readTree(lines.get(1)).get("error").asText()).startsWith("line 2: total conflict");
        assertThat(JSON.readTree(lines.get(2)).get("error").asText()).startsWith("line 3: column").contains("malformed JSON");
        assertThat(JSON.readTree(lines.get(3)).get("error").asText()).isEqualTo("line 4: empty line (expected one JSON object)");
        assertThat(JSON.readTree(lines.get(4)).get("error").asText()).contains("line 5: select");
        assertThat(JSON.readTree(lines.get(5)).get("selected").get("set").asText()).isEqualTo("IF");
        assertThat(r.err()).contains("4 of 6 input lines had errors");
    }

    @Test
    void batchOfValidLinesExitsZero() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            sb.append("{\"masses\":[{\"WP\":0.").append(i % 10).append(",\"").append(THETA).append("\":")
                    .append(1 - (i % 10) / 10.0).append("}]}\n");
        }
        Run r = run("mass", "--batch", file("ok.jsonl", sb.toString()).toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines()).hasSize(50).noneMatch(l -> l.contains("error"));
    }

    @Test
    void fileAndBatchTogetherIsBadInput() throws Exception {
        Path p = file("x.json", "{}");
        Run r = run("mass", p.toString(), "--batch", p.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("either FILE or --batch");
    }

    @Test
    void versionAndHelpWork() {
        Run v = run("--version");
        assertThat(v.code()).isZero();
        assertThat(v.out()).startsWith("ssm ").contains("Java");
        Run h = run("mass", "--help");
        assertThat(h.code()).isZero();
        assertThat(h.out()).contains("--batch").contains("Exit codes");
    }
}

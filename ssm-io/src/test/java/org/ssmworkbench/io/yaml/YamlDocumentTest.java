package org.ssmworkbench.io.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

class YamlDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String STUDY = """
            # S1: a study file with comments, quoting, flow and block styles
            id: S1
            citation:
              authors: ["Paul", "et al."]   # full author list not in the package data
              title: "Energy-Efficient Respiratory Anomaly Detection"
              year: 2022
            type: observational                  # SSM band as graded

            quality:                           # answers of the questionnaire
              "1.1": no
              "1.2": yes
            belief: 0.37333333333333335          # B as in the case
            note: >-
              a folded note that goes on
              over two lines
            evidence:
              - id: e1
                label: q0.16
                moderators:
                  bits_weights: 16
                  method: QAT
                effects:
                  accuracy:
                    summary: {mean: -0.618, iqr: 0.0}
                    published: {intensity: indiferent, discount: 0.0, mass: 0.373}

              # the second configuration
              - id: e2
                label: 'q0.2'
                effects:
                  accuracy:
                    intensity: strongly positive
                    mass: 0.373
            """;

    private static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anUneditedDocumentIsItsText() {
        YamlDocument d = YamlDocument.parse(STUDY);
        assertThat(d.text()).isEqualTo(STUDY);
        assertThat(d.rewrite(d.tree()).text()).isEqualTo(STUDY);
        assertThat(d.set(YamlPath.of("belief"), DoubleNode.valueOf(0.37333333333333335)).text()).isEqualTo(STUDY);
    }

    @Test
    void aPlainScalarKeepsItsTrailingCommentAtItsColumn() {
        String out = YamlDocument.parse(STUDY).set(YamlPath.of("belief"), DoubleNode.valueOf(0.5)).text();
        assertThat(out).isEqualTo(STUDY.replace("belief: 0.37333333333333335          # B as in the case",
                "belief: 0.5                          # B as in the case"));
    }

    @Test
    void aQuotedScalarKeepsItsQuotes() {
        YamlDocument d = YamlDocument.parse(STUDY);
        assertThat(d.set(YamlPath.of("citation", "title"), TextNode.valueOf("Low-power \"detection\"")).text())
                .isEqualTo(STUDY.replace("title: \"Energy-Efficient Respiratory Anomaly Detection\"",
                        "title: \"Low-power \\\"detection\\\"\""));
        assertThat(d.set(YamlPath.of("evidence", 1, "label"), TextNode.valueOf("it's q0.4")).text())
                .isEqualTo(STUDY.replace("label: 'q0.2'", "label: 'it''s q0.4'"));
    }

    @Test
    void aPlainStringIsQuotedWhenPlainWouldReadAsSomethingElse() {
        YamlDocument d = YamlDocument.parse(STUDY);
        assertThat(d.set(YamlPath.of("type"), TextNode.valueOf("1.5")).text())
                .contains("type: \"1.5\"                          # SSM band");
        assertThat(d.set(YamlPath.of("type"), TextNode.valueOf("yes")).text()).contains("type: \"yes\"");
        assertThat(d.set(YamlPath.of("type"), TextNode.valueOf("a: b # c")).text()).contains("type: \"a: b # c\"");
        assertThat(d.set(YamlPath.of("type"), TextNode.valueOf("quasi-experiment")).text())
                .contains("type: quasi-experiment               # SSM band");
    }

    @Test
    void booleansKeepTheirSpelling() {
        String out = YamlDocument.parse(STUDY).set(YamlPath.of("quality", "1.1"), BooleanNode.TRUE).text();
        assertThat(out).isEqualTo(STUDY.replace("\"1.1\": no", "\"1.1\": yes"));
        String tf = YamlDocument.parse("a: False\n").set(YamlPath.of("a"), BooleanNode.TRUE).text();
        assertThat(tf).isEqualTo("a: True\n");
    }

    @Test
    void aScalarInAFlowMappingChangesInPlace() {
        String out = YamlDocument.parse(STUDY).set(YamlPath.of("evidence", 0, "effects", "accuracy", "summary", "iqr"),
                DoubleNode.valueOf(1.25)).text();
        assertThat(out).isEqualTo(STUDY.replace("{mean: -0.618, iqr: 0.0}", "{mean: -0.618, iqr: 1.25}"));
        String quoted = YamlDocument.parse("a: [x, y]\n").set(YamlPath.of("a", 1), TextNode.valueOf("p, q")).text();
        assertThat(quoted).isEqualTo("a: [x, \"p, q\"]\n");
    }

    @Test
    void aFoldedScalarStaysFolded() {
        String out = YamlDocument.parse(STUDY).set(YamlPath.of("note"), TextNode.valueOf("a shorter note")).text();
        assertThat(out).isEqualTo(STUDY.replace("note: >-\n  a folded note that goes on\n  over two lines",
                "note: >-\n  a shorter note"));
        String lit = YamlDocument.parse("a: |\n    one\n    two\nb: 1\n").set(YamlPath.of("a"),
                TextNode.valueOf("one\nthree\n")).text();
        assertThat(lit).isEqualTo("a: |\n    one\n    three\nb: 1\n");
    }

    @Test
    void keysAreAddedAfterAKeyWithTheMappingsIndentation() {
        YamlDocument d = YamlDocument.parse(STUDY);
        String out = d.put(YamlPath.of("citation"), "doi", TextNode.valueOf("10.3390/electronics11050682"), "year").text();
        assertThat(out).isEqualTo(STUDY.replace("  year: 2022\n", "  year: 2022\n  doi: 10.3390/electronics11050682\n"));
        String nested = d.put(YamlPath.of("evidence", 1), "moderators", json("{\"bits_weights\": 8, \"method\": \"PTQ\"}"),
                "label").text();
        assertThat(nested).isEqualTo(STUDY.replace("    label: 'q0.2'\n",
                "    label: 'q0.2'\n    moderators:\n      bits_weights: 8\n      method: PTQ\n"));
        String first = d.put(YamlPath.of("evidence", 1), "explanation", TextNode.valueOf("why"), null).text();
        assertThat(first).isEqualTo(STUDY.replace("  - id: e2\n", "  - explanation: why\n    id: e2\n"));
        String flow = d.put(YamlPath.of("evidence", 0, "effects", "accuracy", "summary"), "n", IntNode.valueOf(5), "iqr")
                .text();
        assertThat(flow).isEqualTo(STUDY.replace("{mean: -0.618, iqr: 0.0}", "{mean: -0.618, iqr: 0.0, n: 5}"));
        String end = d.put(YamlPath.ROOT, "context", json("{\"models\": [\"1DCNN\"]}")).text();
        // no context elsewhere: the new list follows the style of the file's other lists of strings
        assertThat(end).isEqualTo(STUDY + "context:\n  models: [\"1DCNN\"]\n");
    }

    @Test
    void itemsAreAppendedInsertedAndRemoved() {
        YamlDocument d = YamlDocument.parse(STUDY);
        String appended = d.append(YamlPath.of("evidence"),
                json("{\"id\": \"e3\", \"label\": \"q0.32\", \"effects\": {\"accuracy\": {\"summary\": {\"mean\": 1.5, \"iqr\": 0.25}}}}"))
                .text();
        assertThat(appended).isEqualTo(STUDY + """
                  - id: e3
                    label: 'q0.32'
                    effects:
                      accuracy:
                        summary: {mean: 1.5, iqr: 0.25}
                """);
        String removed = d.remove(YamlPath.of("evidence", 0)).text();
        // the item's own lines go; the blank line and the comment before the next item stay
        assertThat(removed).isEqualTo(STUDY.substring(0, STUDY.indexOf("  - id: e1"))
                + STUDY.substring(STUDY.indexOf("\n\n  # the second") + 1));
        String flow = d.insert(YamlPath.of("citation", "authors"), 1, TextNode.valueOf("Smith")).text();
        assertThat(flow).isEqualTo(STUDY.replace("[\"Paul\", \"et al.\"]", "[\"Paul\", \"Smith\", \"et al.\"]"));
        String flowRemoved = d.remove(YamlPath.of("citation", "authors", 1)).text();
        assertThat(flowRemoved).isEqualTo(STUDY.replace("[\"Paul\", \"et al.\"]", "[\"Paul\"]"));
    }

    @Test
    void keysAreRemovedWithTheirLinesAndComments() {
        YamlDocument d = YamlDocument.parse(STUDY);
        assertThat(d.remove(YamlPath.of("evidence", 0, "moderators")).text())
                .isEqualTo(STUDY.replace("    moderators:\n      bits_weights: 16\n      method: QAT\n", ""));
        assertThat(d.remove(YamlPath.of("evidence", 1, "id")).text())
                .isEqualTo(STUDY.replace("  - id: e2\n    label: 'q0.2'", "  - label: 'q0.2'"));
        assertThat(d.remove(YamlPath.of("quality")).text())
                .isEqualTo(STUDY.replace("quality:                           # answers of the questionnaire\n"
                        + "  \"1.1\": no\n  \"1.2\": yes\n", ""));
        String emptied = d.remove(YamlPath.of("evidence", 0, "moderators", "method"))
                .remove(YamlPath.of("evidence", 0, "moderators", "bits_weights")).text();
        assertThat(emptied).isEqualTo(STUDY.replace("    moderators:\n      bits_weights: 16\n      method: QAT\n",
                "    moderators: {}\n"));
    }

    @Test
    void aChangeOfKindReEmitsTheValueOnly() {
        YamlDocument d = YamlDocument.parse(STUDY);
        String out = d.set(YamlPath.of("evidence", 1, "effects", "accuracy"),
                json("{\"summary\": {\"mean\": 2.5, \"iqr\": 0.5}}")).text();
        assertThat(out).isEqualTo(STUDY.replace("      accuracy:\n        intensity: strongly positive\n        mass: 0.373\n",
                "      accuracy:\n        summary: {mean: 2.5, iqr: 0.5}\n"));
        String scalar = d.set(YamlPath.of("evidence", 0, "moderators"), TextNode.valueOf("none")).text();
        assertThat(scalar).isEqualTo(STUDY.replace("    moderators:\n      bits_weights: 16\n      method: QAT\n",
                "    moderators: none\n"));
    }

    @Test
    void rewriteMakesTheSmallestEdits() {
        YamlDocument d = YamlDocument.parse(STUDY);
        JsonNode want = d.tree();
        ((com.fasterxml.jackson.databind.node.ObjectNode) want.get("evidence").get(1).get("effects").get("accuracy"))
                .put("intensity", "positive");
        ((com.fasterxml.jackson.databind.node.ObjectNode) want.get("quality")).put("1.2", false);
        ((com.fasterxml.jackson.databind.node.ArrayNode) want.get("citation").get("authors")).add("Smith");
        String out = d.rewrite(want).text();
        assertThat(out).isEqualTo(STUDY.replace("intensity: strongly positive", "intensity: positive")
                .replace("\"1.2\": yes", "\"1.2\": no").replace("\"et al.\"]", "\"et al.\", \"Smith\"]"));
    }

    @Test
    void emptyValuesAndCrlfLineBreaks() {
        assertThat(YamlDocument.parse("a:\nb: 1\n").set(YamlPath.of("a"), TextNode.valueOf("x")).text())
                .isEqualTo("a: x\nb: 1\n");
        assertThat(YamlDocument.parse("a:   # later\nb: 1\n").set(YamlPath.of("a"), json("{\"c\": [1, 2], \"d\": {\"e\": [{\"f\": 1}]}}")).text())
                .isEqualTo("a:   # later\n  c: [1, 2]\n  d:\n    e:\n      - {f: 1}\nb: 1\n");
        assertThat(YamlDocument.parse("a: 1\r\nb:\r\n  - x\r\n").append(YamlPath.of("b"), TextNode.valueOf("y")).text())
                .isEqualTo("a: 1\r\nb:\r\n  - x\r\n  - y\r\n");
        assertThat(YamlDocument.parse("a: 1").put(YamlPath.ROOT, "b", IntNode.valueOf(2)).text()).isEqualTo("a: 1\nb: 2");
    }

    @Test
    void anchorsAliasesTagsAndMultiLineFlowsAreRefused() {
        YamlDocument anchors = YamlDocument.parse("a: &L Accuracy\nb: *L\nc: 1\n");
        assertThatThrownBy(() -> anchors.set(YamlPath.of("c"), IntNode.valueOf(2)))
                .isInstanceOf(YamlEditException.class)
                .hasMessageContaining("line 1").hasMessageContaining("anchors or aliases");
        assertThat(anchors.rewrite(anchors.tree()).text()).isEqualTo("a: &L Accuracy\nb: *L\nc: 1\n");
        assertThatThrownBy(() -> YamlDocument.parse("a: !!str 12\n").set(YamlPath.of("a"), TextNode.valueOf("13")))
                .isInstanceOf(YamlEditException.class).hasMessageContaining("explicit tag");
        YamlDocument flow = YamlDocument.parse("a: [x,\n    y]\n");
        assertThatThrownBy(() -> flow.append(YamlPath.of("a"), TextNode.valueOf("z")))
                .isInstanceOf(YamlEditException.class).hasMessageContaining("line 1, a: is a flow collection");
        assertThat(flow.set(YamlPath.of("a", 1), TextNode.valueOf("w")).text()).isEqualTo("a: [x,\n    w]\n");
        assertThatThrownBy(() -> YamlDocument.parse(STUDY).set(YamlPath.of("evidence", 5, "id"), TextNode.valueOf("x")))
                .isInstanceOf(YamlEditException.class).hasMessageContaining("evidence: has no item 5 (it has 2)");
        assertThatThrownBy(() -> YamlDocument.parse("a: [1\n")).isInstanceOf(YamlEditException.class)
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void unicodeBeyondTheBasicPlaneKeepsPositions() {
        String text = "title: \"Martínez 𝔘𝔫𝔦\"   # note\nyear: 2022\n";
        assertThat(YamlDocument.parse(text).set(YamlPath.of("year"), IntNode.valueOf(2023)).text())
                .isEqualTo(text.replace("2022", "2023"));
    }
}

package org.ssmworkbench.cli.mass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ssmworkbench.cli.BadInputException;
import org.ssmworkbench.core.belief.CombinationRule;
import org.ssmworkbench.core.ssm.ResultSelector;

/**
 * The streaming request parser of `ssm mass --batch` (decision 0047) against the tree parser: on every
 * request the tree path accepts, the streaming path builds an equal request (the same functions to the
 * last bit); on every request the tree path rejects, it declines (returns null), so the tree path's
 * message is the answer.
 */
class MassRequestStreamingTest {

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final String[] KEYS = {"SP", "PO", "WP", "IF", "WN", "NE", "SN", "PO,SP", "SP,PO", "WP, PO",
        "SN,NE,WN,IF,WP,PO,SP", "positive - strongly positive", "a", "b", "a,b", "c", "b,a,c", "", "x"};
    private static final String[] RULES = {"dempster", "conjunctive", "disjunctive", "yager", "dubois-prade",
        "murphy", "nope"};

    /** The tree path's request, or null when it rejects the line. */
    private static MassRequest tree(String line, CombinationRule rule, ResultSelector select) {
        try {
            JsonNode node = MAPPER.readTree(line);
            return new MassRequestParser().parse(node, rule, select);
        } catch (BadInputException | com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }

    private static MassRequest streamed(String line, CombinationRule rule, ResultSelector select) {
        byte[] b = ("  " + line + " ").getBytes(StandardCharsets.UTF_8); // an offset and a length that are not the array's
        return new MassRequestParser().parseStreaming(MAPPER.getFactory(), b, 2, b.length - 3, rule, select);
    }

    private static void assertSame(String line, CombinationRule rule, ResultSelector select) {
        MassRequest expected = tree(line, rule, select);
        MassRequest actual = streamed(line, rule, select);
        assertThat(actual).as(line).isEqualTo(expected);
    }

    @Test
    void aRequestOfTheBatchGeneratorIsReadAsTheTreeReadsIt() {
        String line = "{\"rule\":\"dempster\",\"masses\":[{\"PO,SP\":0.650,\"SN,NE,WN,IF,WP,PO,SP\":0.350},"
                + "{\"positive - strongly positive\":0.4,\"SN,NE,WN,IF,WP,PO,SP\":0.6}],\"select\":\"ef\"}";
        MassRequest r = streamed(line, null, null);
        assertThat(r).isNotNull();
        assertThat(r.rule()).isEqualTo(CombinationRule.DEMPSTER);
        assertThat(r.selector()).contains(ResultSelector.EVIDENCE_FACTORY);
        assertThat(r.masses()).hasSize(2);
        assertThat(r.masses().get(0).size()).isEqualTo(2);
        assertThat(r).isEqualTo(tree(line, null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"frame\":[\"a\",\"b\",\"c\"],\"masses\":[{\"a\":0.4,\"b,c\":0.6},{\"a,b\":1}]}",
        "{\"frame\":null,\"rule\":null,\"select\":null,\"masses\":[{\"SP\":1}]}",
        "{\"frame\":[\"SN\",\"NE\",\"WN\",\"IF\",\"WP\",\"PO\",\"SP\"],\"masses\":[{\"SP\":1}],\"select\":\"santos\"}",
        "{\"masses\":[{\"SP\":-0.0,\"PO\":1}]}",
        "{\"masses\":[{\"SP\":0.3,\"PO\":0.7000000005}]}",
        "{\"rule\":\"dempster \",\"masses\":[{\"SP\":1}]}",
        "{\"frame\":[\"a\"],\"masses\":[{\"\":0,\"a\":1}]}",
        "{\"rule\":\"murphy\",\"masses\":[{\"SP\":0.6,\"PO\":0.4},{\"SP\":0.1,\"SN\":0.9}]}"})
    void wellFormedRequestsGiveTheTreesRequest(String line) {
        assertThat(streamed(line, null, null)).isNotNull();
        assertSame(line, null, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"frame\":[],\"masses\":[{\"\":1}]}",
        "{\"masses\":[{\"SP\":1}]} x", "{\"masses\":[{\"SP\":1}]}{}", "[1]", "null", "3", "{}",
        "{\"masses\":[]}", "{\"masses\":[{}]}", "{\"masses\":null}", "{\"masses\":{}}", "{\"masses\":[1]}",
        "{\"masses\":[{\"SP\":1,\"SP\":0}]}", "{\"masses\":[{\"SP\":0.5,\"PO\":0.5}],\"masses\":[{\"SP\":1}]}",
        "{\"masses\":[{\"SP\":1e400}]}", "{\"masses\":[{\"SP\":1.5,\"PO\":-0.5}]}", "{\"masses\":[{\"SP\":\"1\"}]}",
        "{\"masses\":[{\"SP\":true}]}", "{\"masses\":[{\"SP\":null}]}", "{\"masses\":[{\"SP,PO\":0.5,\"PO,SP\":0.5}]}",
        "{\"masses\":[{\"XX\":1}]}", "{\"masses\":[{\"SP\":0.5}]}", "{\"masses\":[{\"\":0.5,\"SP\":0.5}]}",
        "{\"rule\":3,\"masses\":[{\"SP\":1}]}", "{\"rule\":\"dempster-shafer\",\"masses\":[{\"SP\":1}]}",
        "{\"select\":\"x\",\"masses\":[{\"SP\":1}]}", "{\"select\":[],\"masses\":[{\"SP\":1}]}",
        "{\"frame\":[\"x\",\"y\"],\"masses\":[{\"x\":1}],\"select\":\"ef\"}", "{\"masses\":[{\"SP\":1}],\"extra\":1}",
        "{\"frame\":[1,2],\"masses\":[{\"SP\":1}]}", "{\"frame\":[\"a\",\"a\"],\"masses\":[{\"a\":1}]}",
        "{\"frame\":\"a\",\"masses\":[{\"a\":1}]}", "{\"frame\":[\"\\ud800\"],\"masses\":[{\"\\ud800\":1}]}",
        "{\"masses\":[{\"SP\":1}]", "{\"masses\":[{\"SP\":1}]},"})
    void everyRequestTheTreeRejectsIsLeftToTheTree(String line) {
        assertThat(tree(line, null, null)).as("the tree path rejects it").isNull();
        assertThat(streamed(line, null, null)).isNull();
    }

    @Test
    void aFrameAfterTheMassesIsLeftToTheTreeWhichReadsIt() {
        String line = "{\"masses\":[{\"a\":0.4,\"b,c\":0.6}],\"frame\":[\"a\",\"b\",\"c\"]}";
        assertThat(streamed(line, null, null)).isNull();
        assertThat(tree(line, null, null)).isNotNull();
    }

    @Test
    void overridesReplaceTheRequestsRuleAndSelectorWhateverTheirValue() {
        String line = "{\"rule\":{\"not\":[\"a\",\"rule\"]},\"select\":[1],\"masses\":[{\"SP\":0.5,\"PO\":0.5}]}";
        MassRequest r = streamed(line, CombinationRule.YAGER, ResultSelector.SANTOS);
        assertThat(r).isNotNull();
        assertThat(r.rule()).isEqualTo(CombinationRule.YAGER);
        assertThat(r.selector()).contains(ResultSelector.SANTOS);
        assertSame(line, CombinationRule.YAGER, ResultSelector.SANTOS);
        assertThatThrownBy(() -> new MassRequestParser().parse(MAPPER.readTree(line), null, null))
                .isInstanceOf(BadInputException.class);
    }

    /** 20,000 seeded random requests, valid and not, with and without overrides: both paths agree. */
    @Test
    void randomRequestsAgreeWithTheTree() {
        Random r = new Random(47);
        int accepted = 0;
        for (int n = 0; n < 20_000; n++) {
            String line = request(r);
            CombinationRule rule = r.nextInt(4) == 0 ? CombinationRule.DISJUNCTIVE : null;
            ResultSelector select = r.nextInt(6) == 0 ? ResultSelector.EVIDENCE_FACTORY : null;
            MassRequest expected = tree(line, rule, select);
            assertThat(streamed(line, rule, select)).as(line).isEqualTo(expected);
            if (expected != null) {
                accepted++;
            }
        }
        assertThat(accepted).as("enough valid requests to mean something").isGreaterThan(2_000);
    }

    private static String request(Random r) {
        StringBuilder sb = new StringBuilder("{");
        boolean abc = r.nextInt(4) == 0;
        if (abc) {
            sb.append("\"frame\":[\"a\",\"b\",\"c\"],");
        }
        if (r.nextBoolean()) {
            sb.append("\"rule\":\"").append(RULES[r.nextInt(RULES.length)]).append("\",");
        }
        if (r.nextInt(5) == 0) {
            sb.append("\"select\":\"").append(r.nextBoolean() ? "ef" : "santos").append("\",");
        }
        sb.append("\"masses\":[");
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            sb.append(i > 0 ? "," : "").append('{');
            int k = 1 + r.nextInt(3);
            double left = 1.0;
            for (int j = 0; j < k; j++) {
                double m = j == k - 1 ? left : Math.floor(left * r.nextDouble() * 1000) / 1000;
                left -= m;
                String key = abc && r.nextInt(3) > 0 ? KEYS[12 + r.nextInt(5)] : KEYS[r.nextInt(KEYS.length)];
                sb.append(j > 0 ? "," : "").append('"').append(key).append("\":");
                sb.append(r.nextInt(30) == 0 ? String.valueOf(m + 1e-10) : r.nextInt(30) == 0 ? "1" : String.valueOf(m));
            }
            sb.append('}');
        }
        sb.append("]}");
        return sb.toString();
    }
}

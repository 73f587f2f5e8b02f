package org.ssmworkbench.cli.mass;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The byte writer of batch answers gives the very bytes of the Jackson writer, request by request. */
class MassBatchBytesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();
    private static final String[] ATOMS = {"a", "b\"q", "c\\d", "é", "tab\tx", "ctl\u0001", "日本", "x y"};
    private static final String[] SSM = {"SP", "PO", "WP", "IF", "WN", "NE", "SN", "PO,SP", "WP,PO", "SN,NE", "IF,WP,PO"};

    private static String request(Random r) {
        boolean ssm = r.nextBoolean();
        StringBuilder sb = new StringBuilder("{");
        if (!ssm) {
            sb.append("\"frame\":[");
            for (int i = 0; i < ATOMS.length; i++) {
                sb.append(i > 0 ? "," : "").append(MAPPER.valueToTree(ATOMS[i]).toString());
            }
            sb.append("],");
        } else if (r.nextBoolean()) {
            sb.append("\"select\":\"").append(r.nextBoolean() ? "ef" : "santos").append("\",");
        }
        String[] rules = {"dempster", "conjunctive", "disjunctive", "yager", "dubois-prade", "murphy"};
        sb.append("\"rule\":\"").append(rules[r.nextInt(rules.length)]).append("\",\"masses\":[");
        for (int f = 0, n = 1 + r.nextInt(3); f < n; f++) {
            sb.append(f > 0 ? "," : "").append('{');
            java.util.Set<String> used = new java.util.HashSet<>();
            double left = 1.0;
            for (int k = 0, m = 1 + r.nextInt(3); k < m; k++) {
                String key = ssm ? SSM[r.nextInt(SSM.length)] : ATOMS[r.nextInt(ATOMS.length)];
                if (!used.add(key)) {
                    continue;
                }
                double v = Math.floor(left * r.nextDouble() * 1000) / 1000;
                left -= v;
                sb.append(k > 0 && used.size() > 1 ? "," : "").append(MAPPER.valueToTree(key).toString()).append(':').append(v);
            }
            String theta = ssm ? "SN,NE,WN,IF,WP,PO,SP" : String.join(",", ATOMS);
            sb.append(used.isEmpty() ? "" : ",").append(MAPPER.valueToTree(theta).toString()).append(':').append(left).append('}');
        }
        return sb.append("]}").toString();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void byteWriterMatchesTheJacksonWriter(long seed) throws Exception {
        Random r = new Random(seed);
        MassRequestParser parser = new MassRequestParser();
        MassAnswerBytes bytes = new MassAnswerBytes();
        int compared = 0;
        for (int i = 0; i < 2000; i++) {
            String req = request(r);
            MassResult result;
            try {
                result = MassResult.compute(parser.parse(MAPPER.readTree(req), null, null));
            } catch (RuntimeException e) {
                continue; // bad requests are answered by the error path, not by these writers
            }
            ByteArrayOutputStream jackson = new ByteArrayOutputStream();
            try (JsonGenerator g = FACTORY.createGenerator(jackson)) {
                MassResultWriter.write(g, result, false);
            }
            BatchAnswerer.Bytes out = new BatchAnswerer.Bytes(64);
            bytes.write(out, result);
            assertThat(new String(out.buf, 0, out.size, StandardCharsets.UTF_8)).as(req)
                    .isEqualTo(jackson.toString(StandardCharsets.UTF_8));
            compared++;
        }
        assertThat(compared).isGreaterThan(1000);
    }
}

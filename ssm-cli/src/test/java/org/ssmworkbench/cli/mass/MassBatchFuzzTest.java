package org.ssmworkbench.cli.mass;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ssmworkbench.cli.Main;

/**
 * Seeded fuzzing of `ssm mass --batch`: random bytes, random requests and requests with random bytes
 * changed, fed through the batch reader. Whatever comes in, there is exactly one answer per input line,
 * in order, each a JSON object that is an answer or an error naming its line, and the exit code is 0
 * or 2, never 1.
 */
class MassBatchFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] KEYS = {"SP", "PO", "WP", "IF", "WN", "NE", "SN", "PO,SP", "WP,PO", "SN,NE,WN,IF,WP,PO,SP",
        "positive - strongly positive", "a", "b", "a,b", "c", "", "x"};
    private static final String[] RULES = {"dempster", "conjunctive", "disjunctive", "yager", "dubois-prade", "murphy", "nope"};

    @TempDir
    Path dir;

    private static String request(Random r) {
        StringBuilder sb = new StringBuilder("{");
        if (r.nextInt(4) == 0) {
            sb.append("\"frame\":[\"a\",\"b\",\"c\"],");
        }
        if (r.nextBoolean()) {
            sb.append("\"rule\":\"").append(RULES[r.nextInt(RULES.length)]).append("\",");
        }
        if (r.nextInt(5) == 0) {
            sb.append("\"select\":\"").append(r.nextBoolean() ? "ef" : "santos").append("\",");
        }
        sb.append("\"masses\":[");
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            sb.append(i > 0 ? "," : "").append('{');
            int k = 1 + r.nextInt(4);
            double left = 1.0;
            for (int j = 0; j < k; j++) {
                double m = j == k - 1 ? left : Math.floor(left * r.nextDouble() * 1000) / 1000;
                left -= m;
                sb.append(j > 0 ? "," : "").append('"').append(KEYS[r.nextInt(KEYS.length)]).append("\":");
                sb.append(r.nextInt(20) == 0 ? String.valueOf(m + 1e-10) : String.valueOf(m));
            }
            sb.append('}');
        }
        return sb.append("]}").toString();
    }

    /** A batch of random lines; returns the bytes and how many lines they hold. */
    private static byte[] batch(long seed, int[] lineCount) {
        Random r = new Random(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (r.nextInt(4) == 0) {
            out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        int lines = 50 + r.nextInt(150);
        for (int i = 0; i < lines; i++) {
            byte[] line;
            switch (r.nextInt(4)) {
                case 0 -> { // random bytes, LF excluded
                    line = new byte[r.nextInt(80)];
                    r.nextBytes(line);
                    for (int j = 0; j < line.length; j++) {
                        if (line[j] == '\n') {
                            line[j] = '\r';
                        }
                    }
                }
                case 1 -> { // a request with a few bytes changed
                    line = request(r).getBytes(StandardCharsets.UTF_8);
                    for (int j = r.nextInt(4); j > 0; j--) {
                        byte b = (byte) r.nextInt(256);
                        line[r.nextInt(line.length)] = b == '\n' ? (byte) '}' : b;
                    }
                }
                case 2 -> { // a request cut short
                    byte[] full = request(r).getBytes(StandardCharsets.UTF_8);
                    line = java.util.Arrays.copyOf(full, r.nextInt(full.length));
                }
                default -> line = request(r).getBytes(StandardCharsets.UTF_8);
            }
            out.writeBytes(line);
            if (i < lines - 1 || r.nextBoolean()) {
                out.write(r.nextInt(5) == 0 ? '\r' : '\n');
                if (out.toByteArray()[out.size() - 1] == '\r') {
                    out.write('\n');
                }
            }
        }
        lineCount[0] = lines;
        return out.toByteArray();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void everyLineGetsOneAnswerInOrderAndTheExitIsNeverOne(long seed) throws Exception {
        int[] expected = new int[1];
        byte[] input = batch(seed, expected);
        Path p = dir.resolve("fuzz-" + seed + ".jsonl");
        Files.write(p, input);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"mass", "--batch", p.toString()}, new PrintWriter(out), new PrintWriter(err));

        assertThat(code).as(err.toString()).isIn(0, 2);
        assertThat(err.toString()).doesNotContain("internal error").doesNotContain("Exception");
        List<String> answers = List.of(out.toString().split("\n", -1));
        assertThat(answers.get(answers.size() - 1)).isEmpty();
        assertThat(answers).hasSize(expected[0] + 1);
        for (int i = 0; i < expected[0]; i++) {
            JsonNode a = JSON.readTree(answers.get(i));
            assertThat(a.isObject()).isTrue();
            if (a.has("error")) {
                assertThat(a.get("error").asText()).startsWith("line " + (i + 1) + ": ");
            } else {
                assertThat(a.has("masses")).as("line %d: %s", i + 1, answers.get(i)).isTrue();
            }
        }
    }
}

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
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssmworkbench.cli.Main;

/**
 * Every hostile input the fuzzing of `ssm mass --batch` found: each line is answered in place, in
 * order, the batch exits 2 (never 1), and no printed value leaves [0, 1].
 */
class MassBatchHostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String THETA = "SN,NE,WN,IF,WP,PO,SP";
    private static final String OK = "{\"masses\":[{\"SP\":0.3,\"" + THETA + "\":0.7},{\"PO\":0.2,\"" + THETA + "\":0.8}]}";

    @TempDir
    Path dir;

    record Run(int code, List<String> lines, String err) {
        JsonNode line(int i) throws Exception {
            return JSON.readTree(lines.get(i));
        }

        String error(int i) throws Exception {
            JsonNode e = line(i).get("error");
            return e == null ? null : e.asText();
        }
    }

    private Run batch(byte[] input) throws Exception {
        Path p = dir.resolve("in.jsonl");
        Files.write(p, input);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"mass", "--batch", p.toString()}, new PrintWriter(out), new PrintWriter(err));
        List<String> lines = out.toString().isEmpty() ? List.of() : List.of(out.toString().split("\n", -1));
        assertThat(lines.get(lines.size() - 1)).as("output ends with a newline").isEmpty();
        return new Run(code, lines.subList(0, lines.size() - 1), err.toString());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }

    @Test
    void invalidUtf8IsAnsweredInPlaceAndTheOtherLinesAreComputed() throws Exception {
        byte[] bad = concat(bytes("{\"frame\":[\"a\",\"b\"],\"masses\":[{\"a"), new byte[] {(byte) 0xC3, (byte) 0x28},
                bytes("\":1}]}"));
        Run r = batch(concat(bytes(OK + "\n"), bad, bytes("\n" + OK + "\n"), new byte[] {(byte) 0xFF, (byte) 0xFE}, bytes("\n")));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.lines()).hasSize(4);
        assertThat(r.error(0)).isNull();
        assertThat(r.error(1)).isEqualTo("line 2: invalid UTF-8 at byte 33 of the line (0xC3)");
        assertThat(r.error(2)).isNull();
        assertThat(r.error(3)).isEqualTo("line 4: invalid UTF-8 at byte 1 of the line (0xFF)");
        assertThat(r.err()).contains("2 of 4 input lines had errors");
    }

    @Test
    void validUtf8AtomNamesWork() throws Exception {
        Run r = batch(bytes("{\"frame\":[\"é\",\"ü\"],\"masses\":[{\"é\":0.5,\"é,ü\":0.5}]}\n"));
        assertThat(r.code()).isZero();
        assertThat(r.line(0).get("masses").get("é,ü").asDouble()).isEqualTo(0.5);
    }

    @Test
    void aLoneCarriageReturnIsWhiteSpaceNotALineBreak() throws Exception {
        String withCr = "{\"masses\":\r[{\"SP\":0.3,\r\"" + THETA + "\":0.7}]}";
        Run r = batch(bytes(withCr + "\n" + OK + "\r\n"));
        assertThat(r.code()).isZero();
        assertThat(r.lines()).hasSize(2);
        assertThat(r.line(0).get("masses").get("SP").asDouble()).isEqualTo(0.3);
    }

    @Test
    void aByteOrderMarkAtTheStartIsSkipped() throws Exception {
        Run r = batch(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes(OK + "\n" + OK)));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.lines()).hasSize(2);
    }

    @Test
    void aLastLineWithoutNewlineIsAnsweredAndBlankLinesAreErrors() throws Exception {
        Run r = batch(bytes(OK + "\n\n \t\r\n" + OK));
        assertThat(r.lines()).hasSize(4);
        assertThat(r.error(1)).isEqualTo("line 2: empty line (expected one JSON object)");
        assertThat(r.error(2)).isEqualTo("line 3: empty line (expected one JSON object)");
        assertThat(r.error(3)).isNull();
    }

    /** One function of {@code count} distinct focal sets on {@code atoms} atoms, as JSON. */
    private static String function(int atoms, int count, long seed) {
        Random r = new Random(seed);
        java.util.Set<Long> sets = new java.util.LinkedHashSet<>();
        long all = atoms == 64 ? -1L : (1L << atoms) - 1;
        while (sets.size() < count) {
            long s = r.nextLong() & all;
            if (s != 0L) {
                sets.add(s);
            }
        }
        StringBuilder sb = new StringBuilder("{");
        int i = 0;
        double left = 1.0;
        for (long s : sets) {
            StringBuilder key = new StringBuilder();
            for (int a = 0; a < atoms; a++) {
                if ((s & (1L << a)) != 0L) {
                    key.append(key.length() > 0 ? "," : "").append('x').append(a);
                }
            }
            double m = ++i == count ? left : 1.0 / count;
            left -= m;
            sb.append(i > 1 ? "," : "").append('"').append(key).append("\":").append(Math.max(0.0, m));
        }
        return sb.append('}').toString();
    }

    private static String frame(int atoms) {
        StringBuilder sb = new StringBuilder("[");
        for (int a = 0; a < atoms; a++) {
            sb.append(a > 0 ? "," : "").append("\"x").append(a).append('"');
        }
        return sb.append(']').toString();
    }

    @Test
    void hugeFunctionsGetALimitErrorNotAnOutOfMemoryError() throws Exception {
        // 2 × 12,000 sets on 20 atoms were an OutOfMemoryError, 2 × 24,000 a NegativeArraySizeException
        String l12 = "{\"frame\":" + frame(20) + ",\"masses\":[" + function(20, 12_000, 1) + "," + function(20, 12_000, 2) + "]}";
        String l24 = "{\"frame\":" + frame(20) + ",\"masses\":[" + function(20, 24_000, 3) + "," + function(20, 24_000, 4) + "]}";
        Run r = batch(bytes(OK + "\n" + l12 + "\n" + l24 + "\n" + OK + "\n"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.lines()).hasSize(4);
        assertThat(r.error(0)).isNull();
        assertThat(r.error(1)).startsWith("line 2: step 1: m1 (12,000 focal sets) and m2 (12,000) would form 144,000,000"
                + " products of focal sets; the limit is 67,108,864 per step");
        assertThat(r.error(2)).startsWith("line 3: step 1: m1 (24,000 focal sets)");
        assertThat(r.error(3)).isNull();
    }

    @Test
    void manySetsOnSixtyFourAtomsAreAnsweredQuicklyOrRefusedClearly() throws Exception {
        // 2 × 100 sets on 64 atoms: a result of ~10,000 focal sets, answered; 2 × 300 (90,000): refused
        String small = "{\"frame\":" + frame(64) + ",\"rule\":\"conjunctive\",\"masses\":[" + function(64, 100, 5) + ","
                + function(64, 100, 6) + "]}";
        String large = "{\"frame\":" + frame(64) + ",\"masses\":[" + function(64, 300, 7) + "," + function(64, 300, 8) + "]}";
        Run r = batch(bytes(small + "\n" + large + "\n" + OK + "\n"));
        assertThat(r.lines()).hasSize(3);
        JsonNode measures = r.line(0).get("measures");
        assertThat(measures.size()).isGreaterThan(5000);
        assertAllWithinUnit(r.line(0));
        for (Iterator<JsonNode> it = measures.elements(); it.hasNext();) {
            JsonNode m = it.next();
            assertThat(m.get("bel").asDouble()).isLessThanOrEqualTo(m.get("pl").asDouble());
        }
        assertThat(r.error(1)).startsWith("line 2: Bel, Pl and Q of ").contains("the limit is 16,384 focal sets");
        assertThat(r.error(2)).isNull();
    }

    private static void assertAllWithinUnit(JsonNode n) {
        if (n.isNumber()) {
            assertThat(n.asDouble()).isBetween(0.0, 1.0);
        }
        for (Iterator<JsonNode> it = n.elements(); it.hasNext();) {
            assertAllWithinUnit(it.next());
        }
    }

    @Test
    void inputsWithinToleranceAreRenormalizedSoNoValueExceedsOne() throws Exception {
        // were K = 1.0000000005 and Bel(Θ) = 1.000000001
        String conj = "{\"frame\":[\"a\",\"b\",\"c\"],\"rule\":\"conjunctive\",\"masses\":[{\"a\":0.5000000005,\"b\":0.5},{\"c\":1}]}";
        String dem = "{\"frame\":[\"a\",\"b\"],\"masses\":[{\"a\":0.5000000004,\"a,b\":0.5000000004},{\"a,b\":1}]}";
        Run r = batch(bytes(conj + "\n" + dem + "\n"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.line(0).get("conflicts").get(0).asDouble()).isEqualTo(1.0);
        assertThat(r.line(1).get("measures").get("a,b").get("bel").asDouble()).isEqualTo(1.0);
        assertThat(r.line(1).get("masses").get("a").asDouble()).isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-15));
        assertAllWithinUnit(r.line(0));
        assertAllWithinUnit(r.line(1));
    }

    @Test
    void aLineOverTheLengthLimitIsAnsweredWithItsLength() throws Exception {
        byte[] big = new byte[BatchLines.MAX_LINE_BYTES + 10];
        java.util.Arrays.fill(big, (byte) ' ');
        Run r = batch(concat(bytes(OK + "\n"), big, bytes("\n" + OK + "\n")));
        assertThat(r.lines()).hasSize(3);
        assertThat(r.error(1)).isEqualTo("line 2: the line is 16,777,226 bytes long; the limit is 16,777,216 bytes");
        assertThat(r.error(2)).isNull();
    }

    @Test
    void loneSurrogatesDeepNestingAndOddNumbersAreBadInputNotInternalErrors() throws Exception {
        String[] lines = {
            "{\"frame\":[\"\\ud800\",\"b\"],\"masses\":[{\"b\":1}]}",
            "{\"masses\":[{\"\\udc00\":1}]}",
            "{\"rule\":\"\\ud800\",\"masses\":[{\"SP\":1}]}",
            "[".repeat(5000) + "]".repeat(5000),
            "{\"masses\":[{\"SP\":1e99999}]}",
            "{\"masses\":[{\"SP\":" + "1".repeat(2000) + "}]}",
            "{\"masses\":[{\"SP\":NaN}]}",
            "{\"masses\":[{\"SP\":0.5,\"SP\":0.5}]}",
            "{\"masses\":[{\"" + "x".repeat(100_000) + "\":1}]}",
            "\"just a string\"",
            "{}{}",
        };
        Run r = batch(bytes(String.join("\n", lines) + "\n"));
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.lines()).hasSize(lines.length);
        for (int i = 0; i < lines.length; i++) {
            assertThat(r.error(i)).as("line %d", i + 1).startsWith("line " + (i + 1) + ": ").doesNotContain("internal error");
        }
        assertThat(r.error(0)).contains("lone surrogate");
        assertThat(r.error(1)).contains("surrogate");
    }

    @Test
    void bigFunctionsOnFewAtomsUseTheTransformAndStayWithinBounds() throws Exception {
        // 2,000 × 2,000 products on 16 atoms: a result of tens of thousands of focal sets
        String line = "{\"frame\":" + frame(16) + ",\"masses\":[" + function(16, 2000, 9) + "," + function(16, 2000, 10) + "]}";
        Run r = batch(bytes(line + "\n"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.line(0).get("measures").size()).isGreaterThan(Math.toIntExact(16_384));
        assertAllWithinUnit(r.line(0));
        for (Iterator<JsonNode> it = r.line(0).get("measures").elements(); it.hasNext();) {
            JsonNode m = it.next();
            assertThat(m.get("bel").asDouble()).isLessThanOrEqualTo(m.get("pl").asDouble() + 1e-12);
        }
    }

    @Test
    void helpNamesTheLimits() {
        StringWriter out = new StringWriter();
        Main.run(new String[] {"mass", "--help"}, new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertThat(out.toString()).contains("16 MiB").contains("67,108,864").contains("64 atoms");
    }
}

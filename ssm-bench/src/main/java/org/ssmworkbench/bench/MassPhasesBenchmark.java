package org.ssmworkbench.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.ssmworkbench.cli.mass.MassRequestParser;
import org.ssmworkbench.cli.mass.MassResult;
import org.ssmworkbench.cli.mass.MassResultWriter;

/**
 * Where the time of {@code ssm mass --batch} goes. Each benchmark runs the batch loop of
 * {@code MassCommand} over {@value #LINES} generated requests (held in memory as strings), up to one
 * more phase than the one before, so that the difference of two neighbours is the cost of a phase.
 * Only the input strings stay alive, so garbage is as short-lived as in the command. Scores are
 * microseconds per request (lower is better): 10 µs per request is 1 s per 100,000-line batch.
 *
 * <ul>
 *   <li>{@code p1Read}: {@code MAPPER.readTree(line)} of every line (JSON text to a tree);
 *   <li>{@code p2ReadParse}: + {@link MassRequestParser#parse} (focal-set keys, validation,
 *       {@code MassFunction}s);
 *   <li>{@code p3ReadParseCompute}: + {@link MassResult#compute} (Dempster fold, selector);
 *   <li>{@code p4All}: + {@link MassResultWriter#write} as the command does it: a new generator on a
 *       reused {@code StringWriter} per line, then {@code toString()} into a 64 KiB buffered writer;
 *       this is the whole command less picocli and file reading;
 *   <li>{@code p4AllFastDoubles}: {@code p4All} with Jackson's {@code USE_FAST_DOUBLE_WRITER};
 *   <li>{@code p4AllStreaming} / {@code p4AllStreamingFastDoubles}: one generator over the whole
 *       output (root values separated by "\n") instead of one per line, without and with
 *       {@code USE_FAST_DOUBLE_WRITER}. The setup checks that streaming gives the command's bytes and
 *       counts the lines the fast writer changes.
 * </ul>
 *
 * <p>The mapper is configured like the command's; output goes to a null writer; the fork uses the
 * serial collector like the {@code ssm} launcher, with a 512 MiB heap (see {@link DempsterBenchmark}
 * for why the heap is kept small).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@OperationsPerInvocation(MassPhasesBenchmark.LINES)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MassPhasesBenchmark {

    /** Same settings as {@code MassCommand.MAPPER}. */
    static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** {@link #MAPPER} with Jackson's faster double-to-text writer (Schubfach). */
    static final ObjectMapper FAST_DOUBLES = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Like {@link #MAPPER}, with a newline between root values, for one generator over all lines. */
    static final ObjectMapper STREAMING = JsonMapper.builder(new JsonFactoryBuilder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .rootValueSeparator("\n")
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** {@link #STREAMING} with Jackson's faster double-to-text writer. */
    static final ObjectMapper STREAMING_FAST_DOUBLES = JsonMapper.builder(new JsonFactoryBuilder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                    .rootValueSeparator("\n")
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Requests per pass. */
    static final int LINES = 20_000;

    private final int lines = LINES;

    private List<String> text;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        StringWriter sw = new StringWriter(lines * 150);
        GenerateMassBatch.write(lines, sw, GenerateMassBatch.DEFAULT_SEED);
        text = List.of(sw.toString().split("\n"));
        compareOutputs();
    }

    /** Checks that the streaming writer gives the command's bytes, and counts lines the fast doubles change. */
    private void compareOutputs() throws IOException {
        List<MassResult> results = new ArrayList<>(lines);
        MassRequestParser parser = new MassRequestParser();
        for (String line : text) {
            results.add(MassResult.compute(parser.parse(MAPPER.readTree(line), null, null)));
        }
        StringWriter perLine = new StringWriter(lines * 700);
        StringWriter sw = new StringWriter(512);
        for (MassResult r : results) {
            sw.getBuffer().setLength(0);
            try (JsonGenerator g = MAPPER.createGenerator(sw)) {
                MassResultWriter.write(g, r, false);
            }
            perLine.write(sw.toString());
            perLine.write('\n');
        }
        StringWriter streamed = new StringWriter(lines * 700);
        streaming(STREAMING, streamed);
        if (!perLine.toString().equals(streamed.toString())) {
            throw new IllegalStateException("the streaming writer's output differs from the per-line writer's");
        }
        StringWriter fast = new StringWriter(lines * 700);
        streaming(STREAMING_FAST_DOUBLES, fast);
        String[] a = perLine.toString().split("\n");
        String[] b = fast.toString().split("\n");
        int differ = 0;
        for (int i = 0; i < a.length; i++) {
            if (!a[i].equals(b[i])) {
                differ++;
            }
        }
        System.out.println("MassPhasesBenchmark: streaming output identical to per-line output; "
                + "USE_FAST_DOUBLE_WRITER changes the text of " + differ + " of " + a.length + " lines");
    }

    @Benchmark
    public void p1Read(Blackhole bh) throws IOException {
        for (String line : text) {
            bh.consume(MAPPER.readTree(line));
        }
    }

    @Benchmark
    public void p2ReadParse(Blackhole bh) throws IOException {
        MassRequestParser parser = new MassRequestParser();
        for (String line : text) {
            bh.consume(parser.parse(MAPPER.readTree(line), null, null));
        }
    }

    @Benchmark
    public void p3ReadParseCompute(Blackhole bh) throws IOException {
        MassRequestParser parser = new MassRequestParser();
        for (String line : text) {
            bh.consume(MassResult.compute(parser.parse(MAPPER.readTree(line), null, null)));
        }
    }

    @Benchmark
    public void p4All() throws IOException {
        perLine(MAPPER);
    }

    @Benchmark
    public void p4AllFastDoubles() throws IOException {
        perLine(FAST_DOUBLES);
    }

    /** The whole loop as {@code MassCommand} runs it: a generator per line on a reused StringWriter. */
    private void perLine(ObjectMapper writerMapper) throws IOException {
        MassRequestParser parser = new MassRequestParser();
        Writer w = new BufferedWriter(Writer.nullWriter(), 1 << 16);
        StringWriter sw = new StringWriter(512);
        for (String line : text) {
            MassResult r = MassResult.compute(parser.parse(MAPPER.readTree(line), null, null));
            sw.getBuffer().setLength(0);
            try (JsonGenerator g = writerMapper.createGenerator(sw)) {
                MassResultWriter.write(g, r, false);
            }
            w.write(sw.toString());
            w.write('\n');
        }
        w.flush();
    }

    @Benchmark
    public void p4AllStreaming() throws IOException {
        streaming(STREAMING, new BufferedWriter(Writer.nullWriter(), 1 << 16));
    }

    @Benchmark
    public void p4AllStreamingFastDoubles() throws IOException {
        streaming(STREAMING_FAST_DOUBLES, new BufferedWriter(Writer.nullWriter(), 1 << 16));
    }

    /** The whole loop with one generator over {@code w}; closes {@code w}. */
    private void streaming(ObjectMapper mapper, Writer w) throws IOException {
        MassRequestParser parser = new MassRequestParser();
        try (JsonGenerator g = mapper.createGenerator(w)) {
            for (String line : text) {
                MassResult r = MassResult.compute(parser.parse(MAPPER.readTree(line), null, null));
                MassResultWriter.write(g, r, false); // root values are separated by "\n"
            }
            g.writeRaw('\n');
        } // closing the generator flushes and closes w
    }
}

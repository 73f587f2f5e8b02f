package org.ssmworkbench.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.ssmworkbench.cli.Main;

/**
 * {@code ssm mass --batch FILE} run in-process through {@link Main#run}, on a file of {@link #lines}
 * requests made by {@link GenerateMassBatch} with its default seed; the answers go to a null writer.
 * One op is one whole batch; the score is milliseconds per batch (lower is better). Unlike
 * {@code bench/mass-batch.sh} this leaves out JVM start-up and, after warm-up, JIT compilation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-XX:+UseSerialGC")
@Warmup(iterations = 5)
@Measurement(iterations = 10)
public class MassBatchBenchmark {

    /** Requests per batch. */
    @Param("100000")
    public int lines;

    private Path dir;
    private String[] args;
    private PrintWriter out;
    private PrintWriter err;
    private StringWriter errText;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("ssm-mass-batch");
        Path file = dir.resolve("batch-" + lines + ".jsonl");
        GenerateMassBatch.write(lines, file, GenerateMassBatch.DEFAULT_SEED);
        args = new String[] {"mass", "--batch", file.toString()};
        out = new PrintWriter(Writer.nullWriter());
        errText = new StringWriter();
        err = new PrintWriter(errText);
        verify();
    }

    /** Runs the batch once into memory and checks one answer per line and no error answers. */
    private void verify() {
        StringWriter sw = new StringWriter(lines * 700);
        int code = Main.run(args, new PrintWriter(sw), err);
        if (code != 0) {
            throw new IllegalStateException("ssm mass --batch exited " + code + ": " + errText);
        }
        String text = sw.toString();
        long answers = text.chars().filter(c -> c == '\n').count();
        if (answers != lines) {
            throw new IllegalStateException("expected " + lines + " answer lines, got " + answers);
        }
        if (text.startsWith("{\"error\"") || text.contains("\n{\"error\"")) {
            throw new IllegalStateException("some answers are errors");
        }
    }

    @Benchmark
    public int batch() {
        int code = Main.run(args, out, err);
        if (code != 0) {
            throw new IllegalStateException("ssm mass --batch exited " + code + ": " + errText);
        }
        return code;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }
}

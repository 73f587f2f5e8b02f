package org.ssmworkbench.bench.measurements;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.ssmworkbench.core.synthesis.Direction;
import org.ssmworkbench.core.synthesis.QuantileMethod;
import org.ssmworkbench.core.synthesis.SummaryStatistics;
import org.ssmworkbench.io.measurements.MeasurementGroup;
import org.ssmworkbench.io.measurements.MeasurementReader;
import org.ssmworkbench.io.measurements.MeasurementSummary;

/**
 * Times {@link MeasurementReader#summarizeAll} on large generated measurement files.
 *
 * <pre>
 * MeasurementBenchmark generate ROWS DIR      # DIR/measurements-ROWS.parquet and .csv (kept if present)
 * MeasurementBenchmark run FILE [REPEAT]      # REPEAT timed all-groups summaries (default 3)
 * </pre>
 *
 * <p>The files are written by DuckDB itself ({@code COPY (SELECT ... FROM range(ROWS)) TO ...}):
 * columns {@code evidence} (100 models m000..m099), {@code effect} ("accuracy", higher is better, and
 * "energy", lower is better), {@code baseline} in [10, 110) and {@code treated} = baseline × [0.8, 1.2),
 * from DuckDB's {@code hash(i)}, so the same ROWS always gives the same values. That is 200 groups of
 * ROWS / 200 rows each.
 *
 * <p>{@code run} prints the wall time and the process CPU time (less disturbed by other load on the
 * machine) of each summary ("nearest" quartiles, REPEAT times, then one "linear"), the largest Java heap in use seen by a 10 ms sampler during the runs, and at the end the
 * process's peak resident set size (VmHWM from /proc/self/status, which includes DuckDB's native
 * memory). It then checks one group against {@link SummaryStatistics#ofSamples} on that group's rows
 * (read outside the timed runs) and exits with status 1 if they disagree.
 */
public final class MeasurementBenchmark {

    private static final int EVIDENCE_MODELS = 100;
    private static final Map<String, Direction> DIRECTIONS = Map.of("accuracy", Direction.HIGHER_IS_BETTER,
            "energy", Direction.LOWER_IS_BETTER);

    private MeasurementBenchmark() {
    }

    /** Command-line entry point. */
    public static void main(String[] args) throws Exception {
        if (args.length >= 3 && args[0].equals("generate")) {
            generate(Long.parseLong(args[1].replace("_", "")), Path.of(args[2]));
        } else if (args.length >= 2 && args[0].equals("run")) {
            int repeat = args.length >= 3 ? Integer.parseInt(args[2]) : 3;
            System.exit(run(Path.of(args[1]), repeat) ? 0 : 1);
        } else {
            System.err.println("usage: MeasurementBenchmark generate ROWS DIR | run FILE [REPEAT]");
            System.exit(2);
        }
    }

    // ---------------------------------------------------------------------------------------------

    static void generate(long rows, Path dir) throws IOException, SQLException {
        Files.createDirectories(dir);
        Path parquet = dir.resolve("measurements-" + rows + ".parquet");
        Path csv = dir.resolve("measurements-" + rows + ".csv");
        Path done = dir.resolve("measurements-" + rows + ".done");
        if (Files.exists(done) && Files.exists(parquet) && Files.exists(csv)) {
            System.out.printf(Locale.ROOT, "generate: %s and %s exist (%,d rows)%n", parquet, csv, rows);
            return;
        }
        String select = "SELECT printf('m%03d', (i // 2) % " + EVIDENCE_MODELS + ") AS evidence, "
                + "CASE WHEN i % 2 = 0 THEN 'accuracy' ELSE 'energy' END AS effect, "
                + "10.0::DOUBLE + (hash(i) % 1000000)::DOUBLE / 10000.0 AS baseline, "
                + "(10.0::DOUBLE + (hash(i) % 1000000)::DOUBLE / 10000.0) "
                + "* (0.8::DOUBLE + (hash(i + 10000000000) % 400000)::DOUBLE / 1000000.0) AS treated "
                + "FROM range(" + rows + ") t(i)";
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (" + select + ") TO " + quote(parquet) + " (FORMAT parquet)");
            long t1 = System.nanoTime();
            System.out.printf(Locale.ROOT, "generate: %s, %,d bytes, %.1f s%n", parquet, Files.size(parquet),
                    (t1 - t0) / 1e9);
            s.execute("COPY (SELECT * FROM read_parquet(" + quote(parquet) + ")) TO " + quote(csv) + " (HEADER)");
            System.out.printf(Locale.ROOT, "generate: %s, %,d bytes, %.1f s%n", csv, Files.size(csv),
                    (System.nanoTime() - t1) / 1e9);
        }
        Files.writeString(done, Long.toString(rows));
    }

    private static String quote(Path p) {
        return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
    }

    // ---------------------------------------------------------------------------------------------

    static boolean run(Path file, int repeat) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong maxHeap = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                maxHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();

        System.out.printf(Locale.ROOT, "run: %s (%,d bytes), max heap %d MiB, %d processors%n", file,
                Files.size(file), Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        Map<MeasurementGroup, MeasurementSummary> result = null;
        Map<MeasurementGroup, MeasurementSummary> linear = null;
        List<Double> nearest = new ArrayList<>();
        for (int i = 0; i <= repeat; i++) {
            QuantileMethod method = i < repeat ? QuantileMethod.NEAREST : QuantileMethod.LINEAR;
            long c0 = cpuNanos();
            long t0 = System.nanoTime();
            Map<MeasurementGroup, MeasurementSummary> r = MeasurementReader.summarizeAll(file, DIRECTIONS, method,
                    null);
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = (cpuNanos() - c0) / 1e9;
            long rows = r.values().stream().mapToLong(MeasurementSummary::rows).sum();
            System.out.printf(Locale.ROOT,
                    "run: summarizeAll %-7s %3d groups, %,d rows: wall %.2f s (%.1f M rows/s), process CPU %.2f s%n",
                    method.id(), r.size(), rows, s, rows / s / 1e6, cpu);
            if (method == QuantileMethod.NEAREST) {
                nearest.add(s);
                result = r;
            } else {
                linear = r;
            }
        }
        long t0 = System.nanoTime();
        SummaryStatistics one = MeasurementReader.summarizeOne(file, "energy", "m042", Direction.LOWER_IS_BETTER,
                QuantileMethod.NEAREST, null);
        System.out.printf(Locale.ROOT, "run: summarizeOne (energy, m042) nearest: %.2f s%n",
                (System.nanoTime() - t0) / 1e9);
        sampler.interrupt();
        sampler.join();
        double[] sorted = nearest.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "run: nearest all-groups wall: min %.2f s, median %.2f s%n", sorted[0],
                sorted[sorted.length / 2]);
        System.out.printf(Locale.ROOT, "run: peak Java heap used (sampled): %d MiB%n", maxHeap.get() >> 20);

        MeasurementGroup g = new MeasurementGroup("m042", "energy");
        MeasurementSummary got = result.get(g);
        System.out.println("run: " + g + ": " + got.stats());
        boolean ok = verify(file, g, got.stats(), linear.get(g).stats()) && one.n().equals(got.stats().n())
                && one.q1().equals(got.stats().q1()) && one.q3().equals(got.stats().q3());
        System.out.println("run: peak RSS (VmHWM): " + vmHwm());
        return ok;
    }

    /**
     * Reads one group's rows into Java (outside the timed runs) and compares the "nearest" and the
     * "linear" summary with ofSamples: n and quartiles exactly, mean and std to 1e-9.
     */
    private static boolean verify(Path file, MeasurementGroup g, SummaryStatistics got, SummaryStatistics gotLinear)
            throws SQLException {
        String scan = file.toString().endsWith(".csv") ? "read_csv(?, header = true)" : "read_parquet(?)";
        double[] ri;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                PreparedStatement ps = c.prepareStatement("SELECT baseline::DOUBLE, treated::DOUBLE FROM " + scan
                        + " WHERE evidence = ? AND effect = ?")) {
            ps.setString(1, file.toAbsolutePath().toString());
            ps.setString(2, g.evidence());
            ps.setString(3, g.effect());
            List<Double> values = new ArrayList<>();
            Direction d = DIRECTIONS.get(g.effect());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(d.relativeImprovement(rs.getDouble(1), rs.getDouble(2)));
                }
            }
            ri = values.stream().mapToDouble(Double::doubleValue).toArray();
        }
        SummaryStatistics want = SummaryStatistics.ofSamples(ri, QuantileMethod.NEAREST);
        SummaryStatistics wantLinear = SummaryStatistics.ofSamples(ri, QuantileMethod.LINEAR);
        boolean ok = got.n().equals(want.n()) && got.q1().getAsDouble() == want.q1().getAsDouble()
                && gotLinear.q1().getAsDouble() == wantLinear.q1().getAsDouble()
                && gotLinear.q3().getAsDouble() == wantLinear.q3().getAsDouble()
                && got.q3().getAsDouble() == want.q3().getAsDouble()
                && Math.abs(got.mean() - want.mean()) <= 1e-9 * Math.max(1, Math.abs(want.mean()))
                && Math.abs(got.std().getAsDouble() - want.std().getAsDouble()) <= 1e-9 * want.std().getAsDouble();
        System.out.println("run: check against SummaryStatistics.ofSamples on " + ri.length + " rows"
                + " (nearest and linear quartiles): " + (ok ? "ok" : "MISMATCH, want " + want + " / " + wantLinear));
        return ok;
    }

    /** CPU time of the whole process (all threads, DuckDB's native ones included), or -1 if unknown. */
    private static long cpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    private static String vmHwm() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM:"))
                    .map(l -> l.substring(6).strip()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}

package org.ssmworkbench.bench.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ssmworkbench.core.synthesis.Synthesizer;
import org.ssmworkbench.io.measurements.MeasurementReader;
import org.ssmworkbench.io.project.Project;
import org.ssmworkbench.io.project.ProjectLoader;

/**
 * The load check of {@code ssm serve} (bench/workbench-load.sh): against one running workbench,
 * concurrent readers (latency percentiles), concurrent conflicting writers (each a read-modify-write
 * of one value of synthesis.yaml with the version it read: a counter, so a lost update shows), and the
 * time from a what-if change to its result. Afterwards it checks the project: every file loads, every
 * accepted write is in the file, every refused one was a 409. Exit code 0 when all holds, 1 otherwise.
 *
 * <pre>
 * java -cp benchmarks.jar org.ssmworkbench.bench.web.WorkbenchLoad URL PROJECT_DIR [--readers 200]
 *     [--reads 25] [--writers 20] [--writes 5] [--whatif 60] [--deadline 300] [--whatif-only]
 * </pre>
 */
public final class WorkbenchLoad {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern TOKEN = Pattern.compile("<meta name=\"ssm-token\" content=\"([0-9a-f]+)\">");

    private final String base;
    private final HttpClient http;
    private final String token;
    private final long deadline;

    private WorkbenchLoad(String base, long deadlineNanos) throws IOException, InterruptedException {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newFixedThreadPool(8)).build();
        this.deadline = deadlineNanos;
        Matcher m = TOKEN.matcher(get("/").body());
        if (!m.find()) {
            throw new IllegalStateException("no token in the workbench page");
        }
        this.token = m.group(1);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: WorkbenchLoad URL PROJECT_DIR [--readers N] [--reads N] [--writers N]"
                    + " [--writes N] [--whatif N] [--deadline SECONDS] [--whatif-only]");
            System.exit(2);
        }
        Map<String, String> o = new TreeMap<>();
        boolean whatIfOnly = false;
        for (int i = 2; i < args.length; i++) {
            if (args[i].equals("--whatif-only")) {
                whatIfOnly = true;
            } else {
                o.put(args[i], args[++i]);
            }
        }
        int readers = Integer.parseInt(o.getOrDefault("--readers", "200"));
        int reads = Integer.parseInt(o.getOrDefault("--reads", "25"));
        int writers = Integer.parseInt(o.getOrDefault("--writers", "20"));
        int writes = Integer.parseInt(o.getOrDefault("--writes", "5"));
        int whatIfs = Integer.parseInt(o.getOrDefault("--whatif", "60"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(o.getOrDefault("--deadline", "300")));
        Path dir = Path.of(args[1]);
        WorkbenchLoad load = new WorkbenchLoad(args[0], deadline);
        boolean ok = true;
        if (!whatIfOnly) {
            ok &= load.readers(readers, reads);
            ok &= load.writers(dir, writers, writes);
        }
        ok &= load.whatIf(whatIfs);
        if (!whatIfOnly) {
            ok &= verifyLoads(dir);
        }
        System.out.println(ok ? "load check: PASSED" : "load check: FAILED");
        System.exit(ok ? 0 : 1);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(remaining()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(remaining())
                .header("Origin", base).header("X-SSM-Token", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private Duration remaining() {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new IllegalStateException("the load check ran past its deadline");
        }
        return Duration.ofNanos(left);
    }

    /** 200 readers at once, each reading the overview and a comparison in turn. */
    boolean readers(int readers, int reads) throws InterruptedException {
        String[] paths = {"/api/overview", "/api/compare?left=S1/e1&right=aggregate"};
        Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
        for (String p : paths) {
            latencies.put(p, Collections.synchronizedList(new ArrayList<>()));
        }
        AtomicInteger errors = new AtomicInteger();
        List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        for (int r = 0; r < readers; r++) {
            int me = r;
            pool.submit(() -> {
                go.await();
                for (int i = 0; i < reads; i++) {
                    String p = paths[(me + i) % paths.length];
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> a = get(p);
                        long t = System.nanoTime() - t0;
                        if (a.statusCode() == 200 && a.body().startsWith("{")) {
                            latencies.get(p).add(t);
                        } else {
                            errors.incrementAndGet();
                            if (firstErrors.size() < 5) {
                                firstErrors.add(p + ": " + a.statusCode());
                            }
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        if (firstErrors.size() < 5) {
                            firstErrors.add(p + ": " + e);
                        }
                    }
                }
                return null;
            });
        }
        long t0 = System.nanoTime();
        go.countDown();
        pool.shutdown();
        boolean done = pool.awaitTermination(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        double wall = (System.nanoTime() - t0) / 1e9;
        List<Long> all = new ArrayList<>();
        System.out.printf(Locale.ROOT, "readers: %d concurrent, %d requests each, %.1f s wall%n", readers, reads, wall);
        for (String p : paths) {
            List<Long> l = latencies.get(p);
            all.addAll(l);
            System.out.println("  " + p + ": " + summary(l));
        }
        System.out.println("  all: " + summary(all) + String.format(Locale.ROOT, ", %.0f requests/s",
                all.size() / wall));
        System.out.println("  errors: " + errors.get() + (firstErrors.isEmpty() ? "" : " " + firstErrors));
        return done && errors.get() == 0 && all.size() == readers * reads;
    }

    /**
     * Writers at once, each {@code writes} times: read the what-if options (version and the correctness
     * cut points), then keep the cut points with c6 one higher, based on that version.
     */
    boolean writers(Path dir, int writers, int writes) throws Exception {
        String original = Files.readString(dir.resolve("synthesis.yaml"));
        double c6 = JSON.readTree(get("/api/whatif").body()).get("policies").get("cut_points").get("correctness")
                .get(5).asDouble();
        List<Double> accepted = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger refused = new AtomicInteger();
        List<String> other = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        for (int w = 0; w < writers; w++) {
            pool.submit(() -> {
                go.await();
                for (int i = 0; i < writes; i++) {
                    try {
                        JsonNode opts = JSON.readTree(get("/api/whatif").body());
                        ArrayNode cuts = (ArrayNode) opts.get("policies").get("cut_points").get("correctness").deepCopy();
                        double next = cuts.get(5).asDouble() + 1;
                        cuts.set(5, JSON.getNodeFactory().numberNode(next));
                        ObjectNode body = JSON.createObjectNode();
                        body.putObject("cut_points").set("correctness", cuts);
                        body.put("version", opts.get("version").asText());
                        HttpResponse<String> a = post("/api/whatif/keep", JSON.writeValueAsString(body));
                        if (a.statusCode() == 200) {
                            accepted.add(next);
                        } else if (a.statusCode() == 409) {
                            refused.incrementAndGet();
                        } else {
                            other.add(a.statusCode() + " " + a.body());
                        }
                    } catch (Exception e) {
                        other.add(e.toString());
                    }
                }
                return null;
            });
        }
        long t0 = System.nanoTime();
        go.countDown();
        pool.shutdown();
        boolean done = pool.awaitTermination(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        double wall = (System.nanoTime() - t0) / 1e9;
        String after = Files.readString(dir.resolve("synthesis.yaml"));
        double finalC6 = new ProjectLoader(MeasurementReader::summarizeOne).load(dir).synthesis().policies()
                .cuts("correctness").cut(6);
        List<Double> sorted = new ArrayList<>(accepted);
        Collections.sort(sorted);
        boolean distinct = sorted.stream().distinct().count() == sorted.size();
        boolean chain = true;
        for (int i = 0; i < sorted.size(); i++) {
            chain &= sorted.get(i) == c6 + i + 1;
        }
        boolean present = finalC6 == c6 + accepted.size();
        boolean comments = comments(after).equals(comments(original));
        System.out.printf(Locale.ROOT, "writers: %d concurrent, %d read-modify-writes each, %.1f s wall%n", writers,
                writes, wall);
        System.out.printf(Locale.ROOT, "  accepted %d, refused with 409 %d, other answers %d%s%n", accepted.size(),
                refused.get(), other.size(), other.isEmpty() ? "" : " " + other.subList(0, Math.min(3, other.size())));
        System.out.printf(Locale.ROOT, "  correctness c6: %s -> %s (accepted writes %s); no lost update: %s;"
                + " comments kept: %s%n", num(c6), num(finalC6), accepted.isEmpty() ? "none"
                : num(sorted.get(0)) + ".." + num(sorted.get(sorted.size() - 1)), distinct && chain && present,
                comments);
        return done && other.isEmpty() && accepted.size() + refused.get() == writers * writes && !accepted.isEmpty()
                && distinct && chain && present && comments;
    }

    /** The time from a what-if change to its result: the round trip and the server's own timing. */
    boolean whatIf(int n) throws Exception {
        List<Long> trips = new ArrayList<>();
        List<Double> compute = new ArrayList<>();
        List<Double> figures = new ArrayList<>();
        List<Double> app = new ArrayList<>();
        Pattern timing = Pattern.compile("whatif;dur=([0-9.]+), figures;dur=([0-9.]+)(?:, app;dur=([0-9.]+))?");
        int errors = 0;
        long bytes = 0;
        for (int i = 0; i < n; i++) {
            String body = i % 2 == 0 ? "{\"studies_off\": [\"S3\"]}" : "{}";
            long t0 = System.nanoTime();
            HttpResponse<String> a = post("/api/whatif", body);
            long t = System.nanoTime() - t0;
            Matcher m = timing.matcher(a.headers().firstValue("Server-Timing").orElse(""));
            if (a.statusCode() != 200 || !m.matches()) {
                errors++;
                continue;
            }
            bytes = a.body().length();
            if (i >= Math.min(10, n / 3)) { // the first answers warm the server's JIT up
                trips.add(t);
                compute.add(Double.parseDouble(m.group(1)));
                figures.add(Double.parseDouble(m.group(2)));
                if (m.group(3) != null) {
                    app.add(Double.parseDouble(m.group(3)));
                }
            }
        }
        System.out.printf(Locale.ROOT, "what-if: %d changes (S3 off / on), %d measured, answer %d kB%n", n,
                trips.size(), bytes / 1000);
        System.out.println("  server, computation: " + summaryMs(compute));
        System.out.println("  server, figures:     " + summaryMs(figures));
        System.out.println("  server, whole request (JSON included): " + summaryMs(app));
        System.out.println("  round trip:          " + summary(trips));
        System.out.println("  errors: " + errors);
        return errors == 0 && !trips.isEmpty();
    }

    static boolean verifyLoads(Path dir) {
        try {
            Project p = new ProjectLoader(MeasurementReader::summarizeOne).load(dir);
            Synthesizer.run(p.synthesis());
            System.out.println("project after the load: loads and synthesizes (" + p.inputs().size() + " files read)");
            return true;
        } catch (RuntimeException e) {
            System.out.println("project after the load: DOES NOT LOAD: " + e.getMessage());
            return false;
        }
    }

    static List<String> comments(String text) {
        return text.lines().filter(l -> l.strip().startsWith("#") || l.contains(" # "))
                .map(l -> l.strip().startsWith("#") ? l.strip() : l.substring(l.indexOf(" # ") + 1)).toList();
    }

    static String summary(List<Long> nanos) {
        List<Double> ms = nanos.stream().map(x -> x / 1e6).toList();
        return summaryMs(ms);
    }

    static String summaryMs(List<Double> ms) {
        if (ms.isEmpty()) {
            return "no samples";
        }
        double[] a = ms.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return String.format(Locale.ROOT, "n %d, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", a.length,
                pct(a, 0.50), pct(a, 0.95), pct(a, 0.99), a[a.length - 1]);
    }

    static double pct(double[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}

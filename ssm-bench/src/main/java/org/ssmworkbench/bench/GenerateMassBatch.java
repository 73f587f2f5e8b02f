package org.ssmworkbench.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.ssmworkbench.core.ssm.Intensity;
import org.ssmworkbench.core.ssm.SsmScale;

/**
 * Writes a deterministic JSON Lines input for {@code ssm mass --batch}.
 *
 * <pre>GenerateMassBatch N OUTFILE [SEED]</pre>
 *
 * <p>Every line is one valid request on the SSM frame: rule "dempster", two mass functions and, on
 * about a third of the lines, {@code "select":"ef"}. About 80% of the functions are simple support
 * functions m(H) = s, m(Θ) = 1 − s on one of the 13 SSM intensities (keyed by code such as "PO,SP"
 * or, a third of the time, by label such as "positive - strongly positive"); the rest have 2–4 focal
 * sets. Masses are whole thousandths, written with three decimals, and Θ takes 1000 minus the rest,
 * so each function sums to exactly 1 in decimal (and within 1e-9 as doubles). Θ always keeps at
 * least 0.050, so Dempster's rule never meets total conflict.
 *
 * <p>The same N and SEED always give the same bytes.
 */
public final class GenerateMassBatch {

    /** The default seed, so that runs without one are reproducible. */
    public static final long DEFAULT_SEED = 20260101L;

    /** The key of Θ on the SSM frame. */
    static final String THETA_KEY = String.join(",", SsmScale.CODES);

    private static final Intensity[] INTENSITIES = Intensity.values();

    private GenerateMassBatch() {
    }

    /** Command-line entry point. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: GenerateMassBatch N OUTFILE [SEED]   (default seed " + DEFAULT_SEED + ")");
            System.exit(2);
        }
        int n;
        long seed;
        try {
            n = Integer.parseInt(args[0]);
            seed = args.length == 3 ? Long.parseLong(args[2]) : DEFAULT_SEED;
        } catch (NumberFormatException e) {
            System.err.println("GenerateMassBatch: N and SEED must be integers: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (n < 0) {
            System.err.println("GenerateMassBatch: N must not be negative");
            System.exit(2);
        }
        Path out = Path.of(args[1]);
        write(n, out, seed);
        System.err.println("GenerateMassBatch: wrote " + n + " requests to " + out + " (seed " + seed + ")");
    }

    /** Writes {@code n} requests to {@code out} (parent folders are created). */
    public static void write(int n, Path out, long seed) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
            write(n, w, seed);
        }
    }

    /** Writes {@code n} requests, one per line, to {@code w}. */
    public static void write(int n, Writer w, long seed) throws IOException {
        Random rnd = new Random(seed);
        StringBuilder sb = new StringBuilder(256);
        for (int i = 0; i < n; i++) {
            sb.setLength(0);
            line(rnd, sb);
            sb.append('\n');
            w.append(sb);
        }
    }

    /** One request: {"rule":"dempster","masses":[{...},{...}]} with "select":"ef" on some lines. */
    static void line(Random rnd, StringBuilder sb) {
        sb.append("{\"rule\":\"dempster\",\"masses\":[");
        massFunction(rnd, sb);
        sb.append(',');
        massFunction(rnd, sb);
        sb.append(']');
        if (rnd.nextInt(3) == 0) {
            sb.append(",\"select\":\"ef\"");
        }
        sb.append('}');
    }

    private static void massFunction(Random rnd, StringBuilder sb) {
        sb.append('{');
        int rest = 1000; // thousandths left for Θ
        if (rnd.nextInt(5) != 0) {
            // simple support function on one intensity: support 0.050 .. 0.950
            Intensity h = INTENSITIES[rnd.nextInt(INTENSITIES.length)];
            int s = 50 + rnd.nextInt(901);
            focal(sb, key(rnd, h.mask()), s);
            rest -= s;
        } else {
            // 2–4 focal sets: 1–3 distinct proper subsets, then Θ
            int others = 1 + rnd.nextInt(3);
            long[] used = new long[others];
            int budget = 950; // Θ keeps at least 0.050
            for (int k = 0; k < others; k++) {
                long set;
                boolean dup;
                do {
                    set = randomSubset(rnd);
                    dup = false;
                    for (int j = 0; j < k; j++) {
                        dup |= used[j] == set;
                    }
                } while (dup);
                used[k] = set;
                // leave at least 1 thousandth for each later set
                int max = budget - (others - 1 - k);
                int m = k == others - 1 ? 1 + rnd.nextInt(max) : 1 + rnd.nextInt(Math.max(1, max / 2));
                focal(sb, key(rnd, set), m);
                sb.append(',');
                budget -= m;
                rest -= m;
            }
            sb.setLength(sb.length() - 1);
        }
        sb.append(',');
        focal(sb, THETA_KEY, rest);
        sb.append('}');
    }

    /** A proper, non-empty subset of the scale: mostly an intensity, sometimes a wider interval or any set. */
    private static long randomSubset(Random rnd) {
        int kind = rnd.nextInt(4);
        if (kind <= 1) {
            return INTENSITIES[rnd.nextInt(INTENSITIES.length)].mask();
        }
        if (kind == 2) {
            int width = 3 + rnd.nextInt(3); // 3..5 adjacent atoms
            int lo = rnd.nextInt(7 - width + 1);
            return ((1L << width) - 1) << lo;
        }
        return 1L + rnd.nextInt((int) SsmScale.THETA - 1); // 1 .. 126
    }

    /** The key of a set: codes ("PO,SP"), or for one of the 13 intensities its label a third of the time. */
    private static String key(Random rnd, long set) {
        if (rnd.nextInt(3) == 0 && Intensity.ofMask(set).isPresent()) {
            return SsmScale.label(set);
        }
        return SsmScale.FRAME.format(set);
    }

    private static void focal(StringBuilder sb, String key, int thousandths) {
        sb.append('"').append(key).append("\":");
        thousandths(sb, thousandths);
    }

    /** Writes t/1000 with exactly three decimals, e.g. 650 as 0.650 and 1000 as 1.000. */
    static void thousandths(StringBuilder sb, int t) {
        sb.append(t / 1000).append('.');
        int frac = t % 1000;
        if (frac < 100) {
            sb.append('0');
        }
        if (frac < 10) {
            sb.append('0');
        }
        sb.append(frac);
    }
}

package org.ssmworkbench.core.synthesis;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a result was computed from and with: every input file with its hash and size, every policy,
 * the tool and the Java runtime, and where the per-step trace is kept. Every output (results.json,
 * sensitivity.json, the report) states this one value, so that a result can be re-run from it and
 * checked (decision 39).
 *
 * @param tool         the tool and its version, e.g. "ssm-workbench 0.1.0-SNAPSHOT"
 * @param jvm          the Java runtime that computed the numbers
 * @param inputs       every file read, in reading order
 * @param policies     every policy of the method, after command-line overrides
 * @param zeroBaseline the substitute for a zero baseline in raw measurements; empty: such a row is refused
 * @param trace        the SHA-256 of the results.json that holds the per-step trace, when the output is not
 *                     that file itself (the report); empty: the trace is in this output
 */
public record Provenance(String tool, Jvm jvm, List<Input> inputs, Policies policies, Optional<Double> zeroBaseline,
        Optional<String> trace) {

    /** Checks presence; copies the inputs. */
    public Provenance {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(jvm, "jvm");
        Objects.requireNonNull(policies, "policies");
        Objects.requireNonNull(zeroBaseline, "zeroBaseline");
        Objects.requireNonNull(trace, "trace");
        inputs = List.copyOf(inputs);
    }

    /** The provenance of a run of this tool version on the given inputs and policies, in this JVM, trace inside. */
    public static Provenance of(String toolVersion, List<Input> inputs, Policies policies,
            Optional<Double> zeroBaseline) {
        return new Provenance("ssm-workbench " + toolVersion, Jvm.current(), inputs, policies, zeroBaseline,
                Optional.empty());
    }

    /** The same provenance, the trace kept in the results.json with this SHA-256. */
    public Provenance withTrace(String resultsSha256) {
        return new Provenance(tool, jvm, inputs, policies, zeroBaseline, Optional.of(resultsSha256));
    }

    /** The same provenance with other policies. */
    public Provenance withPolicies(Policies p) {
        return new Provenance(tool, jvm, inputs, p, zeroBaseline, trace);
    }

    /** The same provenance, computed in another runtime (tests that compare bytes fix it). */
    public Provenance withJvm(Jvm j) {
        return new Provenance(tool, j, inputs, policies, zeroBaseline, trace);
    }

    /**
     * A file read.
     *
     * @param path   path relative to the project folder, with '/' separators
     * @param sha256 hex SHA-256 of its bytes
     * @param bytes  its size
     */
    public record Input(String path, String sha256, long bytes) {
        /** Checks presence. */
        public Input {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /**
     * A Java runtime: {@code Math} functions may differ in the last bit between runtimes (they need not
     * be those of {@code StrictMath}), so the runtime is part of what made the numbers.
     *
     * @param version the runtime version as {@link Runtime#version()} gives it, e.g. "17.0.15+6-Debian-1deb12u1"
     * @param vendor  the {@code java.vendor} property, e.g. "Debian"
     */
    public record Jvm(String version, String vendor) {
        /** Checks presence. */
        public Jvm {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(vendor, "vendor");
        }

        /** The runtime this code runs in. */
        public static Jvm current() {
            return new Jvm(Runtime.version().toString(), System.getProperty("java.vendor", "unknown"));
        }
    }
}

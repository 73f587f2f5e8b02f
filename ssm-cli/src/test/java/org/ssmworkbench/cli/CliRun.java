package org.ssmworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * One run of the `ssm` command line in-process, for tests: its exit code and what it printed.
 *
 * @param code exit code
 * @param out  standard output
 * @param err  standard error
 */
public record CliRun(int code, String out, String err) {

    /** The built-in case, seen from a module folder. */
    public static final Path CASE = Path.of("..", "examples", "quantization");

    /** Runs `ssm ARGS…` through {@link Main#run} with captured output. */
    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Copies the built-in case (without its out/ folder) to {@code target} and returns it. */
    public static Path copyCase(Path target) throws IOException {
        return copy(CASE, target);
    }

    /** Copies a project folder (without its out/ folder) to {@code target} and returns it. */
    public static Path copy(Path from, Path target) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path rel = from.relativize(p);
                if (rel.startsWith("out")) {
                    continue;
                }
                Path to = target.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return target;
    }
}

package org.ssmworkbench.cli.init;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.ssmworkbench.cli.BadInputException;
import org.ssmworkbench.cli.ExitCodes;
import org.ssmworkbench.cli.SsmCommand;
import org.ssmworkbench.io.InputException;
import org.ssmworkbench.io.results.OutputFolder;
import org.ssmworkbench.io.text.NearMiss;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `ssm init`: scaffolds a commented, runnable project. */
@Command(name = "init",
        mixinStandardHelpOptions = true,
        header = "Create a new synthesis project that runs as it is.",
        description = {
            "Writes into DIR a synthesis.yaml, a checklist.yaml, two studies and a raw measurement file,"
                + " every field explained in comments.",
            "",
            "With --example, a small project in one design instead: paired-runs (raw measurement files with"
                + " mapped columns), groups (n, mean and SD, or median and quartiles, of two independent"
                + " groups), effect-sizes (Hedges' g or Cohen's d). Each runs as it is. Try:",
            "  ssm init my-synthesis && ssm synthesize my-synthesis",
            "  ssm init pp --example groups && ssm synthesize pp"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:internal error", "2:bad input: DIR exists and is not empty; nothing was"
            + " written"})
public final class InitCommand implements Callable<Integer> {

    /** The scaffold's files, relative to the project folder. */
    public static final List<String> FILES = List.of("synthesis.yaml", "checklist.yaml", "studies/S1.yaml",
            "studies/S2.yaml", "data/S1-runs.csv");

    /** The files of each example design, relative to the project folder. */
    public static final Map<String, List<String>> EXAMPLES = Map.of(
            "paired-runs", List.of("synthesis.yaml", "studies/S1.yaml", "studies/S2.yaml", "data/S1-runs.csv"),
            "groups", List.of("synthesis.yaml", "studies/S1.yaml", "studies/S2.yaml", "studies/S3.yaml"),
            "effect-sizes", List.of("synthesis.yaml", "studies/S1.yaml", "studies/S2.yaml", "studies/S3.yaml"));

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The folder to create (must not exist, or be empty).")
    private Path dir;

    @Option(names = "--example", paramLabel = "DESIGN",
            description = "Write an example project in one design: paired-runs, groups or effect-sizes.")
    private String example;

    @Override
    public Integer call() throws IOException {
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                throw new BadInputException(InputException.display(dir) + ": exists and is not a folder");
            }
            try (var s = Files.list(dir)) {
                if (s.findAny().isPresent()) {
                    throw new BadInputException(InputException.display(dir)
                            + ": exists and is not empty; choose a new folder");
                }
            }
        }
        List<String> names = FILES;
        String base = "/org/ssmworkbench/cli/init/";
        if (example != null) {
            names = EXAMPLES.get(example);
            if (names == null) {
                throw new BadInputException("--example: unknown design '" + example + "'"
                        + NearMiss.hint(example, new TreeSet<>(EXAMPLES.keySet()))
                        + " (known: " + String.join(", ", new TreeSet<>(EXAMPLES.keySet())) + ")");
            }
            base = base + "examples/" + example + "/";
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String f : names) {
            try (InputStream in = InitCommand.class.getResourceAsStream(base + f)) {
                if (in == null) {
                    throw new IllegalStateException("scaffold file " + f + " is missing from the application");
                }
                files.put(f, in.readAllBytes());
            }
        }
        try {
            OutputFolder.write(dir, files, Set.of());
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot write " + InputException.display(dir) + ": "
                    + OutputFolder.describe(e), e));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("created " + InputException.display(dir) + " with " + String.join(", ", names));
        if (SsmCommand.quiet(spec)) {
            return ExitCodes.OK;
        }
        out.println("next: edit " + InputException.display(dir.resolve("synthesis.yaml"))
                + ", then run: ssm synthesize " + InputException.display(dir));
        return ExitCodes.OK;
    }
}

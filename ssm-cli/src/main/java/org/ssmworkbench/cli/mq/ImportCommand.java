package org.ssmworkbench.cli.mq;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ssmworkbench.cli.BadInputException;
import org.ssmworkbench.cli.ExitCodes;
import org.ssmworkbench.cli.SsmCommand;
import org.ssmworkbench.cli.VersionProvider;
import org.ssmworkbench.io.InputException;
import org.ssmworkbench.io.mq.MqImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `ssm import FORMAT`: evidence extracted by another tool's pipeline becomes a synthesis project. */
@Command(name = "import",
        mixinStandardHelpOptions = true,
        header = "Turn evidence another tool extracted into a synthesis project.",
        description = "Formats: mq (the processed evidence of a model-quantization replication package).",
        subcommands = {ImportCommand.Mq.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:internal error", "2:bad input (file, line and record named)"})
public final class ImportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new BadInputException("name the format to import, e.g. `ssm import mq SRC --out DIR` (see"
                + " `ssm import --help`)");
    }

    /** `ssm import mq SRC --out DIR`. */
    @Command(name = "mq",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            header = "Import a model-quantization replication package as a synthesis project.",
            description = {
                "Writes the processed evidence of SRC as a project in DIR: studies with their beliefs, types"
                    + " and context, one evidence model per record with each metric's intensity and mass as"
                    + " given, the combination order, and import-log.txt (every file read with its SHA-256,"
                    + " every record skipped).",
                "",
                "Both layouts: per study effects.json (layout 1) or studies.json with per study"
                    + " effects_by_precision.json (layout 2); see docs/formats/import-mq.md."
            },
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:success", "1:internal error",
                "2:bad input: an unknown layout or a record that cannot be read (file, line and record named);"
                    + " nothing was written"})
    static final class Mq implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "SRC", description = "The package folder.")
        private Path src;

        @Option(names = "--out", paramLabel = "DIR", required = true,
                description = "The project folder to create (must not exist, or be empty).")
        private Path out;

        @Option(names = "--id", paramLabel = "ID", description = "The synthesis id (default: the folder's name).")
        private String id;

        @Option(names = "--title", paramLabel = "TITLE", description = "The synthesis title (default: \""
                + MqImporter.DEFAULT_TITLE + "\").")
        private String title;

        @Option(names = "--family", paramLabel = "METRIC=FAMILY",
                description = "The effect family of a metric the built-in table does not know: correctness or"
                        + " resource (repeatable).")
        private Map<String, String> families = new LinkedHashMap<>();

        @Option(names = "--better", paramLabel = "METRIC=DIRECTION",
                description = "Which way a metric improves: higher or lower (repeatable; default for an unknown"
                        + " metric: higher for correctness, lower for resource).")
        private Map<String, String> better = new LinkedHashMap<>();

        @Override
        public Integer call() {
            families.forEach((m, f) -> {
                if (!f.equals("correctness") && !f.equals("resource")) {
                    throw new BadInputException("--family " + m + "=" + f + ": expected correctness or resource");
                }
            });
            better.forEach((m, b) -> {
                if (!b.equals("higher") && !b.equals("lower")) {
                    throw new BadInputException("--better " + m + "=" + b + ": expected higher or lower");
                }
            });
            if (id != null && !id.matches("[A-Za-z0-9_.@-]+")) {
                throw new BadInputException("--id '" + id + "': letters, digits, _ - . @ only");
            }
            MqImporter.Result r = MqImporter.importPackage(src, new MqImporter.Options(id, title, families, better),
                    src.toString().replace('\\', '/'), "ssm " + VersionProvider.version());
            ProjectOutput.write(out, r.files(), "an import");
            PrintWriter o = spec.commandLine().getOut();
            o.println("imported " + InputException.display(src) + " (layout " + r.layout() + ") into "
                    + InputException.display(out));
            if (SsmCommand.quiet(spec)) {
                return ExitCodes.OK;
            }
            o.println("  studies:         " + r.studies());
            o.println("  evidence models: " + r.evidenceModels());
            o.println("  findings:        " + r.findings() + " on " + r.effects() + " effects");
            o.println("  records skipped: " + r.skipped() + (r.skipped() > 0 ? " (no intensity or no mass; listed in "
                    + InputException.display(out.resolve(MqImporter.LOG)) + ")" : ""));
            if (r.ignored() > 0) {
                o.println("  not imported:    " + r.ignored() + " entries by design (whole-study summaries, other"
                        + " files; listed in the log)");
            }
            o.println("next: ssm synthesize " + InputException.display(out));
            return ExitCodes.OK;
        }
    }
}

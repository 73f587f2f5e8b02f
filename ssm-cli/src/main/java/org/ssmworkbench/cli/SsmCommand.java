package org.ssmworkbench.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.ssmworkbench.cli.ingest.IngestCommand;
import org.ssmworkbench.cli.init.InitCommand;
import org.ssmworkbench.cli.mass.MassCommand;
import org.ssmworkbench.cli.mq.ExportCommand;
import org.ssmworkbench.cli.mq.ImportCommand;
import org.ssmworkbench.cli.report.ReportCommand;
import org.ssmworkbench.cli.sensitivity.SensitivityCommand;
import org.ssmworkbench.cli.serve.ServeCommand;
import org.ssmworkbench.cli.synthesize.SynthesizeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top-level `ssm` command; the work happens in its subcommands. */
@Command(name = "ssm",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "SSM Workbench: research synthesis with the Structured Synthesis Method and Dempster-Shafer"
                + " belief functions.",
            "",
            "Options -q, --verbose and -h work on every command, before or after its name."
        },
        commandListHeading = "%nCommands:%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:internal error (a bug, or the machine: disk full, ...)",
            "2:bad input (the message names file, line and field); nothing was written"
        })
public final class SsmCommand implements Callable<Integer> {

    /**
     * The subcommands, in the order `ssm --help` lists them. {@link Main#commandLine(String...)} adds
     * them to the command line (all of them, or only the one a run names: decision 0051).
     */
    static final List<Class<?>> COMMANDS = List.of(SynthesizeCommand.class, ReportCommand.class,
            SensitivityCommand.class, InitCommand.class, MassCommand.class, ImportCommand.class,
            ExportCommand.class, IngestCommand.class, ServeCommand.class, CommandLine.HelpCommand.class);

    @Spec
    private CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Print stack traces with error messages.")
    private boolean verbose;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "Print only what was written (one line), warnings and errors: no summary table, no"
                    + " counts, no hints. `ssm mass` still prints its answer.")
    private boolean quiet;

    /** Whether stack traces were asked for. */
    public boolean verbose() {
        return verbose;
    }

    /** Whether -q was given, on the top command or on any subcommand ({@code spec}: the running command's). */
    public static boolean quiet(CommandSpec spec) {
        return spec.root().userObject() instanceof SsmCommand top && top.quiet;
    }

    /** `ssm` without a command is a usage error: the usage goes to standard error, exit code 2. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "ssm: name a command (ssm --help lists them)");
    }
}

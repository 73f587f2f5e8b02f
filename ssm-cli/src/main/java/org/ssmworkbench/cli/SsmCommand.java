package org.ssmworkbench.cli;

import java.util.concurrent.Callable;
import org.ssmworkbench.cli.ingest.IngestCommand;
import org.ssmworkbench.cli.init.InitCommand;
import org.ssmworkbench.cli.mass.MassCommand;
import org.ssmworkbench.cli.mq.ExportCommand;
import org.ssmworkbench.cli.mq.ImportCommand;
import org.ssmworkbench.cli.report.ReportCommand;
import org.ssmworkbench.cli.sensitivity.SensitivityCommand;
import org.ssmworkbench.cli.synthesize.SynthesizeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top-level `ssm` command; the work happens in its subcommands. */
@Command(name = "ssm",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "SSM Workbench: research synthesis with the Structured Synthesis Method and",
            "Dempster-Shafer belief functions."
        },
        subcommands = {SynthesizeCommand.class, ReportCommand.class, SensitivityCommand.class, InitCommand.class, MassCommand.class, ImportCommand.class, ExportCommand.class, IngestCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:internal error (a bug, or the machine: disk full, ...)",
            "2:bad input (the message names file, line and field); nothing was written"
        })
public final class SsmCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Print stack traces with error messages.")
    private boolean verbose;

    /** Whether stack traces were asked for. */
    public boolean verbose() {
        return verbose;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}

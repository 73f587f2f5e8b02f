package org.ssmworkbench.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.ssmworkbench.core.belief.EvidenceException;
import picocli.CommandLine;

/** Entry point of the `ssm` command. */
public final class Main {

    private Main() {
    }

    /** Runs the command line and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code (for tests and embedding). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The configured command line: exit codes and error handling applied in one place. */
    public static CommandLine commandLine() {
        SsmCommand top = new SsmCommand();
        CommandLine cl = new CommandLine(top);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // help wraps whole sentences to the terminal's width (80 columns when there is no terminal)
        cl.setUsageHelpAutoWidth(true);
        HelpLayout.apply(cl);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            String name = commandLine.getCommandSpec().qualifiedName();
            if (ex instanceof BadInputException || ex instanceof EvidenceException
                    || ex instanceof org.ssmworkbench.io.InputException) {
                err.println(name + ": " + ex.getMessage());
                if (top.verbose()) {
                    ex.printStackTrace(err);
                }
                return ExitCodes.BAD_INPUT;
            }
            if (ex instanceof UncheckedIOException io) {
                err.println(name + ": I/O error: " + io.getCause().getMessage());
            } else {
                err.println(name + ": internal error: " + ex);
            }
            if (top.verbose()) {
                ex.printStackTrace(err);
            } else {
                err.println("(run with --verbose for the stack trace; please report it)");
            }
            return ExitCodes.INTERNAL;
        });
        return cl;
    }
}

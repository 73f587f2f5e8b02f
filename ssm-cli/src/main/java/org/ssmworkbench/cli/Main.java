package org.ssmworkbench.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ssmworkbench.core.belief.EvidenceException;
import org.ssmworkbench.io.project.ProjectLoader;
import picocli.CommandLine;

/** Entry point of the `ssm` command. */
public final class Main {

    private Main() {
    }

    /** The writer {@link #main} gives the commands for standard output. */
    private static volatile PrintWriter standardOut;

    /** Runs the command line and exits with its exit code. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        standardOut = out;
        System.exit(run(args, out, new PrintWriter(System.err, true)));
    }

    /**
     * A byte stream onto a command's output writer, for commands that render UTF-8 bytes themselves:
     * standard output itself when {@code out} is the writer {@link #main} made (after flushing it), else
     * a stream that decodes each write into {@code out} (so every write must hold whole characters).
     */
    public static OutputStream bytes(PrintWriter out) {
        out.flush();
        if (out == standardOut) {
            return System.out;
        }
        return new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                out.write(new String(b, off, len, StandardCharsets.UTF_8));
            }

            @Override
            public void flush() {
                out.flush();
            }
        };
    }

    /** Runs the command line with the given streams and returns the exit code (for tests and embedding). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Class<?> named = namedCommand(args);
        if (named != null && LoadsProject.class.isAssignableFrom(named)) {
            // the command will read a project: its YAML reading is prepared on the second core while
            // picocli builds the command's model on this one (decision 0052)
            Thread warmUp = new Thread(ProjectLoader::warmUp, "ssm-warm-up");
            warmUp.setDaemon(true);
            warmUp.start();
        }
        CommandLine cl = named != null ? build(List.of(named)) : commandLine();
        cl.setOut(out);
        cl.setErr(err);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The configured command line with every subcommand: exit codes and error handling applied in one place. */
    public static CommandLine commandLine() {
        return build(SsmCommand.COMMANDS);
    }

    /**
     * The configured command line for one run: when {@code args} name a command (its name is the
     * first argument that is not an option), only that command is added, since picocli builds the
     * model of every command it is given and that is most of a short run's start-up (decision 0051);
     * otherwise ({@code ssm}, {@code ssm --help}, {@code ssm help X}, a misspelt command) every
     * command, so usage, help and "did you mean" see them all. A run parses and behaves the same
     * either way.
     */
    public static CommandLine commandLine(String... args) {
        Class<?> named = namedCommand(args);
        return named != null ? build(List.of(named)) : commandLine();
    }

    /** The command {@code args} name (other than {@code help}), or null. */
    private static Class<?> namedCommand(String... args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                break;
            }
            if (arg.startsWith("-")) {
                continue;
            }
            for (Class<?> command : SsmCommand.COMMANDS) {
                if (command != CommandLine.HelpCommand.class
                        && command.getAnnotation(CommandLine.Command.class).name().equals(arg)) {
                    return command;
                }
            }
            break;
        }
        return null;
    }

    private static CommandLine build(List<Class<?>> commands) {
        SsmCommand top = new SsmCommand();
        CommandLine cl = new CommandLine(top);
        for (Class<?> command : commands) {
            cl.addSubcommand(command);
        }
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

package org.ssmworkbench.cli.serve;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.ssmworkbench.cli.LoadsProject;
import org.ssmworkbench.cli.BadInputException;
import org.ssmworkbench.cli.ExitCodes;
import org.ssmworkbench.cli.SsmCommand;
import org.ssmworkbench.cli.VersionProvider;
import org.ssmworkbench.core.belief.EvidenceException;
import org.ssmworkbench.io.InputException;
import org.ssmworkbench.io.project.ProjectLoader;
import org.ssmworkbench.web.WorkbenchServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `ssm serve`: the local web workbench over one project folder, until Ctrl-C. */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Open a synthesis project in the local web workbench.",
        description = {
            "Starts a web server over the project in DIR and prints its address; open it in a browser to see"
                + " the overview, edit studies, quality checklists and evidence models, and download the report."
                + " The files stay the only copy: every save is checked by loading the whole project first and"
                + " written back into the YAML keeping its comments and layout (the previous version under"
                + " DIR/.ssm/history), and an edit made in another editor shows up on the next request.",
            "",
            "Listens on 127.0.0.1 (this machine only) unless --host says otherwise. Ctrl-C stops it."
                + " See docs/workbench.md."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:stopped cleanly: Ctrl-C or kill end the server after the requests under way (the shell then"
                + " reports 130 or 143, the codes of those signals)",
            "1:internal error, or the port is taken",
            "2:bad input: DIR is not a project folder"
        })
public final class ServeCommand implements Callable<Integer>, LoadsProject {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The project folder (holding synthesis.yaml).")
    private Path dir;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "The port to listen on (default: ${DEFAULT-VALUE}; 0: a free port).")
    private int port;

    @Option(names = "--host", paramLabel = "H", defaultValue = WorkbenchServer.LOOPBACK,
            description = "The address to listen on (default: ${DEFAULT-VALUE}, this machine only). Any other"
                    + " address lets other machines read the project; a warning says so.")
    private String host;

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) {
            throw new BadInputException("--port: " + port + " is not a port (0 to 65535; 0: a free one)");
        }
        if (!Files.isRegularFile(dir.resolve(ProjectLoader.SYNTHESIS_FILE))) {
            throw new BadInputException(InputException.display(dir.resolve(ProjectLoader.SYNTHESIS_FILE))
                    + ": no such file: is " + InputException.display(dir) + " a synthesis project? (`ssm init DIR`"
                    + " makes one)");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!WorkbenchServer.isLoopback(host)) {
            err.println("warning: listening on " + host + ", not on this machine only: anyone who can reach it can"
                    + " read the project (changes still need this server's page and token)");
        }
        WorkbenchServer server;
        try {
            server = WorkbenchServer.start(dir, host, port, VersionProvider.version());
        } catch (RuntimeException e) {
            if (bindFailure(e)) {
                throw new UncheckedIOException(new IOException("cannot listen on " + host + ":" + port
                        + " (is the port taken? --port 0 picks a free one)", e));
            }
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "ssm-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            server.workspace().current();
        } catch (InputException | EvidenceException e) {
            err.println("warning: the project does not load as it stands; the workbench shows why: "
                    + e.getMessage());
        }
        out.println("SSM Workbench serving " + InputException.display(dir) + " at " + server.address());
        if (!SsmCommand.quiet(spec)) {
            out.println("Open that address in a browser; Ctrl-C stops the server.");
        }
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            // stopped from within (a test, an embedding program): stop as Ctrl-C would
            Runtime.getRuntime().removeShutdownHook(hook);
            server.stop();
            Thread.currentThread().interrupt();
        }
        return ExitCodes.OK;
    }

    private static boolean bindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException || t instanceof java.net.UnknownHostException) {
                return true;
            }
        }
        return false;
    }
}

package org.ssmworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Decision 0051: a run registers only the command it names, and nothing a user sees changes. */
class CommandRegistrationTest {

    private static final String[] ALL = {
        "synthesize", "report", "sensitivity", "init", "mass", "import", "export", "ingest", "serve", "help"};

    @ParameterizedTest
    @ValueSource(strings = {"synthesize", "report", "sensitivity", "init", "mass", "import", "export", "ingest", "serve"})
    void aNamedCommandIsTheOnlyOneRegisteredAndItsHelpIsUnchanged(String name) {
        CommandLine one = Main.commandLine("-q", name, "--verbose", "x");
        assertThat(one.getSubcommands()).containsOnlyKeys(name);
        CommandLine all = Main.commandLine();
        assertThat(one.getSubcommands().get(name).getUsageMessage())
                .isEqualTo(all.getSubcommands().get(name).getUsageMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "--help", "-V", "help synthesize", "synthesise", "-- synthesize"})
    void withoutACommandNameEveryCommandIsRegistered(String args) {
        String[] argv = args.isEmpty() ? new String[0] : args.split(" ");
        assertThat(Main.commandLine(argv).getSubcommands()).containsOnlyKeys(ALL);
    }

    @Test
    void theTopHelpListsEveryCommandInOrder() {
        String usage = Main.commandLine("--help").getUsageMessage();
        int at = -1;
        for (String name : ALL) {
            int next = usage.indexOf("\n  " + name + " ");
            assertThat(next).as(name).isGreaterThan(at);
            at = next;
        }
    }

    @Test
    void optionsOfTheTopCommandWorkAfterTheCommandName(@TempDir Path tmp) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path dir = tmp.resolve("p");
        int code = Main.run(new String[] {"init", dir.toString(), "-q"}, new PrintWriter(out), new PrintWriter(err));
        assertThat(code).isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(out.toString().lines()).hasSize(1);
        assertThat(dir.resolve("synthesis.yaml")).exists();
    }
}

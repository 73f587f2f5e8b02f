package org.ssmworkbench.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --out} option of the commands that run a project (synthesize, report, sensitivity), as a
 * picocli mixin so that it reads and behaves the same on each: one output folder, by default DIR/out,
 * shared by the commands (decision 0013).
 */
public final class OutputOption {

    @Option(names = "--out", paramLabel = "OUT",
            description = "The output folder (default: DIR/out). It is written all or nothing and may hold only"
                    + " files that ssm commands write.")
    private Path out;

    /** The folder to write: {@code --out}, else {@code DIR/out}. */
    public Path folder(Path projectDir) {
        return out != null ? out : projectDir.resolve("out");
    }
}

package org.ssmworkbench.cli.mq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.ssmworkbench.cli.BadInputException;
import org.ssmworkbench.io.InputException;
import org.ssmworkbench.io.results.OutputFolder;

/** Writes a whole new folder (a project, a package) all or nothing; an existing folder must be empty. */
final class ProjectOutput {

    private ProjectOutput() {
    }

    static void write(Path out, Map<String, byte[]> files, String what) {
        if (Files.exists(out)) {
            if (!Files.isDirectory(out)) {
                throw new BadInputException(InputException.display(out) + ": exists and is not a folder; choose"
                        + " another --out");
            }
            try (var s = Files.list(out)) {
                if (s.findAny().isPresent()) {
                    throw new BadInputException(InputException.display(out) + ": exists and is not empty; "
                            + what + " needs a new or empty folder (nothing was written)");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(new IOException("cannot read " + InputException.display(out) + ": "
                        + OutputFolder.describe(e), e));
            }
        }
        try {
            OutputFolder.write(out, files, files.keySet());
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot write " + InputException.display(out) + ": "
                    + OutputFolder.describe(e), e));
        }
    }
}

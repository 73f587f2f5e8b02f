package org.ssmworkbench.io.save;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.ssmworkbench.core.belief.EvidenceException;
import org.ssmworkbench.core.synthesis.Synthesizer;
import org.ssmworkbench.io.InputException;
import org.ssmworkbench.io.project.MeasurementSummarizer;
import org.ssmworkbench.io.project.Project;
import org.ssmworkbench.io.project.ProjectLoader;

/**
 * Validate, then save: the files a change would write are rendered ({@link ProjectWriter#render}),
 * placed with every other file the project read into a temporary copy of the project, and that copy
 * is loaded and synthesized exactly as {@code ssm synthesize} would; only if it loads are the files
 * written. A change that does not load writes nothing and fails with the loader's located message
 * (file, line, field), the file named as in the project.
 */
public final class CheckedSave {

    private final ProjectWriter writer;
    private final MeasurementSummarizer measurements;

    /**
     * @param writer       writes the files once checked
     * @param measurements summarizes raw measurement files, as the loader does
     */
    public CheckedSave(ProjectWriter writer, MeasurementSummarizer measurements) {
        this.writer = writer;
        this.measurements = measurements;
    }

    /**
     * The project the content gives, loaded from a temporary copy; nothing in the project is written.
     *
     * @throws InputException naming the project's file, line and field when it would not load
     * @throws org.ssmworkbench.core.synthesis.SynthesisException when it loads but cannot be synthesized
     */
    public Project check(ProjectContent content) throws IOException {
        Path tmp = Files.createTempDirectory("ssm-check-");
        try {
            for (Project.InputFile f : content.inputs()) {
                Path to = tmp.resolve(f.path());
                Files.createDirectories(to.getParent());
                Files.copy(content.dir().resolve(f.path()), to);
            }
            for (ProjectWriter.FileText t : writer.render(content)) {
                Path to = tmp.resolve(t.path());
                Files.createDirectories(to.getParent());
                Files.writeString(to, t.after(), StandardCharsets.UTF_8);
            }
            Project p;
            try {
                p = new ProjectLoader(measurements).load(tmp);
            } catch (InputException e) {
                throw relocated(e, tmp, content.dir());
            }
            try {
                Synthesizer.run(p.synthesis());
            } catch (EvidenceException e) {
                throw new org.ssmworkbench.core.synthesis.SynthesisException(e.getMessage());
            }
            return p;
        } finally {
            delete(tmp);
        }
    }

    /**
     * Checks the content, then writes it.
     *
     * @throws InputException        when the change would not load (nothing is written)
     * @throws SaveConflictException when a file changed on disk since the project was read
     */
    public ProjectWriter.Saved save(ProjectContent content) throws IOException {
        check(content);
        return writer.save(content);
    }

    /** The loader's error about the temporary copy, naming the project's own file instead. */
    private static InputException relocated(InputException e, Path tmp, Path dir) {
        if (e.file() == null) {
            return e;
        }
        Path abs = e.file().toAbsolutePath().normalize();
        Path root = tmp.toAbsolutePath().normalize();
        if (!abs.startsWith(root)) {
            return e;
        }
        Path rel = root.relativize(abs);
        String prefix = InputException.display(e.file()) + (e.line() > 0 ? ":" + e.line() : "") + ": "
                + (e.field() != null && !e.field().isEmpty() ? e.field() + ": " : "");
        String msg = e.getMessage();
        String detail = msg.startsWith(prefix) ? msg.substring(prefix.length())
                : msg.replace(root.toString() + java.io.File.separator, "");
        return new InputException(dir.resolve(rel), e.line(), e.field(), detail, e);
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
        } catch (IOException | UncheckedIOException ex) {
            // a temporary copy left behind is harmless; the check's outcome stands
        }
    }
}

package org.ssmworkbench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.ssmworkbench.core.synthesis.SynthesisResult;
import org.ssmworkbench.core.synthesis.Synthesizer;
import org.ssmworkbench.io.measurements.MeasurementReader;
import org.ssmworkbench.io.project.Project;
import org.ssmworkbench.io.project.ProjectLoader;

/** The built-in quantization case, loaded and run once, and its report, for the tests. */
final class CaseReport {

    /** The case folder, relative to this module. */
    static final Path DIR = Path.of("..", "examples", "quantization");

    /** The tool version the reports state (the build's, from Maven; "test" elsewhere). */
    static final String VERSION = System.getProperty("ssm.version", "test");

    /** A fixed date, so that tests do not depend on file times. */
    static final ReportDate DATE = new ReportDate(Instant.parse("2025-07-01T12:00:00Z"), "SOURCE_DATE_EPOCH");

    private static Project project;
    private static SynthesisResult result;
    private static Map<String, byte[]> files;

    private CaseReport() {
    }

    static synchronized Project project() {
        if (project == null) {
            project = load(DIR);
            result = Synthesizer.run(project.synthesis());
        }
        return project;
    }

    static synchronized SynthesisResult result() {
        project();
        return result;
    }

    static synchronized Map<String, byte[]> files() {
        if (files == null) {
            files = Report.files(project(), result(), VERSION, DATE);
        }
        return files;
    }

    static String text(String name) {
        byte[] b = files().get(name);
        if (b == null) {
            throw new AssertionError("the report has no file " + name + "; it has " + files().keySet());
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    static String html() {
        return text(Report.HTML);
    }

    static Project load(Path dir) {
        return new ProjectLoader(MeasurementReader::summarizeOne).load(dir);
    }

    /** Writes the files into {@code out} (for the browser and for looking at them). */
    static Path writeTo(Path out, Map<String, byte[]> fs) {
        try {
            for (Map.Entry<String, byte[]> f : fs.entrySet()) {
                Path p = out.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.write(p, f.getValue());
            }
            return out.resolve(Report.HTML);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.ssmworkbench.io.mq;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.ssmworkbench.io.measurements.MeasurementReader;
import org.ssmworkbench.io.project.ProjectSources;
import org.ssmworkbench.io.project.ProjectLoader;

/**
 * The two replication packages shipped in examples/replication-packages (with their NOTICE) and helpers the
 * mq tests share.
 */
final class Cases {

    /** Layout 1: 6 studies, per study effects.json. */
    static final Path SMALL = Path.of("..", "examples", "replication-packages", "case-quantization");
    /** Layout 2: 21 studies, studies.json, per study effects_by_precision.json, the order file. */
    static final Path EXTENDED = Path.of("..", "examples", "replication-packages", "case-quantization-extended");
    /** The hand-written built-in example. */
    static final Path EXAMPLE = Path.of("..", "examples", "quantization");

    private Cases() {
    }

    /** The package folder, or a failure saying where it was expected. */
    static Path require(Path p) {
        if (!Files.isDirectory(p)) {
            fail("case package missing: expected " + p.toAbsolutePath().normalize()
                    + " (examples/replication-packages holds case-quantization and case-quantization-extended)");
        }
        return p;
    }

    /** Copies a folder (a package or a project, without out/) to {@code to}. */
    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path rel = from.relativize(p);
                if (rel.startsWith("out")) {
                    continue;
                }
                Path t = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return to;
    }

    /** Writes files (name → bytes) below {@code dir}. */
    static Path write(Path dir, Map<String, byte[]> files) throws IOException {
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, f.getValue());
        }
        return dir;
    }

    /** Imports a package and writes the project into {@code dir}. */
    static MqImporter.Result importTo(Path src, Path dir) throws IOException {
        MqImporter.Result r = MqImporter.importPackage(src, MqImporter.Options.defaults(), src.toString(), "test");
        write(dir, r.files());
        return r;
    }

    /** Loads a project folder. */
    static ProjectSources load(Path dir) {
        return new ProjectLoader(MeasurementReader::summarizeOne).loadSources(dir);
    }

    /** The project files as text, by name, without the import log (which names the source and the tool). */
    static Map<String, String> projectFiles(Map<String, byte[]> files) {
        Map<String, String> out = new TreeMap<>();
        files.forEach((k, v) -> {
            if (!k.equals(MqImporter.LOG)) {
                out.put(k, new String(v, java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        return out;
    }
}

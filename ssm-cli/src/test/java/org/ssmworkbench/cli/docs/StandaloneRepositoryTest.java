package org.ssmworkbench.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A researcher clones only this repository: no README, doc, example, CI script or test may point
 * outside it (to a {@code ../shared} folder beside the clone); what they need lives here.
 */
class StandaloneRepositoryTest {

    static final Path ROOT = Path.of("..");
    static final Pattern OUTSIDE = Pattern.compile("\\.\\./shared|\"shared\"|shared/case-quantization");

    @Test
    void nothingInTheRepositoryPointsOutsideIt() throws IOException {
        List<String> hits = new ArrayList<>();
        for (Path f : files()) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (OUTSIDE.matcher(lines[i]).find()) {
                    hits.add(ROOT.relativize(f) + ":" + (i + 1) + ": " + lines[i].strip());
                }
            }
        }
        assertThat(hits).as("references to files outside the repository").isEmpty();
    }

    @Test
    void theScanCoversTheReadmeDocsExamplesTestsAndCi() throws IOException {
        List<String> names = files().stream().map(p -> ROOT.relativize(p).toString().replace('\\', '/')).toList();
        assertThat(names).contains("README.md", "docs/architecture.md", ".ci/run", "examples/quantization/README.md",
                "ssm-io/src/test/java/org/ssmworkbench/io/mq/Cases.java",
                "ssm-cli/src/test/java/org/ssmworkbench/cli/mq/ImportCommandTest.java");
    }

    /** README, docs, examples, CI scripts, benchmarks and every module's sources (not build output, not this test). */
    static List<Path> files() throws IOException {
        List<Path> out = new ArrayList<>();
        out.add(ROOT.resolve("README.md"));
        for (String dir : List.of("docs", "examples", ".ci", "bench", "ssm-core", "ssm-io", "ssm-report", "ssm-cli",
                "ssm-bench")) {
            Path d = ROOT.resolve(dir);
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(d)) {
                s.filter(Files::isRegularFile)
                        .filter(p -> !d.relativize(p).toString().replace('\\', '/').matches("(.*/)?(target|out)/.*"))
                        .filter(p -> p.getFileName().toString().matches(".*\\.(md|java|yaml|yml|json|jsonl|txt|sh)"
                                + "|run|NOTICE|ssm"))
                        .filter(p -> !p.getFileName().toString().equals("StandaloneRepositoryTest.java"))
                        .forEach(out::add);
            }
        }
        out.add(ROOT.resolve("ssm"));
        return out.stream().sorted().toList();
    }
}

package org.ssmworkbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssmworkbench.core.synthesis.Synthesizer;
import org.ssmworkbench.io.project.Project;

/** Same input, same bytes; the date comes from SOURCE_DATE_EPOCH or the input files, never the clock. */
class ReportDeterminismTest {

    @Test
    void twoRunsGiveTheSameBytes() {
        Project p1 = CaseReport.load(CaseReport.DIR);
        Project p2 = CaseReport.load(CaseReport.DIR);
        Map<String, byte[]> a = Report.files(p1, Synthesizer.run(p1.synthesis()), "1.2.3", CaseReport.DATE);
        Map<String, byte[]> b = Report.files(p2, Synthesizer.run(p2.synthesis()), "1.2.3", CaseReport.DATE);
        assertThat(b.keySet()).containsExactlyElementsOf(a.keySet());
        for (String name : a.keySet()) {
            assertThat(b.get(name)).as(name).isEqualTo(a.get(name));
        }
    }

    @Test
    void theDateIsSourceDateEpochWhenSet() {
        ReportDate d = ReportDate.of(CaseReport.project(), Map.of("SOURCE_DATE_EPOCH", "1751371200"));
        assertThat(d.iso()).isEqualTo("2025-07-01T12:00:00Z");
        assertThat(d.display()).isEqualTo("2025-07-01 12:00 UTC");
        assertThat(d.source()).isEqualTo("SOURCE_DATE_EPOCH");
        assertThatThrownBy(() -> ReportDate.of(CaseReport.project(), Map.of("SOURCE_DATE_EPOCH", "yesterday")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SOURCE_DATE_EPOCH is 'yesterday'");
    }

    @Test
    void elseTheNewestInputFile(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("q");
        ReportEscapingTest.copy(CaseReport.DIR, dir);
        try (var s = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) s::iterator) {
                Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2024-01-01T00:00:00Z")));
            }
        }
        Files.setLastModifiedTime(dir.resolve("studies/S3.yaml"), FileTime.from(Instant.parse("2025-03-04T05:06:07.891Z")));
        Project p = CaseReport.load(dir);
        ReportDate d = ReportDate.of(p, Map.of());
        assertThat(d.iso()).isEqualTo("2025-03-04T05:06:07Z");
        assertThat(d.source()).isEqualTo("newest modification time of the input files");
        // an output folder inside the project does not move the date: only files the project read count
        Files.createDirectories(dir.resolve("out"));
        Files.writeString(dir.resolve("out/results.json"), "{}");
        assertThat(ReportDate.of(p, Map.of()).iso()).isEqualTo("2025-03-04T05:06:07Z");
    }
}

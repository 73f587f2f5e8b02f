package org.ssmworkbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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

    /** Decision 12: a file's modification time never dates the report (it changes on every copy or clone). */
    @Test
    void elseTheRunsTimeNeverAFilesTime(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("q");
        ReportEscapingTest.copy(CaseReport.DIR, dir);
        try (var s = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) s::iterator) {
                Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2024-01-01T00:00:00Z")));
            }
        }
        Project p = CaseReport.load(dir);
        Clock clock = Clock.fixed(Instant.parse("2026-12-01T16:20:30.5Z"), ZoneOffset.UTC);
        ReportDate d = ReportDate.of(p, Map.of(), clock);
        assertThat(d.iso()).isEqualTo("2026-12-01T16:20:30Z");
        assertThat(d.source()).isEqualTo(ReportDate.RUN);
        Files.setLastModifiedTime(dir.resolve("studies/S3.yaml"), FileTime.from(Instant.parse("2025-03-04T05:06:07Z")));
        assertThat(ReportDate.of(CaseReport.load(dir), Map.of(), clock).iso()).isEqualTo("2026-12-01T16:20:30Z");
    }

    /** A date written in synthesis.yaml wins over SOURCE_DATE_EPOCH and the clock, and shows as that day. */
    @Test
    void theProjectsOwnDateWins(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("q");
        ReportEscapingTest.copy(CaseReport.DIR, dir);
        Path syn = dir.resolve("synthesis.yaml");
        Files.writeString(syn, Files.readString(syn).replace("intervention: model quantization\n",
                "intervention: model quantization\ndate: 2025-05-01\n"));
        ReportDate d = ReportDate.of(CaseReport.load(dir), Map.of("SOURCE_DATE_EPOCH", "1751371200"),
                Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));
        assertThat(d.iso()).isEqualTo("2025-05-01T00:00:00Z");
        assertThat(d.display()).isEqualTo("2025-05-01");
        assertThat(d.source()).isEqualTo(ReportDate.PROJECT);
    }

    @Test
    void aDateThatIsNotADayIsBadInputNamingTheLine(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("q");
        ReportEscapingTest.copy(CaseReport.DIR, dir);
        Path syn = dir.resolve("synthesis.yaml");
        Files.writeString(syn, Files.readString(syn).replace("intervention: model quantization\n",
                "intervention: model quantization\ndate: last spring\n"));
        assertThatThrownBy(() -> CaseReport.load(dir)).isInstanceOf(org.ssmworkbench.io.InputException.class)
                .hasMessageContaining("synthesis.yaml:").hasMessageContaining("date")
                .hasMessageContaining("expected a date as YYYY-MM-DD (the report's date), got 'last spring'");
    }
}

package org.ssmworkbench.io.measurements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ssmworkbench.io.measurements.MeasurementReaderStatisticsTest.assertAgree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.ssmworkbench.core.synthesis.Direction;
import org.ssmworkbench.core.synthesis.QuantileMethod;
import org.ssmworkbench.core.synthesis.SummaryStatistics;
import org.ssmworkbench.io.TestFolders;
import org.ssmworkbench.io.measurements.MeasurementFiles.Row;

/** For any rows, the DuckDB summary equals SummaryStatistics.ofSamples on the same RI values. */
class MeasurementReaderPropertiesTest {

    private static Path dir;

    @BeforeContainer
    static void createDir() throws IOException {
        dir = Files.createTempDirectory("ssm-measurements-props");
    }

    @AfterContainer
    static void deleteDir() throws IOException {
        TestFolders.deleteRecursively(dir);
    }

    @Provide
    Arbitrary<Row> rows() {
        Arbitrary<Double> magnitude = Arbitraries.oneOf(
                Arbitraries.doubles().between(1e-3, 1e4).ofScale(12),
                Arbitraries.of(1.0, 2.0, 4.0, 5.0));
        Arbitrary<Double> signed = Combinators.combine(magnitude, Arbitraries.of(1.0, -1.0)).as((m, s) -> m * s);
        Arbitrary<Double> treated = Arbitraries.oneOf(signed, Arbitraries.just(0.0));
        return Combinators.combine(signed, treated).as(Row::of);
    }

    @Property(tries = 60)
    void summaryEqualsTheInMemoryReference(@ForAll("rowLists") List<Row> rows, @ForAll Direction direction,
            @ForAll QuantileMethod method, @ForAll MeasurementFormat format) throws IOException {
        Path file = MeasurementFiles.write(format, dir, "p", rows);
        try {
            MeasurementSummary got = MeasurementReader.summarize(
                    MeasurementRequest.of(file, direction).withQuantiles(method));
            SummaryStatistics want = SummaryStatistics.ofSamples(
                    MeasurementFiles.relativeImprovements(rows, direction, null), method);
            assertAgree(got.stats(), want);
            assertThat(got.rows()).isEqualTo(rows.size());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Provide
    Arbitrary<List<Row>> rowLists() {
        return rows().list().ofMinSize(1).ofMaxSize(60);
    }
}

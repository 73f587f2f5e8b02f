package org.ssmworkbench.io.measurements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ssmworkbench.io.measurements.MeasurementReaderStatisticsTest.assertAgree;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ssmworkbench.core.synthesis.Direction;
import org.ssmworkbench.core.synthesis.QuantileMethod;
import org.ssmworkbench.core.synthesis.SummaryStatistics;
import org.ssmworkbench.io.TestFolders;
import org.ssmworkbench.io.measurements.MeasurementFiles.Row;

/**
 * The quartiles of every group, read through DuckDB's order statistics (OrderStatistics), are exactly
 * those of QuantileMethod on the sorted RI values, for both methods: group sizes of every residue the
 * ranks depend on (n = 1..5, n ≡ 7 (mod 8), large n), ties, negative and very large values.
 */
class MeasurementQuartilesPropertiesTest {

    private static Path dir;

    @BeforeContainer
    static void createDir() throws IOException {
        dir = Files.createTempDirectory("ssm-measurements-quartiles");
    }

    @AfterContainer
    static void deleteDir() throws IOException {
        TestFolders.deleteRecursively(dir);
    }

    /** One group's rows: baseline and treated chosen so that the RI values tie, change sign or are huge. */
    @Provide
    Arbitrary<List<Row>> group() {
        Arbitrary<Integer> size = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.integers().between(1, 5)),
                net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(6, 70)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0, 12).map(k -> 8 * k + 7)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1000, 3000)));
        Arbitrary<Row> ties = Combinators.combine(Arbitraries.of(1.0, -1.0, 4.0),
                Arbitraries.integers().between(-2, 2)).as((b, k) -> Row.of(b, b + k));
        Arbitrary<Row> spread = Combinators.combine(
                Arbitraries.doubles().between(0.5, 1e4).ofScale(9), Arbitraries.of(1.0, -1.0),
                Arbitraries.doubles().between(-1e4, 1e4).ofScale(6)).as((b, s, t) -> Row.of(b * s, t));
        // RI ≈ ±1e108, far from the others (DuckDB refuses a variance beyond the double range).
        Arbitrary<Row> huge = Combinators.combine(Arbitraries.of(1e-100, -1e-100),
                Arbitraries.doubles().between(0.2e6, 1.7e6).ofScale(0)).as(Row::of);
        Arbitrary<Row> mixed = Arbitraries.oneOf(ties, spread, huge);
        return Combinators.combine(size, Arbitraries.of(ties, spread, huge, mixed)).flatAs(
                (n, rows) -> rows.list().ofSize(n));
    }

    @Property(tries = 25)
    void everyGroupsQuartilesEqualTheSortedReference(@ForAll("groups") List<List<Row>> groups,
            @ForAll Direction direction, @ForAll QuantileMethod method, @ForAll MeasurementFormat format) {
        List<Row> rows = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            for (Row r : groups.get(g)) {
                rows.add(new Row(String.format("g%03d", g), null, r.baseline(), r.treated()));
            }
        }
        Path file = MeasurementFiles.write(format, dir, "q", rows);
        try {
            Map<MeasurementGroup, MeasurementSummary> got = MeasurementReader.summarizeAll(file, direction, method,
                    null);
            assertThat(got).hasSize(groups.size());
            for (int g = 0; g < groups.size(); g++) {
                SummaryStatistics want = SummaryStatistics.ofSamples(
                        MeasurementFiles.relativeImprovements(groups.get(g), direction, null), method);
                MeasurementSummary s = got.get(new MeasurementGroup(String.format("g%03d", g), null));
                assertThat(s).as("group g%03d", g).isNotNull();
                assertAgree(s.stats(), want);
            }
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Provide
    Arbitrary<List<List<Row>>> groups() {
        return group().list().ofMinSize(1).ofMaxSize(12);
    }

    /** Every group size from 1 to 80 in one file: each residue of n modulo 8, ten times over. */
    @ParameterizedTest
    @EnumSource(MeasurementFormat.class)
    void everyGroupSizeFrom1To80(MeasurementFormat format, @TempDir Path dir) {
        List<Row> rows = new ArrayList<>();
        Map<Integer, List<Row>> byN = new java.util.TreeMap<>();
        for (int n = 1; n <= 80; n++) {
            List<Row> g = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                // Distinct values in a scrambled order, with a tie every few rows.
                double t = 100.0 + ((i * 37) % n) - (i % 5 == 0 ? 1 : 0);
                g.add(Row.of(80.0, t));
                rows.add(new Row(String.format("n%02d", n), null, 80.0, t));
            }
            byN.put(n, g);
        }
        Path file = MeasurementFiles.write(format, dir, "sizes", rows);
        for (QuantileMethod method : QuantileMethod.values()) {
            Map<MeasurementGroup, MeasurementSummary> got = MeasurementReader.summarizeAll(file,
                    Direction.HIGHER_IS_BETTER, method, null);
            byN.forEach((n, g) -> assertAgree(got.get(new MeasurementGroup(String.format("n%02d", n), null)).stats(),
                    SummaryStatistics.ofSamples(
                            MeasurementFiles.relativeImprovements(g, Direction.HIGHER_IS_BETTER, null), method)));
        }
    }
}

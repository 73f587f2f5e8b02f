package org.ssmworkbench.io.measurements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.ssmworkbench.core.synthesis.Direction;
import org.ssmworkbench.core.synthesis.QuantileMethod;
import org.ssmworkbench.core.synthesis.SummaryStatistics;
import org.ssmworkbench.io.measurements.MeasurementFiles.Row;

/** n, mean, std, Q1, Q3 and IQR computed in DuckDB against hand values and SummaryStatistics.ofSamples. */
class MeasurementReaderStatisticsTest {

    @TempDir
    Path dir;

    /** Rows with baseline 1 and RI = 100·x exactly (higher is better: (1 + x − 1) / 1 · 100). */
    private static List<Row> ri100(double... xs) {
        List<Row> rows = new ArrayList<>();
        for (double x : xs) {
            rows.add(Row.of(1.0, 1.0 + x));
        }
        return rows;
    }

    private SummaryStatistics stats(MeasurementFormat f, List<Row> rows, Direction d, QuantileMethod m) {
        Path file = MeasurementFiles.write(f, dir, "m", rows);
        return MeasurementReader.summarize(MeasurementRequest.of(file, d).withQuantiles(m)).stats();
    }

    static Stream<Arguments> handExamples() {
        // values x (RI = 100·x), method, Q1/100, Q3/100
        return Stream.of(
                // docs/method.md section 3: [0..5], q = .25 → nearest 1, linear 1.25; q = .75 → nearest 4, linear 3.75
                Arguments.of(new double[] {0, 1, 2, 3, 4, 5}, QuantileMethod.NEAREST, 1.0, 4.0),
                Arguments.of(new double[] {0, 1, 2, 3, 4, 5}, QuantileMethod.LINEAR, 1.25, 3.75),
                // file order must not matter
                Arguments.of(new double[] {5, 3, 0, 4, 1, 2}, QuantileMethod.NEAREST, 1.0, 4.0),
                // n = 5: positions 1 and 3 are exact ranks, both methods agree
                Arguments.of(new double[] {1, 2, 3, 4, 5}, QuantileMethod.NEAREST, 2.0, 4.0),
                Arguments.of(new double[] {1, 2, 3, 4, 5}, QuantileMethod.LINEAR, 2.0, 4.0),
                // n = 3: positions 0.5 and 1.5 are ties; rint goes to the even ranks 0 and 2
                Arguments.of(new double[] {1, 2, 3}, QuantileMethod.NEAREST, 1.0, 3.0),
                Arguments.of(new double[] {1, 2, 3}, QuantileMethod.LINEAR, 1.5, 2.5),
                // n = 7: positions 1.5 → rank 2 (tie rounds up to even), 4.5 → rank 4 (tie rounds down)
                Arguments.of(new double[] {0, 1, 2, 3, 4, 5, 6}, QuantileMethod.NEAREST, 2.0, 4.0),
                Arguments.of(new double[] {0, 1, 2, 3, 4, 5, 6}, QuantileMethod.LINEAR, 1.5, 4.5),
                // n = 2: positions 0.25 → 0, 0.75 → 1
                Arguments.of(new double[] {1, 3}, QuantileMethod.NEAREST, 1.0, 3.0),
                Arguments.of(new double[] {1, 3}, QuantileMethod.LINEAR, 1.5, 2.5),
                // n = 8: positions 1.75 → 2, 5.25 → 5 (DuckDB's quantile_disc would give ranks 1 and 5)
                Arguments.of(new double[] {0, 1, 2, 3, 4, 5, 6, 7}, QuantileMethod.NEAREST, 2.0, 5.0),
                // n = 11: positions 2.5 → 2 and 7.5 → 8 (ties to even)
                Arguments.of(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, QuantileMethod.NEAREST, 2.0, 8.0),
                // ties in the data
                Arguments.of(new double[] {2, 2, 2, 1, 9, 9}, QuantileMethod.NEAREST, 2.0, 9.0));
    }

    @ParameterizedTest
    @MethodSource("handExamples")
    void quartilesMatchHandValuesInCsvAndParquet(double[] xs, QuantileMethod method, double q1, double q3) {
        for (MeasurementFormat f : MeasurementFormat.values()) {
            SummaryStatistics s = stats(f, ri100(xs), Direction.HIGHER_IS_BETTER, method);
            assertThat(s.n()).hasValue(xs.length);
            assertThat(s.q1()).hasValue(100 * q1);
            assertThat(s.q3()).hasValue(100 * q3);
            assertThat(s.iqr()).isEqualTo(100 * q3 - 100 * q1);
            double[] ri = MeasurementFiles.relativeImprovements(ri100(xs), Direction.HIGHER_IS_BETTER, null);
            assertAgree(s, SummaryStatistics.ofSamples(ri, method));
        }
    }

    @ParameterizedTest
    @EnumSource(MeasurementFormat.class)
    void meanAndSampleStandardDeviationByHand(MeasurementFormat f) {
        // RI 100, 200, 300, 400: mean 250, sample variance (150² + 50² + 50² + 150²) / 3
        SummaryStatistics s = stats(f, ri100(1, 2, 3, 4), Direction.HIGHER_IS_BETTER, QuantileMethod.NEAREST);
        assertThat(s.mean()).isCloseTo(250.0, within(1e-9));
        assertThat(s.std().getAsDouble()).isCloseTo(Math.sqrt(50000.0 / 3.0), within(1e-9));
    }

    @ParameterizedTest
    @EnumSource(MeasurementFormat.class)
    void singleRowHasNoStandardDeviationAndZeroIqr(MeasurementFormat f) {
        SummaryStatistics s = stats(f, List.of(Row.of(80.0, 100.0)), Direction.HIGHER_IS_BETTER,
                QuantileMethod.NEAREST);
        assertThat(s.n()).hasValue(1);
        assertThat(s.mean()).isEqualTo(25.0);
        assertThat(s.std()).isEmpty();
        assertThat(s.q1()).hasValue(25.0);
        assertThat(s.q3()).hasValue(25.0);
        assertThat(s.iqr()).isZero();
    }

    @ParameterizedTest
    @EnumSource(MeasurementFormat.class)
    void bothDirections(MeasurementFormat f) {
        // baseline 80 → treated 100: higher is better +25 %, lower is better −25 %
        List<Row> rows = List.of(Row.of(80.0, 100.0), Row.of(200.0, 150.0));
        SummaryStatistics up = stats(f, rows, Direction.HIGHER_IS_BETTER, QuantileMethod.LINEAR);
        SummaryStatistics down = stats(f, rows, Direction.LOWER_IS_BETTER, QuantileMethod.LINEAR);
        assertThat(up.mean()).isCloseTo((25.0 - 25.0) / 2, within(1e-12));
        assertThat(up.q1()).hasValue(-25.0 + 50.0 * 0.25);
        assertThat(down.q1()).hasValue(-25.0 + 50.0 * 0.25);
        rows = List.of(Row.of(80.0, 100.0));
        assertThat(stats(f, rows, Direction.HIGHER_IS_BETTER, QuantileMethod.NEAREST).mean()).isEqualTo(25.0);
        assertThat(stats(f, rows, Direction.LOWER_IS_BETTER, QuantileMethod.NEAREST).mean()).isEqualTo(-25.0);
    }

    static Stream<Arguments> randomFiles() {
        List<Arguments> out = new ArrayList<>();
        int[] sizes = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 17, 31, 64, 99, 250, 1001, 4099};
        long seed = 1;
        for (int n : sizes) {
            for (MeasurementFormat f : MeasurementFormat.values()) {
                out.add(Arguments.of(f, n, seed++));
            }
        }
        return out.stream();
    }

    /** Random baselines and treated values (some drawn from a few values, so that RI has ties). */
    static List<Row> randomRows(Random rnd, int n) {
        List<Row> rows = new ArrayList<>();
        boolean coarse = rnd.nextBoolean();
        for (int i = 0; i < n; i++) {
            double b = coarse ? 1 + rnd.nextInt(4) : (rnd.nextBoolean() ? 1 : -1) * Math.exp(rnd.nextGaussian() * 3);
            double t = coarse ? rnd.nextInt(6) : b * (1 + rnd.nextGaussian() * 0.3);
            rows.add(Row.of(b, t));
        }
        return rows;
    }

    @ParameterizedTest(name = "{0} n={1} seed={2}")
    @MethodSource("randomFiles")
    void randomFilesAgreeWithTheInMemoryReference(MeasurementFormat f, int n, long seed) {
        Random rnd = new Random(seed);
        List<Row> rows = randomRows(rnd, n);
        Path file = MeasurementFiles.write(f, dir, "r", rows);
        for (Direction d : Direction.values()) {
            double[] ri = MeasurementFiles.relativeImprovements(rows, d, null);
            for (QuantileMethod m : QuantileMethod.values()) {
                MeasurementSummary got = MeasurementReader.summarize(MeasurementRequest.of(file, d).withQuantiles(m));
                SummaryStatistics want = SummaryStatistics.ofSamples(ri, m);
                assertAgree(got.stats(), want);
                assertThat(got.rows()).isEqualTo(n);
                assertThat(got.substitutedZeroBaselines()).isZero();
                assertThat(got.file()).endsWith(file.getFileName().toString());
            }
        }
    }

    /**
     * Counts and quartiles exactly (same ranks, same arithmetic; only −0.0 and 0.0, which sort as equal
     * in DuckDB, may trade places); mean and std to rounding.
     */
    static void assertAgree(SummaryStatistics got, SummaryStatistics want) {
        assertThat(got.n()).isEqualTo(want.n());
        assertSame("q1", got.q1().getAsDouble(), want.q1().getAsDouble());
        assertSame("q3", got.q3().getAsDouble(), want.q3().getAsDouble());
        assertSame("iqr", got.iqr(), want.iqr());
        double scale = Math.max(1.0, Math.abs(want.mean()) + want.std().orElse(0.0));
        assertThat(got.mean()).isCloseTo(want.mean(), within(1e-9 * scale));
        assertThat(got.std().isPresent()).isEqualTo(want.std().isPresent());
        if (want.std().isPresent()) {
            assertThat(got.std().getAsDouble()).isCloseTo(want.std().getAsDouble(), within(1e-9 * scale));
        }
    }

    private static void assertSame(String what, double got, double want) {
        assertThat(got == want).as("%s: got %s, want %s", what, got, want).isTrue();
    }

    @ParameterizedTest
    @EnumSource(MeasurementFormat.class)
    void zeroBaselineSubstituteIsUsedAndCounted(MeasurementFormat f) {
        List<Row> rows = List.of(Row.of(10.0, 12.0), Row.of(0.0, 0.5), Row.of(4.0, 3.0), Row.of(0.0, 0.0),
                Row.of(8.0, 9.0));
        Path file = MeasurementFiles.write(f, dir, "z", rows);
        for (QuantileMethod m : QuantileMethod.values()) {
            MeasurementSummary s = MeasurementReader.summarize(
                    MeasurementRequest.of(file, Direction.LOWER_IS_BETTER).withQuantiles(m).withZeroBaseline(0.01));
            assertThat(s.rows()).isEqualTo(5);
            assertThat(s.substitutedZeroBaselines()).isEqualTo(2);
            assertAgree(s.stats(), SummaryStatistics.ofSamples(
                    MeasurementFiles.relativeImprovements(rows, Direction.LOWER_IS_BETTER, 0.01), m));
        }
    }

    @ParameterizedTest
    @EnumSource(MeasurementFormat.class)
    void integerColumnsAreNumbersToo(MeasurementFormat f) {
        Path file;
        if (f == MeasurementFormat.CSV) {
            file = MeasurementFiles.text(dir.resolve("i.csv"), "baseline,treated\n4,5\n2,1\n8,8\n");
        } else {
            file = dir.resolve("i.parquet");
            MeasurementFiles.sql("COPY (SELECT * FROM (VALUES (4::INTEGER, 5::BIGINT), (2, 1), (8, 8)) t(baseline, treated))"
                    + " TO " + MeasurementFiles.quote(file) + " (FORMAT parquet)");
        }
        SummaryStatistics s = MeasurementReader.summarizeOne(file, null, null, Direction.HIGHER_IS_BETTER,
                QuantileMethod.NEAREST, null);
        assertAgree(s, SummaryStatistics.ofSamples(new double[] {25.0, -50.0, 0.0}, QuantileMethod.NEAREST));
    }

    @ParameterizedTest
    @EnumSource(MeasurementFormat.class)
    void quoteInTheFileNameIsHarmless(MeasurementFormat f) {
        Path file = MeasurementFiles.write(f, dir, "it's 'quoted'", ri100(1, 2, 3));
        assertThat(MeasurementReader.summarize(MeasurementRequest.of(file, Direction.HIGHER_IS_BETTER)).stats().mean())
                .isCloseTo(200.0, within(1e-9));
    }
}

package org.ssmworkbench.io.measurements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ssmworkbench.core.synthesis.Direction;
import org.ssmworkbench.core.synthesis.QuantileMethod;
import org.ssmworkbench.io.measurements.MeasurementFiles.Row;

/** Every fault names the file and, where it lies in one row, the 1-based data row and the column. */
class MeasurementReaderErrorTest {

    @TempDir
    Path dir;

    private static MeasurementException fail(Path file) {
        return fail(MeasurementRequest.of(file, Direction.HIGHER_IS_BETTER));
    }

    private static MeasurementException fail(MeasurementRequest request) {
        MeasurementException e = catchThrowableOfType(MeasurementException.class,
                () -> MeasurementReader.summarize(request));
        assertThat(e).as("expected a MeasurementException").isNotNull();
        assertThat(e.file()).isEqualTo(request.file());
        assertThat(e.getMessage()).contains(request.file().getFileName().toString());
        return e;
    }

    private Path csv(String name, String content) {
        return MeasurementFiles.text(dir.resolve(name), content);
    }

    private Path parquet(String name, String select) {
        Path p = dir.resolve(name);
        MeasurementFiles.sql("COPY (" + select + ") TO " + MeasurementFiles.quote(p) + " (FORMAT parquet)");
        return p;
    }

    @Test
    void missingFile() {
        MeasurementException e = fail(dir.resolve("nope.csv"));
        assertThat(e.getMessage()).contains("nope.csv").contains("not found");
        assertThat(e.row()).isEmpty();
    }

    @Test
    void unsupportedExtension() {
        Path p = csv("m.txt", "baseline,treated\n1,2\n");
        assertThatThrownBy(() -> MeasurementReader.summarize(MeasurementRequest.of(p, Direction.HIGHER_IS_BETTER)))
                .isInstanceOf(MeasurementException.class).hasMessageContaining("m.txt")
                .hasMessageContaining(".csv or .parquet");
    }

    @Test
    void directoryIsNotAFile() throws Exception {
        Path d = Files.createDirectory(dir.resolve("d.csv"));
        assertThat(fail(d).getMessage()).contains("not a regular file");
    }

    @Test
    void globCharactersInThePathAreRefused() {
        Path p = csv("m[1].csv", "baseline,treated\n1,2\n");
        assertThat(fail(p).getMessage()).contains("m[1].csv").contains("pattern");
    }

    @Test
    void missingRequiredColumnIsNamed() {
        MeasurementException e = fail(csv("nob.csv", "base,treated\n1,2\n"));
        assertThat(e.getMessage()).contains("nob.csv").contains("column 'baseline'").contains("missing")
                .contains("base, treated");
        assertThat(e.column()).hasValue("baseline");
        e = fail(parquet("not.parquet", "SELECT 1.0 AS baseline, 2.0 AS treatment"));
        assertThat(e.getMessage()).contains("not.parquet").contains("column 'treated'").contains("missing");
        assertThat(e.column()).hasValue("treated");
    }

    @Test
    void parquetColumnOfAnotherTypeIsRefused() {
        MeasurementException e = fail(parquet("date.parquet", "SELECT DATE '2024-01-01' AS baseline, 2.0 AS treated"));
        assertThat(e.getMessage()).contains("column 'baseline'").contains("DATE");
    }

    @Test
    void nonNumericValueNamesRowAndColumn() {
        MeasurementException e = fail(csv("txt.csv", "baseline,treated\n1,2\n2,3\n3,abc\n4,5\n5,x\n"));
        assertThat(e.getMessage()).contains("txt.csv: data row 3, column 'treated': 'abc' is not a number")
                .contains("2 rows in all");
        assertThat(e.row()).hasValue(3);
        assertThat(e.column()).hasValue("treated");
        e = fail(csv("txt2.csv", "baseline,treated\n1,2\n1.5.2,3\n"));
        assertThat(e.getMessage()).contains("data row 2, column 'baseline': '1.5.2' is not a number");
    }

    @Test
    void nonNumericValueFarDownALargeCsvNamesTheRightRow() {
        StringBuilder sb = new StringBuilder("evidence,baseline,treated\n");
        for (int i = 1; i <= 300_000; i++) {
            sb.append("m").append(i % 7).append(',').append(1 + i % 13).append(',')
                    .append(i == 271_828 ? "oops" : Integer.toString(i % 11)).append('\n');
        }
        MeasurementException e = fail(csv("big.csv", sb.toString()));
        assertThat(e.getMessage()).contains("data row 271828, column 'treated': 'oops' is not a number");
    }

    @Test
    void nonNumericTextInAParquetColumn() {
        MeasurementException e = fail(parquet("txt.parquet",
                "SELECT * FROM (VALUES ('1', '2'), ('2', 'n/a'), ('3', '4')) t(baseline, treated)"));
        assertThat(e.getMessage()).contains("txt.parquet: data row 2, column 'treated': 'n/a' is not a number");
    }

    @Test
    void nonNumericValueInAnotherEffectsRowIsStillAnError() {
        Path p = csv("other.csv", "effect,baseline,treated\naccuracy,1,2\nenergy,x,3\n");
        MeasurementException e = fail(MeasurementRequest.of(p, Direction.HIGHER_IS_BETTER).select("accuracy", null));
        assertThat(e.getMessage()).contains("data row 2, column 'baseline': 'x' is not a number");
    }

    @Test
    void emptyValues() {
        MeasurementException e = fail(csv("empty.csv", "baseline,treated\n1,2\n,3\n"));
        assertThat(e.getMessage()).contains("empty.csv: data row 2, column 'baseline': the value is empty");
        e = fail(csv("empty2.csv", "baseline,treated\n1,2\n2,3\n3,\"\"\n"));
        assertThat(e.getMessage()).contains("data row 3, column 'treated': the value is empty");
        e = fail(parquet("null.parquet",
                "SELECT * FROM (VALUES (1.0, 2.0), (2.0, NULL), (NULL, 1.0)) t(baseline, treated)"));
        assertThat(e.getMessage()).contains("null.parquet: data row 2, column 'treated': the value is empty");
    }

    @Test
    void nanAndInfinity() {
        MeasurementException e = fail(csv("nan.csv", "baseline,treated\n1,2\nNaN,3\n"));
        assertThat(e.getMessage()).contains("nan.csv: data row 2, column 'baseline': NaN is not a finite number");
        e = fail(csv("inf.csv", "baseline,treated\n1,2\n1,3\n2,-inf\n"));
        assertThat(e.getMessage()).contains("data row 3, column 'treated': -inf is not a finite number");
        e = fail(parquet("inf.parquet", "SELECT * FROM (VALUES (1.0::DOUBLE, 2.0::DOUBLE), ('inf'::DOUBLE, 1.0))"
                + " t(baseline, treated)"));
        assertThat(e.getMessage()).contains("inf.parquet: data row 2, column 'baseline'").contains("not a finite");
    }

    @ParameterizedTest
    @EnumSource(MeasurementFormat.class)
    void zeroBaselineIsRejectedNamingTheFirstRowAndTheCount(MeasurementFormat f) {
        List<Row> rows = List.of(Row.of(1.0, 2.0), Row.of(2.0, 2.0), Row.of(0.0, 1.0), Row.of(3.0, 1.0),
                Row.of(0.0, 0.0), Row.of(-0.0, 1.0));
        Path p = MeasurementFiles.write(f, dir, "zero", rows);
        MeasurementException e = fail(p);
        assertThat(e.getMessage()).contains(p.getFileName() + ": data row 3, column 'baseline': the baseline is 0")
                .contains("3 rows have a zero baseline").contains("zero_baseline");
        assertThat(e.row()).hasValue(3);
        assertThat(e.column()).hasValue("baseline");
        // and accepted with a substitute
        assertThat(MeasurementReader.summarize(MeasurementRequest.of(p, Direction.HIGHER_IS_BETTER)
                .withZeroBaseline(1e-3)).substitutedZeroBaselines()).isEqualTo(3);
    }

    @Test
    void zeroBaselineRowInAParquetFileWithManyRowGroups() {
        Path p = parquet("groups.parquet", "SELECT CASE WHEN i = 123456 THEN 0.0 ELSE 1.0 + i % 5 END AS baseline,"
                + " 2.0 AS treated FROM range(200000) t(i)");
        MeasurementFiles.sql("COPY (SELECT * FROM read_parquet(" + MeasurementFiles.quote(p) + ")) TO "
                + MeasurementFiles.quote(dir.resolve("groups2.parquet")) + " (FORMAT parquet, ROW_GROUP_SIZE 10000)");
        MeasurementException e = fail(dir.resolve("groups2.parquet"));
        assertThat(e.getMessage()).contains("data row 123457, column 'baseline': the baseline is 0")
                .contains("1 row has a zero baseline");
    }

    @Test
    void zeroBaselineMessageNamesTheSelection() {
        Path p = csv("sel.csv", "evidence,effect,baseline,treated\ne1,energy,1,2\ne1,energy,0,2\n");
        MeasurementException e = fail(new MeasurementRequest(p, "energy", "e1", Direction.LOWER_IS_BETTER,
                QuantileMethod.NEAREST, null));
        assertThat(e.getMessage()).contains("data row 2, column 'baseline'")
                .contains("among the rows of effect 'energy' and evidence model 'e1'");
    }

    @Test
    void overflowingRelativeImprovement() {
        MeasurementException e = fail(csv("huge.csv", "baseline,treated\n1,2\n1e-300,1e300\n"));
        assertThat(e.getMessage()).contains("huge.csv: data row 2: the relative improvement")
                .contains("not a finite number");
    }

    @Test
    void noRowsForTheRequestedEffectOrEvidence() {
        Path p = csv("ids.csv", "evidence,effect,baseline,treated\ne1,accuracy,1,2\ne2,energy,1,2\n");
        MeasurementException e = fail(new MeasurementRequest(p, "latency", "e1", Direction.LOWER_IS_BETTER,
                QuantileMethod.NEAREST, null));
        assertThat(e.getMessage()).contains("ids.csv: no rows for effect 'latency' and evidence model 'e1'")
                .contains("effects 'accuracy', 'energy'").contains("evidence models 'e1', 'e2'");
        e = fail(new MeasurementRequest(p, "energy", "e1", Direction.LOWER_IS_BETTER, QuantileMethod.NEAREST, null));
        assertThat(e.getMessage()).contains("no rows for effect 'energy' and evidence model 'e1'");
    }

    @ParameterizedTest
    @EnumSource(MeasurementFormat.class)
    void fileWithoutDataRows(MeasurementFormat f) {
        Path p = f == MeasurementFormat.CSV ? csv("head.csv", "baseline,treated\n")
                : parquet("head.parquet", "SELECT 1.0 AS baseline, 2.0 AS treated WHERE false");
        assertThat(fail(p).getMessage()).contains("no data rows");
    }

    @Test
    void allGroupsWithDirectionsNeedsAnEffectColumn() {
        Path p = csv("noeff.csv", "evidence,baseline,treated\ne1,1,2\n");
        assertThatThrownBy(() -> MeasurementReader.summarizeAll(p, Map.of("energy", Direction.LOWER_IS_BETTER),
                QuantileMethod.NEAREST, null)).isInstanceOf(MeasurementException.class)
                .hasMessageContaining("noeff.csv").hasMessageContaining("column 'effect'");
    }

    @Test
    void allGroupsReportTheFirstBadRowOfTheFile() {
        Path p = csv("allbad.csv", "evidence,effect,baseline,treated\ne1,energy,1,2\ne2,accuracy,2,2\ne2,energy,0,1\n");
        assertThatThrownBy(() -> MeasurementReader.summarizeAll(p, Direction.LOWER_IS_BETTER, QuantileMethod.NEAREST,
                null)).isInstanceOf(MeasurementException.class)
                .hasMessageContaining("allbad.csv: data row 3, column 'baseline': the baseline is 0");
        // not read when its effect is not asked for
        assertThat(MeasurementReader.summarizeAll(p, Map.of("accuracy", Direction.HIGHER_IS_BETTER),
                QuantileMethod.NEAREST, null)).hasSize(1);
    }

    @Test
    void malformedCsvIsReportedWithDuckDbsReason() {
        MeasurementException e = fail(csv("ragged.csv", "baseline,treated\n1,2\n3,4,5,6\n"));
        assertThat(e.getMessage()).contains("ragged.csv").contains("cannot read");
        assertThat(e.getMessage().lines().count()).isEqualTo(1);
        // a bad line after the sniffer's sample: DuckDB names the line
        StringBuilder sb = new StringBuilder("baseline,treated\n");
        for (int i = 0; i < 50_000; i++) {
            sb.append("1,2\n");
        }
        sb.append("3,4,5\n");
        e = fail(csv("ragged2.csv", sb.toString()));
        assertThat(e.getMessage()).contains("ragged2.csv").contains("cannot read").contains("50002");
        // a semicolon file is one column: said so, with what the reader expects
        e = fail(csv("semi.csv", "baseline;treated\n1,5;2,5\n"));
        assertThat(e.getMessage().lines().count()).isEqualTo(1);
        assertThat(e.getMessage()).contains("semi.csv").contains("'baseline;treated'")
                .contains("does not look comma-separated").contains("'.' as the decimal mark");
        e = fail(csv("semi2.csv", "baseline;treated\n1;2\n"));
        assertThat(e.getMessage()).contains("'baseline;treated'").contains("does not look comma-separated");
        // decimal commas inside quotes: the value is named with a hint
        e = fail(csv("comma.csv", "baseline,treated\n\"1,5\",2.0\n"));
        assertThat(e.getMessage()).contains("comma.csv: data row 1, column 'baseline'")
                .contains("'1,5' is not a number (decimal commas are not read: use '.' as the decimal mark)");
    }

    @Test
    void invalidSubstituteIsRefused() {
        Path p = dir.resolve("x.csv");
        assertThatThrownBy(() -> MeasurementRequest.of(p, Direction.HIGHER_IS_BETTER).withZeroBaseline(0.0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MeasurementRequest.of(p, Direction.HIGHER_IS_BETTER).withZeroBaseline(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

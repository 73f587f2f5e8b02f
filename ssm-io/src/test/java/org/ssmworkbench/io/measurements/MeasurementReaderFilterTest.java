package org.ssmworkbench.io.measurements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ssmworkbench.io.measurements.MeasurementReaderStatisticsTest.assertAgree;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ssmworkbench.core.synthesis.Direction;
import org.ssmworkbench.core.synthesis.QuantileMethod;
import org.ssmworkbench.core.synthesis.SummaryStatistics;
import org.ssmworkbench.io.measurements.MeasurementFiles.Row;

/** Selecting rows by the effect and evidence columns, one group or all groups at once. */
class MeasurementReaderFilterTest {

    private static final List<String> EVIDENCE = List.of("m1", "m2", "m3");
    private static final List<String> EFFECTS = List.of("accuracy", "energy");

    @TempDir
    Path dir;

    /** Rows of 3 evidence models × 2 effects, interleaved, random sizes 1..40 per group. */
    private static List<Row> mixed(long seed) {
        Random rnd = new Random(seed);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            String ev = EVIDENCE.get(rnd.nextInt(EVIDENCE.size()));
            String ef = EFFECTS.get(rnd.nextInt(EFFECTS.size()));
            double b = 1 + rnd.nextDouble() * 9;
            rows.add(new Row(ev, ef, b, b * (1 + rnd.nextGaussian() * 0.2)));
        }
        // every group at least once
        for (String ev : EVIDENCE) {
            for (String ef : EFFECTS) {
                rows.add(new Row(ev, ef, 2.0, 3.0));
            }
        }
        return rows;
    }

    private static SummaryStatistics reference(List<Row> rows, Predicate<Row> keep, Direction d, QuantileMethod m) {
        List<Row> kept = rows.stream().filter(keep).toList();
        return SummaryStatistics.ofSamples(MeasurementFiles.relativeImprovements(kept, d, null), m);
    }

    @ParameterizedTest
    @EnumSource(MeasurementFormat.class)
    void filtersByEffectAndEvidence(MeasurementFormat f) {
        List<Row> rows = mixed(7);
        Path file = MeasurementFiles.write(f, dir, "mixed", rows);
        for (String ev : EVIDENCE) {
            for (String ef : EFFECTS) {
                Direction d = ef.equals("accuracy") ? Direction.HIGHER_IS_BETTER : Direction.LOWER_IS_BETTER;
                for (QuantileMethod m : QuantileMethod.values()) {
                    MeasurementSummary got = MeasurementReader.summarize(
                            new MeasurementRequest(file, ef, ev, d, m, null));
                    SummaryStatistics want = reference(rows, r -> r.evidence().equals(ev) && r.effect().equals(ef), d,
                            m);
                    assertAgree(got.stats(), want);
                    assertThat(got.rows()).isEqualTo(want.n().getAsLong());
                }
            }
        }
        // only one of the two filters
        assertAgree(MeasurementReader.summarizeOne(file, "energy", null, Direction.LOWER_IS_BETTER,
                QuantileMethod.NEAREST, null),
                reference(rows, r -> r.effect().equals("energy"), Direction.LOWER_IS_BETTER, QuantileMethod.NEAREST));
        assertAgree(MeasurementReader.summarizeOne(file, null, "m2", Direction.LOWER_IS_BETTER,
                QuantileMethod.LINEAR, null),
                reference(rows, r -> r.evidence().equals("m2"), Direction.LOWER_IS_BETTER, QuantileMethod.LINEAR));
    }

    @ParameterizedTest
    @EnumSource(MeasurementFormat.class)
    void filterOnAColumnTheFileLacksIsIgnored(MeasurementFormat f) {
        List<Row> rows = List.of(Row.of(1.0, 2.0), Row.of(2.0, 3.0), Row.of(4.0, 4.0));
        Path file = MeasurementFiles.write(f, dir, "plain", rows);
        SummaryStatistics s = MeasurementReader.summarizeOne(file, "accuracy", "e1", Direction.HIGHER_IS_BETTER,
                QuantileMethod.NEAREST, null);
        assertAgree(s, reference(rows, r -> true, Direction.HIGHER_IS_BETTER, QuantileMethod.NEAREST));
    }

    @ParameterizedTest
    @EnumSource(MeasurementFormat.class)
    void allGroupsInOnePassWithOneDirection(MeasurementFormat f) {
        List<Row> rows = mixed(11);
        Path file = MeasurementFiles.write(f, dir, "all", rows);
        for (QuantileMethod m : QuantileMethod.values()) {
            Map<MeasurementGroup, MeasurementSummary> all = MeasurementReader.summarizeAll(file,
                    Direction.HIGHER_IS_BETTER, m, null);
            assertThat(all.keySet()).containsExactly(new MeasurementGroup("m1", "accuracy"),
                    new MeasurementGroup("m1", "energy"), new MeasurementGroup("m2", "accuracy"),
                    new MeasurementGroup("m2", "energy"), new MeasurementGroup("m3", "accuracy"),
                    new MeasurementGroup("m3", "energy"));
            all.forEach((g, s) -> assertAgree(s.stats(), reference(rows,
                    r -> r.evidence().equals(g.evidence()) && r.effect().equals(g.effect()),
                    Direction.HIGHER_IS_BETTER, m)));
        }
    }

    @ParameterizedTest
    @EnumSource(MeasurementFormat.class)
    void allGroupsWithADirectionPerEffect(MeasurementFormat f) {
        List<Row> rows = mixed(13);
        Path file = MeasurementFiles.write(f, dir, "dirs", rows);
        Map<MeasurementGroup, MeasurementSummary> all = MeasurementReader.summarizeAll(file,
                Map.of("accuracy", Direction.HIGHER_IS_BETTER, "energy", Direction.LOWER_IS_BETTER),
                QuantileMethod.NEAREST, null);
        assertThat(all).hasSize(6);
        all.forEach((g, s) -> {
            Direction d = g.effect().equals("accuracy") ? Direction.HIGHER_IS_BETTER : Direction.LOWER_IS_BETTER;
            assertAgree(s.stats(), reference(rows,
                    r -> r.evidence().equals(g.evidence()) && r.effect().equals(g.effect()), d,
                    QuantileMethod.NEAREST));
            // the same as asking for the group alone
            assertAgree(s.stats(), MeasurementReader.summarizeOne(file, g.effect(), g.evidence(), d,
                    QuantileMethod.NEAREST, null));
        });
        // effects not named are not read
        Map<MeasurementGroup, MeasurementSummary> energy = MeasurementReader.summarizeAll(file,
                Map.of("energy", Direction.LOWER_IS_BETTER), QuantileMethod.LINEAR, null);
        assertThat(energy.keySet()).extracting(MeasurementGroup::effect).containsOnly("energy");
        assertThat(energy).hasSize(3);
    }

    @ParameterizedTest
    @EnumSource(MeasurementFormat.class)
    void allGroupsOfAFileWithoutGroupColumnsIsOneGroup(MeasurementFormat f) {
        List<Row> rows = List.of(Row.of(1.0, 2.0), Row.of(2.0, 3.0));
        Path file = MeasurementFiles.write(f, dir, "one", rows);
        Map<MeasurementGroup, MeasurementSummary> all = MeasurementReader.summarizeAll(file,
                Direction.LOWER_IS_BETTER, QuantileMethod.NEAREST, null);
        assertThat(all).containsOnlyKeys(new MeasurementGroup(null, null));
        assertThat(all.get(new MeasurementGroup(null, null)).rows()).isEqualTo(2);
    }

    @Test
    void numericLookingIdsAreComparedAsText() {
        Path csv = MeasurementFiles.text(dir.resolve("ids.csv"),
                "evidence,effect,baseline,treated\n1,10,2,3\n2,10,2,4\n1,20,4,2\n01,10,1,1\n");
        assertThat(MeasurementReader.summarizeOne(csv, "10", "1", Direction.HIGHER_IS_BETTER, QuantileMethod.NEAREST,
                null).mean()).isEqualTo(50.0);
        Path parquet = dir.resolve("ids.parquet");
        MeasurementFiles.sql("COPY (SELECT * FROM (VALUES (1, 10, 2.0, 3.0), (2, 10, 2.0, 4.0), (1, 20, 4.0, 2.0))"
                + " t(evidence, effect, baseline, treated)) TO " + MeasurementFiles.quote(parquet) + " (FORMAT parquet)");
        assertThat(MeasurementReader.summarizeOne(parquet, "10", "1", Direction.HIGHER_IS_BETTER,
                QuantileMethod.NEAREST, null).mean()).isEqualTo(50.0);
    }

    @Test
    void zeroBaselineOutsideTheSelectionDoesNotMatter() {
        List<Row> rows = List.of(new Row("m1", "accuracy", 2.0, 3.0), new Row("m2", "accuracy", 0.0, 3.0));
        Path file = MeasurementFiles.csv(dir.resolve("z.csv"), rows);
        assertThat(MeasurementReader.summarizeOne(file, "accuracy", "m1", Direction.HIGHER_IS_BETTER,
                QuantileMethod.NEAREST, null).mean()).isEqualTo(50.0);
        assertThatThrownBy(() -> MeasurementReader.summarizeOne(file, "accuracy", "m2", Direction.HIGHER_IS_BETTER,
                QuantileMethod.NEAREST, null)).isInstanceOf(MeasurementException.class)
                .hasMessageContaining("data row 2");
    }
}

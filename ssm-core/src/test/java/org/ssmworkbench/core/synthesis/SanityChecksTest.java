package org.ssmworkbench.core.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SanityChecksTest {

    private static final Effect ACC = new Effect("accuracy", "Accuracy", "correctness", Direction.HIGHER_IS_BETTER);

    private static SynthesisResult run(Map<String, double[]> meansByStudy) {
        List<Study> studies = new ArrayList<>();
        meansByStudy.forEach((id, means) -> {
            List<EvidenceModel> ems = new ArrayList<>();
            for (int i = 0; i < means.length; i++) {
                ems.add(new EvidenceModel("e" + (i + 1), "c" + i, Map.of(), "", Map.of("accuracy",
                        new EffectInput.FromSummary(SummaryStatistics.of(means[i], 0.0), "summary",
                                EffectInput.Recorded.NONE))));
            }
            studies.add(new Study(id, "quasi-experiment", Map.of(), OptionalDouble.of(0.6), ems));
        });
        return Synthesizer.run(new Synthesis("t", "t", "q", "x", List.of(ACC), List.of(), Optional.empty(), studies,
                Policies.quantization(), Map.of()));
    }

    private static Map<String, double[]> studies(Object... kv) {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (double[]) kv[i + 1]);
        }
        return m;
    }

    @Test
    void meansThatLookLikeFractionsAreFlagged() {
        SynthesisResult r = run(studies("S1", new double[] {0.24}, "S2", new double[] {-0.31}));
        List<SanityWarning> w = SanityChecks.check(r, List.of());
        assertThat(w).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(SanityWarning.Kind.PERCENT_AS_FRACTION);
            assertThat(x.effect()).isEqualTo("accuracy");
            assertThat(x.message()).contains("largest |mean| 0.31 over 2 findings");
        });
        // one mean of 1 or more: percents, no warning
        assertThat(SanityChecks.check(run(studies("S1", new double[] {0.24}, "S2", new double[] {1.5})), List.of()))
                .isEmpty();
    }

    @Test
    void aStudyCarryingMostFindingsIsFlagged() {
        SynthesisResult r = run(studies("S1", new double[] {5, 6, 7}, "S2", new double[] {4}));
        assertThat(SanityChecks.check(r, List.of())).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(SanityWarning.Kind.DOMINANT_STUDY);
            assertThat(x.studies()).containsExactly("S1");
            assertThat(x.message()).contains("study S1 carries 3 of its 4 findings");
        });
        // exactly half is not most
        assertThat(SanityChecks.check(run(studies("S1", new double[] {5, 6}, "S2", new double[] {4, 3})), List.of()))
                .isEmpty();
    }

    @Test
    void duplicatesBySameDoiOrSameTitleAndYear() {
        List<SanityChecks.Citation> cs = List.of(
                new SanityChecks.Citation("P1", Optional.of("10.1109/TSE.2007.17"), Optional.of("Evaluating pair programming"),
                        OptionalInt.of(2007)),
                new SanityChecks.Citation("P2", Optional.of("https://doi.org/10.1109/tse.2007.17"), Optional.empty(),
                        OptionalInt.empty()),
                new SanityChecks.Citation("P3", Optional.empty(), Optional.of("The Case for Collaborative Programming"),
                        OptionalInt.of(1998)),
                new SanityChecks.Citation("P4", Optional.empty(), Optional.of("The case for collaborative  programming."),
                        OptionalInt.of(1998)),
                new SanityChecks.Citation("P5", Optional.empty(), Optional.of("The case for collaborative programming"),
                        OptionalInt.of(1999)));
        List<SanityWarning> w = SanityChecks.duplicates(cs);
        assertThat(w).extracting(SanityWarning::studies).containsExactly(List.of("P1", "P2"), List.of("P3", "P4"));
        assertThat(w.get(0).message()).contains("the same DOI 10.1109/tse.2007.17");
        assertThat(w.get(1).message()).contains("the same title and year (1998)");
    }

    @Test
    void aPublicationEnteredManyTimesIsOneWarningNamingEveryCopy() {
        List<SanityChecks.Citation> cs = new java.util.ArrayList<>();
        for (int k = 1; k <= 3000; k++) {
            // three publications, each entered 1,000 times (round robin), as a cloned benchmark project has them
            int pub = (k - 1) % 3;
            cs.add(new SanityChecks.Citation("S" + k, pub == 0 ? Optional.of("10.1/x") : Optional.empty(),
                    Optional.of("Title " + pub), OptionalInt.of(2020)));
        }
        cs.add(new SanityChecks.Citation("T1", Optional.empty(), Optional.of("Another"), OptionalInt.of(2021)));
        cs.add(new SanityChecks.Citation("T2", Optional.empty(), Optional.of("another!"), OptionalInt.of(2021)));
        cs.add(new SanityChecks.Citation("T3", Optional.empty(), Optional.of("Another"), OptionalInt.of(2022)));
        List<SanityWarning> w = SanityChecks.duplicates(cs);
        assertThat(w).hasSize(4);
        assertThat(w.get(0).studies()).hasSize(1000).startsWith("S1", "S4").endsWith("S2998");
        assertThat(w.get(0).message()).isEqualTo("1000 studies (S1, S4, S7, S10, S13, S16, …) look like one publication"
                + " entered 1000 times (the same DOI 10.1/x); their findings are counted 1000 times");
        assertThat(w.get(1).studies()).hasSize(1000).startsWith("S2", "S5");
        assertThat(w.get(1).message()).contains("(the same title and year (2020))");
        assertThat(w.get(2).studies()).startsWith("S3", "S6");
        assertThat(w.get(3).studies()).containsExactly("T1", "T2");
        assertThat(w.get(3).message()).isEqualTo("studies T1 and T2 look like one publication entered twice (the same"
                + " title and year (2021)); their findings are counted twice");
    }

    @Test
    void threeCopiesAreNamedInFull() {
        List<SanityChecks.Citation> cs = List.of(
                new SanityChecks.Citation("A", Optional.of("doi:10.2/y"), Optional.empty(), OptionalInt.empty()),
                new SanityChecks.Citation("B", Optional.of("10.2/Y"), Optional.empty(), OptionalInt.empty()),
                new SanityChecks.Citation("C", Optional.of("https://doi.org/10.2/y"), Optional.empty(), OptionalInt.empty()));
        assertThat(SanityChecks.duplicates(cs)).singleElement().satisfies(x -> assertThat(x.message()).isEqualTo(
                "3 studies (A, B and C) look like one publication entered 3 times (the same DOI 10.2/y); their"
                        + " findings are counted 3 times"));
    }

    @net.jqwik.api.Property(tries = 200, seed = "20261201")
    void twoStudiesShareAWarningExactlyWhenTheyShareADoiOrATitleAndYear(
            @net.jqwik.api.ForAll @net.jqwik.api.constraints.Size(max = 30) List<
                    @net.jqwik.api.constraints.IntRange(max = 63) Integer> codes) {
        // each code picks a DOI (or none), a title (or none, or a re-written one) and a year (or none) from
        // small pools, so that collisions of every kind are frequent
        String[] doiPool = {null, "10.1/a", "https://doi.org/10.1/A", "10.1/b"};
        String[] titlePool = {null, "Pair programming", "pair  programming.", "Solo"};
        Integer[] yearPool = {null, 2007, 2008, 2007};
        List<SanityChecks.Citation> cs = new ArrayList<>();
        for (int k = 0; k < codes.size(); k++) {
            int c = codes.get(k);
            Integer y = yearPool[(c >> 4) & 3];
            cs.add(new SanityChecks.Citation("S" + k, Optional.ofNullable(doiPool[c & 3]),
                    Optional.ofNullable(titlePool[(c >> 2) & 3]), y == null ? OptionalInt.empty() : OptionalInt.of(y)));
        }
        List<SanityWarning> w = SanityChecks.duplicates(cs);
        for (int i = 0; i < cs.size(); i++) {
            for (int j = i + 1; j < cs.size(); j++) {
                SanityChecks.Citation a = cs.get(i);
                SanityChecks.Citation b = cs.get(j);
                Optional<String> da = a.doi().map(SanityChecks::normalizeDoi).filter(x -> !x.isEmpty());
                Optional<String> db = b.doi().map(SanityChecks::normalizeDoi).filter(x -> !x.isEmpty());
                Optional<String> ta = a.title().map(SanityChecks::normalizeTitle).filter(x -> !x.isEmpty());
                Optional<String> tb = b.title().map(SanityChecks::normalizeTitle).filter(x -> !x.isEmpty());
                boolean same = (da.isPresent() && da.equals(db))
                        || (ta.isPresent() && ta.equals(tb) && a.year().isPresent() && a.year().equals(b.year()));
                boolean together = w.stream().anyMatch(x -> x.studies().contains(a.id()) && x.studies().contains(b.id()));
                assertThat(together).as("%s and %s", a, b).isEqualTo(same);
            }
        }
    }
}

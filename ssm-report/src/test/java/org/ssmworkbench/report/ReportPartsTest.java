package org.ssmworkbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ssmworkbench.core.ssm.SsmScale;
import org.ssmworkbench.core.synthesis.CutPoints;

/** The building blocks: escaping, numbers, the band axis, text fitting, archetypes, statements. */
class ReportPartsTest {

    @Nested
    class Escaping {
        @Test
        void markupEscapesTheFiveCharactersAndDropsWhatXmlCannotHold() {
            assertThat(Markup.escape("a<b>&\"c\"'d'")).isEqualTo("a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;");
            assertThat(Markup.escape("bell\u0007tab\tnl\n")).isEqualTo("bell\uFFFDtab\tnl\n");
            assertThat(Markup.escape("lone \uD800 pair \uD83D\uDE00")).isEqualTo("lone \uFFFD pair \uD83D\uDE00");
            assertThat(Markup.escape("plain")).isSameAs("plain");
            assertThat(Markup.escape(null)).isEmpty();
        }

        @Test
        void slugsAreSafeFileNames() {
            assertThat(Markup.slug("S1/e1")).isEqualTo("S1_e1");
            assertThat(Markup.slug("..")).isEqualTo("__");
            assertThat(Markup.slug("inference_latency-2")).isEqualTo("inference_latency-2");
            assertThat(Markup.slug("")).isEqualTo("_");
        }

        @Test
        void latexEscapesEverySpecialCharacter() {
            assertThat(Latex.escape("\\ { } $ & # ^ _ % ~ < >"))
                    .isEqualTo("\\textbackslash{} \\{ \\} \\$ \\& \\# \\textasciicircum{} \\_ \\% \\textasciitilde{}"
                            + " \\textless{} \\textgreater{}");
            assertThat(Latex.escape("\u22120.5 \u0398")).isEqualTo("$-$0.5 $\\Theta$");
        }
    }

    @Nested
    class Numbers {
        @ParameterizedTest
        @CsvSource({"0.8858, 3, 0.886", "-0.0142, 3, \u22120.014", "0.825, 2, 0.83", "0.82496, 2, 0.82",
            "1.0, 3, 1.000", "-0.00003, 3, 0.000"})
        void fixedRoundsHalfUpFromTheShortestDecimal(double x, int d, String expected) {
            assertThat(Num.fixed(x, d)).isEqualTo(expected);
        }

        @Test
        void signedAndCoordinatesAndTicks() {
            assertThat(Num.signed(0.002, 3)).isEqualTo("+0.002");
            assertThat(Num.signed(-0.00003, 3)).isEqualTo("\u22120.000");
            assertThat(Num.coord(12.345)).isEqualTo("12.35");
            assertThat(Num.coord(-3.1)).isEqualTo("-3.1");
            assertThat(Num.coord(-0.001)).isEqualTo("0");
            assertThat(Num.coord(7.05)).isEqualTo("7.05");
            assertThat(Num.tick(-25.0)).isEqualTo("\u221225");
            assertThat(Num.tick(2.5)).isEqualTo("2.5");
            assertThat(Num.tick(100.0)).isEqualTo("100");
        }
    }

    @Nested
    class Axis {
        final BandAxis axis = new BandAxis(CutPoints.correctness(), 13.8, 100, 40);

        @Test
        void bandBoundariesAreTheCutPoints() {
            assertThat(axis.bounds()).containsExactly(-30, -25, -20, -15, -10, -5, -2, 2, 5, 10, 15, 20, 25, 30);
            assertThat(axis.x(-30)).isEqualTo(100);
            assertThat(axis.x(-2)).isEqualTo(100 + 6 * 40);
            assertThat(axis.x(0)).isEqualTo(100 + 6.5 * 40);
            assertThat(axis.x(2)).isEqualTo(100 + 7 * 40);
            assertThat(axis.x(30)).isEqualTo(100 + 13 * 40);
            assertThat(axis.x(1000)).isEqualTo(axis.right());
        }

        @Test
        void aValueFallsInTheBandOfItsIntensity() {
            CutPoints c = CutPoints.correctness();
            for (double v : new double[] {-13.79, -4.27, -0.6, 3, 8, 12, 17, 22, 26, -26, 50}) {
                int band = (int) Math.floor((axis.x(v) - 100) / 40);
                band = Math.min(12, band);
                long set = c.classify(v).mask();
                int expected = Long.bitCount(set) == 1 ? 2 * Scale.lo(set) : 2 * Scale.lo(set) + 1;
                assertThat(band).as("RI " + v).isEqualTo(expected);
            }
        }

        @Test
        void theOuterLimitIsANiceNumberBeyondTheLastCut() {
            assertThat(new BandAxis(CutPoints.resource(), 96.9, 0, 10).limit()).isEqualTo(100);
            assertThat(new BandAxis(CutPoints.resource(), 10, 0, 10).limit()).isEqualTo(60);
            assertThat(new BandAxis(CutPoints.correctness(), 43.0, 0, 10).limit()).isEqualTo(50);
            assertThat(BandAxis.nice(0.35)).isEqualTo(0.4);
            assertThat(BandAxis.nice(201)).isEqualTo(250);
            assertThat(BandAxis.nice(30)).isEqualTo(30);
        }
    }

    @Nested
    class Text {
        @Test
        void fitShortensWithAnEllipsisWithinTheWidth() {
            String s = TextMetrics.fit("Inference energy consumption", 11.5, true, 120);
            assertThat(s).endsWith("\u2026").startsWith("Inference");
            assertThat(TextMetrics.width(s, 11.5, true)).isLessThanOrEqualTo(120);
            assertThat(TextMetrics.fit("Accuracy", 11, false, 200)).isEqualTo("Accuracy");
        }

        @Test
        void wrapBreaksAtSpacesWithinTheWidth() {
            List<String> lines = TextMetrics.wrap("models: 1DCNN, ResNet-18, UNet-small, SUMNet, SaDNN, Llama-2-7B",
                    10.5, false, 150);
            assertThat(lines).hasSizeGreaterThan(1);
            assertThat(String.join(" ", lines)).isEqualTo("models: 1DCNN, ResNet-18, UNet-small, SUMNet, SaDNN, Llama-2-7B");
            lines.forEach(l -> assertThat(TextMetrics.width(l, 10.5, false)).isLessThanOrEqualTo(150));
        }

        @Test
        void contextEntriesKeepTheCountOfWhatTheyLeaveOut() {
            var context = new org.ssmworkbench.core.synthesis.Context(List.of(
                    org.ssmworkbench.core.synthesis.Context.Aspect.of("models", List.of("aaaaaaaa", "bbbbbbbb",
                            "cccccccc", "dddddddd", "eeeeeeee", "ffffffff", "gggggggg", "hhhhhhhh", "iiiiiiii",
                            "jjjjjjjj"))));
            List<String> lines = EvidenceDiagram.entryLines(ContextText.of(context).get(0), 150, 2);
            assertThat(lines).hasSize(2);
            assertThat(lines.get(1)).matches(".*\\(\\+\\d+ more\\)");
        }
    }

    @Nested
    class Words {
        @ParameterizedTest
        @CsvSource({"energy_measurement, ACTIVITY", "models, SYSTEM", "datasets, SYSTEM", "hardware, SYSTEM",
            "quantization, TECHNOLOGY", "frameworks, TECHNOLOGY", "data_quality, ACTIVITY", "participants, ACTOR",
            "developerTeam, ACTOR", "colour, OTHER"})
        void contextKeysHaveArchetypes(String key, Archetype expected) {
            assertThat(Archetype.of(org.ssmworkbench.core.synthesis.Archetype.ofContextKey(key))).isEqualTo(expected);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "WN | model quantization weakly negatively affects accuracy",
            "IF | model quantization is indifferent for accuracy",
            "SP | model quantization strongly positively affects accuracy",
            "IF,WP | model quantization affects accuracy indifferently to weakly positively",
            "NE,WN,IF | model quantization affects accuracy negatively to indifferently",
            "SN,NE,WN,IF,WP,PO,SP | the evidence does not narrow down how model quantization affects accuracy"})
        void claimsReadAsSsmStatements(String codes, String expected) {
            assertThat(Statements.claim("model quantization", "accuracy", SsmScale.FRAME.parse(codes)))
                    .isEqualTo(expected);
        }

        @Test
        void labelsReadInProse() {
            assertThat(Statements.inProse("Accuracy")).isEqualTo("accuracy");
            assertThat(Statements.inProse("GPU power draw")).isEqualTo("GPU power draw");
            assertThat(Statements.inProse("F1 score")).isEqualTo("F1 score");
        }
    }
}

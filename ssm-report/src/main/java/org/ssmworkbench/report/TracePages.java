package org.ssmworkbench.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ssmworkbench.core.synthesis.EffectResult;
import org.ssmworkbench.core.synthesis.SynthesisResult;

/**
 * Where the trace of an effect of more than {@link #PER_PAGE} findings puts its inputs and pairwise steps
 * (decision 0054): in pages of {@value #PER_PAGE} findings, {@code figures/trace-EFFECT-1.html}, {@code -2.html},
 * …, each with those findings as simple support functions and the steps that add them to the combination;
 * the report keeps the effect's combined masses and the selectors' reasoning and links every page. A
 * smaller effect's trace stays whole in the report.
 *
 * @param byEffect the pages of each paged effect, by effect id, in effect order
 */
record TracePages(Map<String, List<TracePages.Page>> byEffect) {

    /** Findings per page, and the findings of one effect above which its trace is paged. */
    static final int PER_PAGE = Figure.INLINE_FOREST_ROWS;

    /**
     * One page: the findings {@code from} (inclusive) to {@code to} (exclusive), 0-based in combination
     * order, of effect {@code effect}.
     */
    record Page(String effect, String base, int number, int count, int from, int to) {
        /** The file name of page {@code k} of this effect inside {@code figures/}. */
        String file(int k) {
            return base + "-" + k + ".html";
        }

        /** This page's file name inside {@code figures/}. */
        String file() {
            return file(number);
        }

        /** The path inside the output folder. */
        String path() {
            return Report.FIGURES + "/" + file();
        }

        /** "401–800": the findings, 1-based. */
        String range() {
            return (from + 1) + "\u2013" + to;
        }
    }

    /** The pages of every effect of {@code r} with more than {@link #PER_PAGE} findings. */
    static TracePages of(SynthesisResult r) {
        Map<String, List<Page>> out = new LinkedHashMap<>();
        Set<String> bases = new HashSet<>();
        for (EffectResult e : r.effects()) {
            int n = e.combination().map(c -> c.inputs().size()).orElse(0);
            if (n <= PER_PAGE) {
                continue;
            }
            String base = "trace-" + Markup.slug(e.effect().id());
            String name = base;
            for (int i = 2; !bases.add(name); i++) {
                name = base + "-" + i;
            }
            int count = (n + PER_PAGE - 1) / PER_PAGE;
            List<Page> pages = new ArrayList<>();
            for (int k = 1; k <= count; k++) {
                pages.add(new Page(e.effect().id(), name, k, count, (k - 1) * PER_PAGE,
                        Math.min(n, k * PER_PAGE)));
            }
            out.put(e.effect().id(), List.copyOf(pages));
        }
        return new TracePages(java.util.Collections.unmodifiableMap(out));
    }

    /** Every page, effect by effect. */
    List<Page> all() {
        List<Page> all = new ArrayList<>();
        byEffect.values().forEach(all::addAll);
        return all;
    }

    /**
     * The report's line for a paged effect: its findings and steps, and a link to each page named by its
     * findings; "" when the effect's trace is not paged.
     */
    String markup(String effect, int findings) {
        List<Page> pages = byEffect.get(effect);
        if (pages == null) {
            return "";
        }
        StringBuilder b = new StringBuilder("Too many for this page: its " + findings + " findings and "
                + (findings - 1) + " pairwise steps are in " + pages.size() + " pages of up to " + PER_PAGE
                + " findings:");
        b.append(Markup.pageLinks(pages.stream().map(Page::path).toList(), PER_PAGE, findings));
        return b.append(". results.json holds the whole trace as well.").toString();
    }
}

package org.ssmworkbench.core.synthesis;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The sanity checks of a synthesis (docs/method-statistics.md, "Sanity warnings"): a percent typed as
 * a fraction, a study entered twice, one study carrying most of an effect's findings.
 */
public final class SanityChecks {

    private SanityChecks() {
    }

    /**
     * What identifies a publication, for the duplicate check.
     *
     * @param id    the study id
     * @param doi   its DOI, if any
     * @param title its title, if any
     * @param year  its year, if any
     */
    public record Citation(String id, Optional<String> doi, Optional<String> title, OptionalInt year) {
    }

    /** All checks, in a fixed order: duplicates, then per effect (in effect order) fractions and dominance. */
    public static List<SanityWarning> check(SynthesisResult r, List<Citation> citations) {
        List<SanityWarning> out = new ArrayList<>(duplicates(citations));
        for (EffectResult e : r.effects()) {
            fraction(e).ifPresent(out::add);
            dominant(e).ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    /**
     * Every finding of the effect that has a mean RI has |mean RI| &lt; 1 (and they are not all 0): the
     * values may be fractions (0.24) where percents (24) are expected.
     */
    public static Optional<SanityWarning> fraction(EffectResult e) {
        int n = 0;
        double max = 0.0;
        for (Finding f : e.findings()) {
            if (f.statistics().isEmpty()) {
                continue;
            }
            n++;
            max = Math.max(max, Math.abs(f.statistics().get().mean()));
        }
        if (n == 0 || max >= 1.0 || max == 0.0) {
            return Optional.empty();
        }
        List<String> studies = studies(e);
        return Optional.of(new SanityWarning(SanityWarning.Kind.PERCENT_AS_FRACTION, e.effect().id(), studies,
                "every mean RI of '" + e.effect().id() + "' is below 1 in magnitude (largest |mean| "
                        + DiscountPolicy.round(max, 3) + " over " + n + (n == 1 ? " finding" : " findings")
                        + "): relative improvements are percents, so 24 % is 24, not 0.24; check the inputs"));
    }

    /**
     * One study carries more than half of the effect's findings (at least two of them): its findings
     * are combined as independent pieces of evidence although they come from one study.
     */
    public static Optional<SanityWarning> dominant(EffectResult e) {
        int total = e.findings().size();
        if (total < 2) {
            return Optional.empty();
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Finding f : e.findings()) {
            counts.merge(f.study(), 1, Integer::sum);
        }
        String top = null;
        int most = 0;
        for (Map.Entry<String, Integer> c : counts.entrySet()) {
            if (c.getValue() > most) {
                top = c.getKey();
                most = c.getValue();
            }
        }
        if (most < 2 || 2 * most <= total) {
            return Optional.empty();
        }
        String scope = counts.size() > 1 ? most + " of its " + total + " findings"
                : total == 2 ? "both of its findings" : "all " + total + " of its findings";
        return Optional.of(new SanityWarning(SanityWarning.Kind.DOMINANT_STUDY, e.effect().id(), List.of(top),
                "'" + e.effect().id() + "': study " + top + " carries " + scope + ", combined as independent"
                        + " evidence although they come from one study"));
    }

    /** Pairs of studies with the same DOI, or the same normalized title and the same year. */
    public static List<SanityWarning> duplicates(List<Citation> citations) {
        // each citation's keys once, then only the pairs that share a key: linear in the studies
        int n = citations.size();
        String[] dois = new String[n];
        String[] titles = new String[n];
        Map<String, List<Integer>> byKey = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Citation c = citations.get(i);
            dois[i] = c.doi().map(SanityChecks::normalizeDoi).filter(s -> !s.isEmpty()).orElse(null);
            titles[i] = c.year().isPresent() ? c.title().map(SanityChecks::normalizeTitle).filter(s -> !s.isEmpty())
                    .map(t -> c.year().getAsInt() + "\u0000" + t).orElse(null) : null;
            if (dois[i] != null) {
                byKey.computeIfAbsent("d\u0000" + dois[i], k -> new ArrayList<>()).add(i);
            }
            if (titles[i] != null) {
                byKey.computeIfAbsent("t\u0000" + titles[i], k -> new ArrayList<>()).add(i);
            }
        }
        List<SanityWarning> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            java.util.TreeSet<Integer> later = new java.util.TreeSet<>();
            if (dois[i] != null) {
                later.addAll(byKey.get("d\u0000" + dois[i]));
            }
            if (titles[i] != null) {
                later.addAll(byKey.get("t\u0000" + titles[i]));
            }
            for (int j : later.tailSet(i, false)) {
                Citation a = citations.get(i);
                Citation b = citations.get(j);
                String why = dois[i] != null && dois[i].equals(dois[j]) ? "the same DOI " + dois[i]
                        : "the same title and year (" + a.year().getAsInt() + ")";
                out.add(new SanityWarning(SanityWarning.Kind.DUPLICATE_STUDY, "", List.of(a.id(), b.id()),
                        "studies " + a.id() + " and " + b.id() + " look like one publication entered twice ("
                                + why + "); their findings are counted twice"));
            }
        }
        return out;
    }

    /** A DOI in lower case without a resolver prefix ("https://doi.org/", "doi:"). */
    public static String normalizeDoi(String doi) {
        String d = doi.strip().toLowerCase(Locale.ROOT);
        for (String prefix : new String[] {"https://doi.org/", "http://doi.org/", "https://dx.doi.org/",
            "http://dx.doi.org/", "doi:"}) {
            if (d.startsWith(prefix)) {
                d = d.substring(prefix.length()).strip();
            }
        }
        return d;
    }

    /** A title in lower case, accents removed, every run of non-letters and non-digits one space. */
    public static String normalizeTitle(String title) {
        String t = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return t.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static List<String> studies(EffectResult e) {
        List<String> s = new ArrayList<>();
        for (Finding f : e.findings()) {
            if (!s.contains(f.study())) {
                s.add(f.study());
            }
        }
        return s;
    }
}

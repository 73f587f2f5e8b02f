package org.ssmworkbench.core.synthesis;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

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

    /**
     * Studies that look like one publication: the same DOI, or (where the DOIs do not already say so)
     * the same normalized title and the same year. One warning per such group, in the order of each
     * group's first two studies; a pair reads "studies A and B … entered twice". Linear in the number of
     * studies: each citation is normalized once and grouped by its key.
     */
    public static List<SanityWarning> duplicates(List<Citation> citations) {
        int n = citations.size();
        String[] doi = new String[n];
        Map<String, List<Integer>> byDoi = new LinkedHashMap<>();
        Map<String, List<Integer>> byTitle = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Citation c = citations.get(i);
            doi[i] = c.doi().map(SanityChecks::normalizeDoi).filter(x -> !x.isEmpty()).orElse(null);
            if (doi[i] != null) {
                byDoi.computeIfAbsent(doi[i], k -> new ArrayList<>()).add(i);
            }
            Optional<String> t = c.title().map(SanityChecks::normalizeTitle).filter(x -> !x.isEmpty());
            if (t.isPresent() && c.year().isPresent()) {
                // a year and a title that cannot collide with another pair's: the year has no spaces
                byTitle.computeIfAbsent(c.year().getAsInt() + " " + t.get(), k -> new ArrayList<>()).add(i);
            }
        }
        List<Group> groups = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> g : byDoi.entrySet()) {
            if (g.getValue().size() > 1) {
                groups.add(new Group(g.getValue(), "the same DOI " + g.getKey()));
            }
        }
        for (List<Integer> g : byTitle.values()) {
            // pairs with one DOI are said above; a group all of one DOI adds nothing
            if (g.size() > 1 && !(doi[g.get(0)] != null && g.stream().allMatch(i -> doi[g.get(0)].equals(doi[i])))) {
                int year = citations.get(g.get(0)).year().getAsInt();
                groups.add(new Group(g, "the same title and year (" + year + ")"));
            }
        }
        groups.sort((x, y) -> x.members().get(0).equals(y.members().get(0))
                ? Integer.compare(x.members().get(1), y.members().get(1))
                : Integer.compare(x.members().get(0), y.members().get(0)));
        List<SanityWarning> out = new ArrayList<>();
        for (Group g : groups) {
            List<String> ids = g.members().stream().map(i -> citations.get(i).id()).toList();
            String message;
            if (ids.size() == 2) {
                message = "studies " + ids.get(0) + " and " + ids.get(1) + " look like one publication entered twice ("
                        + g.why() + "); their findings are counted twice";
            } else {
                String shown = ids.size() <= SHOWN ? String.join(", ", ids.subList(0, ids.size() - 1)) + " and "
                        + ids.get(ids.size() - 1) : String.join(", ", ids.subList(0, SHOWN)) + ", …";
                message = ids.size() + " studies (" + shown + ") look like one publication entered " + ids.size()
                        + " times (" + g.why() + "); their findings are counted " + ids.size() + " times";
            }
            out.add(new SanityWarning(SanityWarning.Kind.DUPLICATE_STUDY, "", ids, message));
        }
        return out;
    }

    /** The most study ids a duplicate message names (the warning's study list holds them all). */
    private static final int SHOWN = 6;

    private record Group(List<Integer> members, String why) {
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
        String t = MARKS.matcher(Normalizer.normalize(title, Normalizer.Form.NFKD)).replaceAll("");
        return NOT_ALPHANUMERIC.matcher(t.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** Combining marks (the accents NFKD splits off). */
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    /** Runs of anything but letters and digits. */
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");

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

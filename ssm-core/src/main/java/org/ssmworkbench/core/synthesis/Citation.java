package org.ssmworkbench.core.synthesis;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a study is cited. Authors in order; "et al." as the last author stands for the ones not
 * listed.
 *
 * @param authors the authors as written (may be empty)
 * @param title   the title, or "" when not given
 * @param venue   journal or conference and its volume and pages, or ""
 * @param year    the year of publication, if given
 * @param doi     the DOI (without https://doi.org/), if given
 * @param url     a link, if given
 */
public record Citation(List<String> authors, String title, String venue, OptionalInt year, Optional<String> doi,
        Optional<String> url) {

    /** Defensive copy; nulls refused. */
    public Citation {
        authors = List.copyOf(authors);
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(year, "year");
        Objects.requireNonNull(doi, "doi");
        Objects.requireNonNull(url, "url");
    }
}

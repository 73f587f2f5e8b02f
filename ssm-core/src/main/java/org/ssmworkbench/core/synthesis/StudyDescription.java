package org.ssmworkbench.core.synthesis;

import java.util.Objects;
import java.util.Optional;

/**
 * What a person reads about a study beside its evidence: how it is cited and in what context it
 * was done. The {@link Study} holds what the synthesis computes with.
 *
 * @param id           the study id
 * @param key          the citation key (e.g. a BibTeX key), if given
 * @param citation     the citation, if given
 * @param reportedType what the study calls itself, when that differs from the type graded
 * @param context      the context aspects (may be {@link Context#NONE})
 */
public record StudyDescription(String id, Optional<String> key, Optional<Citation> citation,
        Optional<String> reportedType, Context context) {

    /** Nulls refused. */
    public StudyDescription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(citation, "citation");
        Objects.requireNonNull(reportedType, "reportedType");
        Objects.requireNonNull(context, "context");
    }
}

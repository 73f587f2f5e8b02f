package org.ssmworkbench.cli.mass;

import java.util.Optional;
import org.ssmworkbench.core.belief.Combination;
import org.ssmworkbench.core.ssm.Selection;

/**
 * What `ssm mass` computed for one request.
 *
 * @param request     the request
 * @param combination the fold with its trace
 * @param selection   the selector's reading, when one was asked for
 */
public record MassResult(MassRequest request, Combination combination, Optional<Selection> selection) {

    /** Computes the result of a request: fold by its rule, then select if asked. */
    public static MassResult compute(MassRequest request) {
        Combination c = request.rule().fold(request.masses());
        Optional<Selection> s = request.selector().map(sel -> sel.select(c.result()));
        return new MassResult(request, c, s);
    }
}

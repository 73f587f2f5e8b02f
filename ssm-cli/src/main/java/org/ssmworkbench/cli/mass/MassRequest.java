package org.ssmworkbench.cli.mass;

import java.util.List;
import java.util.Optional;
import org.ssmworkbench.core.belief.CombinationRule;
import org.ssmworkbench.core.belief.Frame;
import org.ssmworkbench.core.belief.MassFunction;
import org.ssmworkbench.core.ssm.ResultSelector;

/**
 * One request of `ssm mass`, already validated: the frame, the rule, the functions in fold order and
 * the optional selector.
 *
 * @param frame    frame of discernment (the SSM frame by default)
 * @param rule     combination rule
 * @param masses   functions to combine, in order (at least one)
 * @param selector result selector, only on the SSM frame
 */
public record MassRequest(Frame frame, CombinationRule rule, List<MassFunction> masses,
        Optional<ResultSelector> selector) {

    /** Defensive copy. */
    public MassRequest {
        masses = List.copyOf(masses);
    }
}

package org.ssmworkbench.core.whatif;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ssmworkbench.core.belief.CombinationRule;
import org.ssmworkbench.core.ssm.ResultSelector;
import org.ssmworkbench.core.synthesis.CutPoints;
import org.ssmworkbench.core.synthesis.MassAssignment;
import org.ssmworkbench.core.synthesis.Policies;

/**
 * A what-if over a synthesis, held in memory and never saved as such: studies and single findings
 * switched off, and policies overridden (decision 0036).
 *
 * @param studiesOff  ids of the studies left out
 * @param findingsOff findings left out (the evidence model stays, so a study's N is unchanged)
 * @param rule        another combination rule, if any
 * @param selector    another result selector, if any
 * @param assignment  another mass assignment, if any
 * @param cuts        replaced cut points, by family
 */
public record Scenario(Set<String> studiesOff, Set<FindingKey> findingsOff, Optional<CombinationRule> rule,
        Optional<ResultSelector> selector, Optional<MassAssignment> assignment, Map<String, CutPoints> cuts) {

    /** The saved synthesis, unchanged. */
    public static final Scenario NONE = new Scenario(Set.of(), Set.of(), Optional.empty(), Optional.empty(),
            Optional.empty(), Map.of());

    /** Defensive copies keeping order; the key of each cut table is its family. */
    public Scenario {
        studiesOff = Collections.unmodifiableSet(new LinkedHashSet<>(studiesOff));
        findingsOff = Collections.unmodifiableSet(new LinkedHashSet<>(findingsOff));
        cuts = Collections.unmodifiableMap(new LinkedHashMap<>(cuts));
        for (Map.Entry<String, CutPoints> c : cuts.entrySet()) {
            if (!c.getKey().equals(c.getValue().family())) {
                throw new IllegalArgumentException("cut points of family '" + c.getValue().family()
                        + "' filed under '" + c.getKey() + "'");
            }
        }
    }

    /** The policies with this scenario's overrides. */
    public Policies policies(Policies base) {
        Policies p = base;
        if (rule.isPresent()) {
            p = p.withRule(rule.get());
        }
        if (selector.isPresent()) {
            p = p.withSelector(selector.get());
        }
        if (assignment.isPresent()) {
            p = p.withAssignment(assignment.get());
        }
        for (CutPoints c : cuts.values()) {
            p = p.withCutPoints(c);
        }
        return p;
    }

    /** Whether the scenario overrides any policy (what "keep this" can write). */
    public boolean changesPolicies() {
        return rule.isPresent() || selector.isPresent() || assignment.isPresent() || !cuts.isEmpty();
    }

    /** Whether the scenario leaves evidence out (which "keep this" does not write). */
    public boolean leavesOut() {
        return !studiesOff.isEmpty() || !findingsOff.isEmpty();
    }
}

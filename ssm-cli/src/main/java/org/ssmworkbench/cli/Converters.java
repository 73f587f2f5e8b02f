package org.ssmworkbench.cli;

import org.ssmworkbench.core.belief.CombinationRule;
import org.ssmworkbench.core.ssm.ResultSelector;
import org.ssmworkbench.core.synthesis.MassAssignment;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Picocli converters for the policy ids every command accepts; an unknown id is a usage error (exit 2)
 * whose message lists the known ids.
 */
public final class Converters {

    private Converters() {
    }

    /** A combination rule id: dempster, conjunctive, disjunctive, yager, dubois-prade, murphy. */
    public static final class Rule implements ITypeConverter<CombinationRule> {
        @Override
        public CombinationRule convert(String value) {
            try {
                return CombinationRule.byId(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** A selector id: ef or santos. */
    public static final class Selector implements ITypeConverter<ResultSelector> {
        @Override
        public ResultSelector convert(String value) {
            try {
                return ResultSelector.byId(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** A mass-assignment id: published, undiscounted-unsplit, mass-preserving-split, equitable-split. */
    public static final class Assignment implements ITypeConverter<MassAssignment> {
        @Override
        public MassAssignment convert(String value) {
            try {
                return MassAssignment.byId(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}

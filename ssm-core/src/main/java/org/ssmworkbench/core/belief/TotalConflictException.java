package org.ssmworkbench.core.belief;

/**
 * Dempster's rule met total conflict (K = 1): the two operands share no compatible focal sets, so
 * normalization is undefined. The message names both operands and, where known, their positions in
 * the fold.
 */
public final class TotalConflictException extends EvidenceException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public TotalConflictException(String message) {
        super(message);
    }
}

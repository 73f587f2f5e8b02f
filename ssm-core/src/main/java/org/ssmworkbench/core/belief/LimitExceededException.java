package org.ssmworkbench.core.belief;

/**
 * A computation would exceed one of the engine's documented size limits ({@link Limits}). Raised
 * before the memory or time is spent, so that a hostile or mistaken input gets a clear error instead
 * of running out of memory or time.
 */
public final class LimitExceededException extends EvidenceException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public LimitExceededException(String message) {
        super(message);
    }
}

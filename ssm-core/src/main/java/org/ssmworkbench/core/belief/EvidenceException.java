package org.ssmworkbench.core.belief;

/**
 * Base of the exceptions that mean "the evidence given is not acceptable": an unknown atom, an
 * invalid mass function, total conflict. Callers map these to a bad-input error (exit code 2),
 * never to an internal error.
 */
public class EvidenceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message meant for the person who wrote the evidence. */
    public EvidenceException(String message) {
        super(message);
    }
}

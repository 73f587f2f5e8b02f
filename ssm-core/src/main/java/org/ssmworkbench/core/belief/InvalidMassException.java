package org.ssmworkbench.core.belief;

/** A mass function is not valid: a mass outside [0, 1], masses not summing to 1, mass on ∅. */
public final class InvalidMassException extends EvidenceException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public InvalidMassException(String message) {
        super(message);
    }
}

package org.ssmworkbench.core.synthesis;

import org.ssmworkbench.core.belief.EvidenceException;

/** The synthesis cannot be run on this evidence; the message names the study, evidence model or effect. */
public final class SynthesisException extends EvidenceException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public SynthesisException(String message) {
        super(message);
    }

    /** Creates the exception, keeping what the core found wrong (e.g. a value's own check) as its cause. */
    public SynthesisException(String message, Throwable cause) {
        super(message);
        initCause(cause);
    }
}

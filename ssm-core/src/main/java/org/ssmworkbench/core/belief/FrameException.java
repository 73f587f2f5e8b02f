package org.ssmworkbench.core.belief;

/** A frame cannot be built, or a name or focal set is not part of the frame. */
public final class FrameException extends EvidenceException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public FrameException(String message) {
        super(message);
    }
}

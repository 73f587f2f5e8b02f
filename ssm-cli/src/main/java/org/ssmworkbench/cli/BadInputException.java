package org.ssmworkbench.cli;

/**
 * Input the user can fix: the message says where (file, line, field) and what is wrong. Commands map
 * it to exit code {@link ExitCodes#BAD_INPUT} and print only the message.
 */
public class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message for the user. */
    public BadInputException(String message) {
        super(message);
    }

    /** Creates the exception with a message for the user and the underlying cause. */
    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}

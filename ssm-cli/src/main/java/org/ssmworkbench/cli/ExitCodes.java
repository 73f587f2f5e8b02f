package org.ssmworkbench.cli;

/** The exit codes of every `ssm` command; shown in `--help`. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** An internal error: a bug or an environment problem (disk full, …). */
    public static final int INTERNAL = 1;
    /** Bad input: a malformed file, an unknown option, invalid evidence. Nothing was written. */
    public static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}

package org.ssmworkbench.io.save;

import java.util.List;

/**
 * A save refused because a file changed on disk since the project was read (a hand edit, another
 * window), or because a file it would create is there already. Nothing was written.
 */
public final class SaveConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> files;

    /**
     * @param files   the files in conflict, relative to the project folder
     * @param message what happened to them, for a person
     */
    public SaveConflictException(List<String> files, String message) {
        super(message);
        this.files = List.copyOf(files);
    }

    /** The files in conflict, relative to the project folder. */
    public List<String> files() {
        return files;
    }
}

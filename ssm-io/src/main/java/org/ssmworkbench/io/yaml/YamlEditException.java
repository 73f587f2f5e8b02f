package org.ssmworkbench.io.yaml;

/**
 * An edit the document layer refuses because it cannot make it faithfully (an anchor or alias, an
 * explicit tag, a flow collection over several lines, a path that is not there ...). Nothing was
 * changed. Internal failures (an edit whose result would not read back as intended) are
 * {@link IllegalStateException}s instead: they are bugs, not the file's fault.
 */
public final class YamlEditException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient YamlPath path;
    private final int line;

    /**
     * @param path    the node the edit addressed
     * @param line    1-based line in the document, 0 when not known
     * @param message what is wrong, for a person
     */
    public YamlEditException(YamlPath path, int line, String message) {
        super((line > 0 ? "line " + line + ", " : "") + path + ": " + message);
        this.path = path;
        this.line = line;
    }

    /** The node the edit addressed. */
    public YamlPath path() {
        return path;
    }

    /** 1-based line, 0 when not known. */
    public int line() {
        return line;
    }
}

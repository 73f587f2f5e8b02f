package org.ssmworkbench.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the workbench refuses, with the HTTP status and the JSON body the client gets:
 * {@code {"error": ..., "file": ..., "line": ..., "field": ...}} plus any further members (the two
 * versions of a conflict). File, line and field are given whenever the fault is in the project's input.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Map<String, Object> body;

    private ApiException(int status, String message, Map<String, Object> body) {
        super(message);
        this.status = status;
        this.body = Collections.unmodifiableMap(body);
    }

    /** A refusal with a message and nothing located. */
    public static ApiException of(int status, String message) {
        return located(status, message, null, 0, null);
    }

    /**
     * A refusal located in a project file.
     *
     * @param file  path relative to the project folder ('/' separators), or null
     * @param line  1-based line, 0 when unknown
     * @param field the field path, or null
     */
    public static ApiException located(int status, String message, String file, int line, String field) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("error", message);
        b.put("file", file);
        b.put("line", line > 0 ? line : null);
        b.put("field", field == null || field.isEmpty() ? null : field);
        return new ApiException(status, message, b);
    }

    /** The same refusal with one more member in its body. */
    public ApiException with(String key, Object value) {
        Map<String, Object> b = new LinkedHashMap<>(body);
        b.put(key, value);
        return new ApiException(status, getMessage(), b);
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The JSON body: error, file, line, field and any further members. */
    public Map<String, Object> body() {
        return body;
    }
}

package org.ssmworkbench.io.mq;

import java.util.ArrayList;
import java.util.List;

/**
 * What an import read, skipped and ignored: every file with its SHA-256, every record skipped (file,
 * line, record, reason) and every entry deliberately not imported. Written into the project as
 * {@code import-log.txt}.
 */
public final class ImportLog {

    /**
     * A file read.
     *
     * @param path   path relative to the package folder, '/' separated
     * @param sha256 hex SHA-256 of its bytes
     * @param bytes  its size
     */
    public record FileRead(String path, String sha256, long bytes) {
    }

    private final List<FileRead> files = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private final List<String> ignored = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void read(String path, String sha256, long bytes) {
        files.add(new FileRead(path, sha256, bytes));
    }

    void skip(String where) {
        skipped.add(where);
    }

    void ignore(String what) {
        ignored.add(what);
    }

    void note(String what) {
        notes.add(what);
    }

    /** Files read, in reading order. */
    public List<FileRead> files() {
        return List.copyOf(files);
    }

    /** Records skipped (no intensity or no mass for a metric), one line each. */
    public List<String> skipped() {
        return List.copyOf(skipped);
    }

    /** Entries deliberately not imported (whole-study summaries, files not part of the layout). */
    public List<String> ignored() {
        return List.copyOf(ignored);
    }

    /** How values were chosen (where beliefs and types come from, the combination order). */
    public List<String> notes() {
        return List.copyOf(notes);
    }
}

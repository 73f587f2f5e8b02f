package org.ssmworkbench.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.ssmworkbench.io.InputException;
import org.ssmworkbench.io.save.EditableProject;
import org.ssmworkbench.io.save.SaveConflictException;
import org.ssmworkbench.io.yaml.YamlDocument;
import org.ssmworkbench.io.yaml.YamlEditException;

/**
 * Every save of the workbench (decision 0032): under the workspace's write lock, the versions the client
 * based its edit on are compared with the files as they are (a stale one: 409 with both versions), the
 * edit is drafted and the whole project loaded with it in memory (one that does not load: 422 with file,
 * line and field, nothing written), and only then written atomically with the previous versions kept.
 * The last saves can be undone, newest first.
 */
final class Saves {

    /** Saves that can be undone in this server's life. */
    static final int UNDO_DEPTH = 50;

    /**
     * An edit of some files.
     *
     * @param what    what it does, for people ("edit evidence model S1/e2")
     * @param basedOn the version each file had when the client read it, by relative path
     * @param trees   the new tree of each file to change or create
     * @param removed files to remove
     */
    record Edit(String what, Map<String, String> basedOn, Map<String, JsonNode> trees, Set<String> removed) {
    }

    /** What one save wrote: the text each file had before (null: it was new) and after (null: removed). */
    private record Done(String what, Map<String, String> before, Map<String, String> after) {
    }

    private final Workspace workspace;
    private final Deque<Done> done = new ArrayDeque<>();

    Saves(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Checks and writes an edit; the answer names the files written and every file's new version. */
    Map<String, Object> save(Edit edit) {
        return workspace.write(s -> {
            checkVersions(s, edit);
            EditableProject.Draft d = draft(s, edit.trees(), edit.removed());
            return write(d, edit.what());
        });
    }

    /** The project as an edit would make it, without writing (the checklist preview); 422 if it does not load. */
    EditableProject.Draft preview(Map<String, JsonNode> trees) {
        return draft(workspace.current(), trees, Set.of());
    }

    /** Whether a save can be undone. */
    synchronized boolean canUndo() {
        return !done.isEmpty();
    }

    /** What the next undo would undo, if anything. */
    synchronized String nextUndo() {
        return done.isEmpty() ? null : done.peek().what();
    }

    /**
     * Puts back the files of the last save as they were (a save itself: checked, atomic, the current
     * texts kept in the history). Refused with 409 when a file it wrote has changed since.
     */
    Map<String, Object> undo() {
        return workspace.write(s -> {
            Done last;
            synchronized (this) {
                last = done.peek();
            }
            if (last == null) {
                throw ApiException.of(409, "nothing to undo: no save was made since the workbench started");
            }
            for (Map.Entry<String, String> a : last.after().entrySet()) {
                String now = text(s, a.getKey());
                if (!Objects.equals(now, a.getValue())) {
                    throw ApiException.located(409, a.getKey() + " changed since '" + last.what() + "' saved it;"
                            + " not undone, so as not to lose that change", a.getKey(), 0, null);
                }
            }
            Map<String, String> texts = new LinkedHashMap<>();
            Set<String> removed = new LinkedHashSet<>();
            last.before().forEach((path, text) -> {
                if (text == null) {
                    removed.add(path);
                } else {
                    texts.put(path, text);
                }
            });
            EditableProject.Draft d;
            try {
                d = s.project().draftTexts(texts, removed);
            } catch (InputException e) {
                throw Errors.located(e, workspace.dir());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, Object> out = write(d, null);
            synchronized (this) {
                done.pop();
            }
            out.put("undone", last.what());
            return out;
        });
    }

    private static void checkVersions(Workspace.Snapshot s, Edit edit) {
        for (Map.Entry<String, String> b : edit.basedOn().entrySet()) {
            String path = b.getKey();
            String theirs = s.versions().get(path);
            if (!Objects.equals(theirs, b.getValue())) {
                JsonNode mine = edit.trees().get(path);
                String theirText = text(s, path);
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("version", theirs);
                t.put("text", theirText);
                Map<String, Object> y = new LinkedHashMap<>();
                y.put("version", b.getValue());
                y.put("text", mine == null ? null : onTheirs(theirText, mine));
                throw ApiException.located(409, path + " changed since you opened it (another tab, or an edit in"
                        + " another editor); nothing was saved. Compare both versions and keep yours or take"
                        + " theirs", path, 0, null).with("theirs", t).with("yours", y);
            }
        }
    }

    /** Your edit written onto their text: what "keep mine" would save (your tree alone if it cannot be). */
    private static String onTheirs(String theirs, JsonNode mine) {
        if (theirs != null) {
            try {
                return YamlDocument.parse(theirs).rewrite(mine).text();
            } catch (YamlEditException e) {
                // shown as a tree below
            }
        }
        return YamlDocument.of(mine).text();
    }

    private EditableProject.Draft draft(Workspace.Snapshot s, Map<String, JsonNode> trees, Set<String> removed) {
        try {
            return s.project().draft(trees, removed);
        } catch (InputException e) {
            throw Errors.located(e, workspace.dir());
        } catch (YamlEditException e) {
            String msg = e.getMessage();
            String file = msg.contains(": ") ? msg.substring(0, msg.indexOf(": ")) : null;
            throw ApiException.located(422, msg, file, e.line(), e.path().isRoot() ? null : e.path().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> write(EditableProject.Draft d, String what) {
        EditableProject.Saved saved;
        try {
            saved = EditableProject.save(d);
        } catch (SaveConflictException e) {
            throw ApiException.located(409, e.getMessage(), e.files().get(0), 0, null).with("files", e.files());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (what != null && !saved.written().isEmpty()) {
            Map<String, String> before = new LinkedHashMap<>();
            Map<String, String> after = new LinkedHashMap<>();
            for (EditableProject.FileChange c : d.changes()) {
                before.put(c.path(), c.before());
                after.put(c.path(), c.after());
            }
            synchronized (this) {
                done.push(new Done(what, before, after));
                while (done.size() > UNDO_DEPTH) {
                    done.removeLast();
                }
            }
        }
        workspace.written(d.result());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("written", saved.written());
        out.put("versions", d.result().versions());
        return out;
    }

    private static String text(Workspace.Snapshot s, String path) {
        Path p = s.project().dir().resolve(path);
        try {
            return Files.isRegularFile(p) ? Files.readString(p, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.ssmworkbench.io.save;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ssmworkbench.io.Sha256;
import org.ssmworkbench.io.project.Project;
import org.ssmworkbench.io.project.ProjectLoader;
import org.ssmworkbench.io.project.ProjectSources;
import org.ssmworkbench.io.yaml.YamlDocument;
import org.ssmworkbench.io.yaml.YamlEditException;

/**
 * A project as an editor holds it: the loaded {@link Project} in domain types, the tree of each file
 * as the model gives it (keys as in the files, see {@link ProjectTrees}), and the version of each file
 * read (its SHA-256 when it was read). The files as parsed stay inside this module. Immutable.
 *
 * <p>An edit is validated before anything is written (decision 0032): {@link #draft} renders the new
 * text of each changed file (keeping comments and layout, {@link YamlDocument#rewrite}) and loads the
 * whole project with those texts in place of the files; only a draft that loads can be
 * {@linkplain #save saved}, and the save refuses any file whose bytes on disk are no longer the version
 * the draft was made from.
 */
public final class EditableProject {

    private final ProjectLoader loader;
    private final ProjectSources sources;
    private final Map<String, String> versions;
    private final Map<String, JsonNode> trees;

    private EditableProject(ProjectLoader loader, ProjectSources sources) {
        this.loader = loader;
        this.sources = sources;
        Map<String, String> v = new LinkedHashMap<>();
        for (org.ssmworkbench.core.synthesis.Provenance.Input f : sources.project().inputs()) {
            v.putIfAbsent(f.path(), f.sha256());
        }
        this.versions = Collections.unmodifiableMap(v);
        this.trees = Collections.unmodifiableMap(ProjectTrees.of(ProjectContent.of(sources)));
    }

    /**
     * Loads the project in {@code dir}.
     *
     * @throws org.ssmworkbench.io.InputException for anything wrong in the files, located
     */
    public static EditableProject load(ProjectLoader loader, Path dir) {
        return new EditableProject(loader, loader.loadSources(dir));
    }

    /** The project. */
    public Project project() {
        return sources.project();
    }

    /** The project folder. */
    public Path dir() {
        return sources.dir();
    }

    /** Each file read (relative path, '/' separators) with its version: the SHA-256 of its bytes as read. */
    public Map<String, String> versions() {
        return versions;
    }

    /** The version of one file as read, if the project read it. */
    public Optional<String> version(String path) {
        return Optional.ofNullable(versions.get(path));
    }

    /** The files the model writes (synthesis.yaml, the checklist, one per study), relative paths. */
    public Set<String> files() {
        return trees.keySet();
    }

    /** A copy of one file's tree as the model gives it, if the model writes that file. */
    public Optional<JsonNode> tree(String path) {
        return Optional.ofNullable(trees.get(path)).map(JsonNode::deepCopy);
    }

    /**
     * One file of a draft.
     *
     * @param path   relative to the project folder
     * @param before its text on disk, or null for a new file
     * @param after  its text after the edit, or null when the edit removes the file
     */
    public record FileChange(String path, String before, String after) {

        /** Whether the edit changes this file. */
        public boolean changed() {
            return after == null ? before != null : !after.equals(before);
        }
    }

    /**
     * An edit that loads: the new texts, and the project as it would be.
     *
     * @param base    the project the edit was made on
     * @param changes the files the edit changes, in writing order (new, edited, synthesis.yaml, removed)
     * @param result  the project loaded with the new texts (not yet on disk)
     */
    public record Draft(EditableProject base, List<FileChange> changes, EditableProject result) {

        /** The project as it would be, in domain types. */
        public Project project() {
            return result.project();
        }
    }

    /**
     * Renders and checks an edit; nothing is written.
     *
     * @param changed the new tree of each file to change or create, by relative path
     * @param removed files to remove (a study taken out of the project)
     * @throws org.ssmworkbench.io.InputException when the project would not load (located in the new text)
     * @throws YamlEditException                  when a file cannot be edited faithfully
     */
    public Draft draft(Map<String, JsonNode> changed, Set<String> removed) throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : changed.entrySet()) {
            String path = e.getKey();
            String before = text(path);
            try {
                texts.put(path, before == null ? YamlDocument.of(e.getValue(), studyLayout(path)).text()
                        : YamlDocument.parse(before).rewrite(e.getValue()).text());
            } catch (YamlEditException x) {
                throw new YamlEditException(x.path(), x.line(), path + ": " + x.getMessage());
            }
        }
        return draftTexts(texts, removed);
    }

    /**
     * Checks an edit given as whole file texts (undo puts earlier versions back this way); nothing is
     * written.
     *
     * @param texts   the new text of each file to change or create, by relative path
     * @param removed files to remove
     * @throws org.ssmworkbench.io.InputException when the project would not load
     */
    public Draft draftTexts(Map<String, String> texts, Set<String> removed) throws IOException {
        List<FileChange> created = new ArrayList<>();
        List<FileChange> edited = new ArrayList<>();
        List<FileChange> last = new ArrayList<>();
        Map<String, byte[]> overlay = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : texts.entrySet()) {
            String path = e.getKey();
            String before = text(path);
            overlay.put(path, e.getValue().getBytes(StandardCharsets.UTF_8));
            FileChange c = new FileChange(path, before, e.getValue());
            (before == null ? created : path.equals(ProjectLoader.SYNTHESIS_FILE) ? last : edited).add(c);
        }
        List<FileChange> gone = new ArrayList<>();
        for (String path : removed) {
            String before = text(path);
            if (before != null) {
                gone.add(new FileChange(path, before, null));
            }
        }
        EditableProject result = new EditableProject(loader, loader.loadSources(dir(), overlay));
        List<FileChange> all = new ArrayList<>(created);
        all.addAll(edited);
        all.addAll(last);
        all.addAll(gone);
        return new Draft(this, all.stream().filter(FileChange::changed).toList(), result);
    }

    /** A project file's text on disk, or null when there is none. */
    private String text(String path) throws IOException {
        Path file = dir().resolve(path).normalize();
        if (!file.startsWith(dir())) {
            throw new IllegalArgumentException(path + " lies outside the project folder");
        }
        return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    }

    /** The layout of a new study file: the project's first study file, if it parses. */
    private YamlDocument studyLayout(String path) throws IOException {
        if (!path.startsWith("studies/")) {
            return null;
        }
        for (String f : trees.keySet()) {
            Path p = dir().resolve(f);
            if (f.startsWith("studies/") && Files.isRegularFile(p)) {
                try {
                    return YamlDocument.parse(Files.readString(p, StandardCharsets.UTF_8));
                } catch (YamlEditException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /**
     * Writes a draft: each changed file replaced atomically, its previous version kept under
     * {@code .ssm/history/}; new files first, synthesis.yaml after the others, removed files last, so an
     * interrupted save leaves a project that loads.
     *
     * @throws SaveConflictException when a file changed on disk since the draft's project was read, or a
     *                               file to create is there already; nothing is written
     */
    public static Saved save(Draft draft) throws IOException {
        return save(draft, new AtomicFiles(draft.base().dir(), AtomicFiles.KEEP, Clock.systemUTC()));
    }

    /** As {@link #save(Draft)}, through the given files. */
    static Saved save(Draft draft, AtomicFiles files) throws IOException {
        List<String> conflicts = new ArrayList<>();
        for (FileChange c : draft.changes()) {
            Path p = draft.base().dir().resolve(c.path());
            byte[] now = Files.isRegularFile(p) ? Files.readAllBytes(p) : null;
            String was = c.before();
            boolean same = was == null ? now == null
                    : now != null && Sha256.hex(now).equals(draft.base().version(c.path())
                            .orElse(Sha256.hex(was.getBytes(StandardCharsets.UTF_8))))
                            && new String(now, StandardCharsets.UTF_8).equals(was);
            if (!same) {
                conflicts.add(c.path());
            }
        }
        if (!conflicts.isEmpty()) {
            throw new SaveConflictException(conflicts, String.join(", ", conflicts)
                    + " changed on disk since the project was read; nothing was saved");
        }
        List<String> written = new ArrayList<>();
        Map<String, Path> previous = new LinkedHashMap<>();
        for (FileChange c : draft.changes()) {
            Path kept = c.after() == null ? files.remove(c.path())
                    : files.write(c.path(), c.after().getBytes(StandardCharsets.UTF_8));
            written.add(c.path());
            if (kept != null) {
                previous.put(c.path(), kept);
            }
        }
        return new Saved(written, previous);
    }

    /**
     * What a save wrote.
     *
     * @param written  files written or removed, in order
     * @param previous where each replaced or removed file's previous version went
     */
    public record Saved(List<String> written, Map<String, Path> previous) {

        /** Defensive copies. */
        public Saved {
            written = List.copyOf(written);
            previous = Collections.unmodifiableMap(new LinkedHashMap<>(previous));
        }
    }
}

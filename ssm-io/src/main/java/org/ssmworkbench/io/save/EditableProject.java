package org.ssmworkbench.io.save;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.ssmworkbench.io.project.Project;
import org.ssmworkbench.io.project.ProjectLoader;
import org.ssmworkbench.io.project.ProjectSources;

/**
 * A project as an editor holds it: the loaded {@link Project} in domain types, and the version of each
 * file read (its SHA-256 when it was read), with the files as parsed kept inside this module so that a
 * save can write the model back. Immutable; an edit gives a new one.
 */
public final class EditableProject {

    private final ProjectSources sources;
    private final Map<String, String> versions;

    private EditableProject(ProjectSources sources) {
        this.sources = sources;
        Map<String, String> v = new LinkedHashMap<>();
        for (Project.InputFile f : sources.project().inputs()) {
            v.putIfAbsent(f.path(), f.sha256());
        }
        this.versions = Collections.unmodifiableMap(v);
    }

    /**
     * Loads the project in {@code dir}.
     *
     * @throws org.ssmworkbench.io.InputException for anything wrong in the files, located
     */
    public static EditableProject load(ProjectLoader loader, Path dir) {
        return new EditableProject(loader.loadSources(dir));
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

    /** The files as read, for the writer. */
    ProjectSources sources() {
        return sources;
    }
}

package org.ssmworkbench.io.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ssmworkbench.core.synthesis.Provenance;
import org.ssmworkbench.io.InputException;
import org.ssmworkbench.io.Sha256;

/**
 * The project folder as the loader sees it: the only place files are read from. A file named in
 * the project must lie inside the folder, both as written and after following links (its real
 * path); a file outside is refused before a byte of it is read, so no message can quote it.
 */
final class ProjectFolder {

    private final Path dir;
    private final Path real;
    private final Map<Path, byte[]> overlay;
    /** The short texts the files read from this folder share (one load reads through one folder). */
    private final TextPool texts = new TextPool();

    /** @param dir an existing folder, absolute and normalized */
    ProjectFolder(Path dir) {
        this(dir, Map.of());
    }

    /**
     * A folder some of whose files are read from memory instead of the disk (a save checks the project
     * as it would be before writing it): {@code overlay} maps paths relative to the folder ('/'
     * separators) to their would-be bytes; a file there need not exist on disk.
     */
    ProjectFolder(Path dir, Map<String, byte[]> overlay) {
        this.dir = dir;
        Map<Path, byte[]> o = new HashMap<>();
        overlay.forEach((k, v) -> {
            Path p = dir.resolve(k).normalize();
            if (!p.startsWith(dir)) {
                throw new IllegalArgumentException(k + " lies outside the project folder");
            }
            o.put(p, v.clone());
        });
        this.overlay = o;
        try {
            this.real = dir.toRealPath();
        } catch (IOException e) {
            throw new InputException(dir, 0, "", "cannot read the folder: " + e.getMessage(), e);
        }
    }

    Path dir() {
        return dir;
    }

    /** The pool of short texts shared by the files read from this folder. */
    TextPool texts() {
        return texts;
    }

    /** A file's path relative to the folder, with '/' separators. */
    String relative(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return (abs.startsWith(dir) ? dir.relativize(abs) : abs).toString().replace('\\', '/');
    }

    /** The file a project file names at {@code at}, refused when it lies outside the folder. */
    Path inside(ParsedFile<?> doc, List<Object> at, String relative) {
        Path p = dir.resolve(relative).normalize();
        if (!p.startsWith(dir)) {
            throw doc.error(at, "'" + relative + "' lies outside the project folder");
        }
        if (Files.exists(p) && !realInside(p)) {
            throw doc.error(at, "'" + relative + "' is a link to a file outside the project folder; copy the file"
                    + " into the project instead");
        }
        return p;
    }

    /** Whether the real path of an existing file lies inside the folder. */
    private boolean realInside(Path p) {
        try {
            return p.toRealPath().startsWith(real);
        } catch (IOException e) {
            return false;
        }
    }

    /** Refuses a file whose real path lies outside the folder. */
    void confine(Path file) {
        if (!realInside(file)) {
            throw new InputException(file, 0, "", "this file is a link to a file outside the project folder, which is"
                    + " not read; copy the file into the project instead");
        }
    }

    /** Whether a project file exists (in the overlay, or on disk as a regular file). */
    boolean isFile(Path file) {
        return overlay.containsKey(file.toAbsolutePath().normalize()) || Files.isRegularFile(file);
    }

    /** The bytes of a project file (the overlay's, else confined, at most {@link YamlReader#MAX_BYTES}). */
    byte[] read(Path file) {
        byte[] mine = overlay.get(file.toAbsolutePath().normalize());
        if (mine != null) {
            if (mine.length > YamlReader.MAX_BYTES) {
                throw new InputException(file, 0, "", YamlReader.tooLarge(mine.length));
            }
            return mine.clone();
        }
        try {
            long size = Files.size(file);
            confine(file);
            if (size > YamlReader.MAX_BYTES) {
                throw new InputException(file, 0, "", YamlReader.tooLarge(size));
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(file, 0, "", "no such file");
        } catch (IOException e) {
            throw new InputException(file, 0, "", "cannot read: " + e.getMessage(), e);
        }
    }

    /** The provenance record of a file read (path, SHA-256, size). */
    Provenance.Input describe(Path file, byte[] bytes) {
        return new Provenance.Input(relative(file), Sha256.hex(bytes), bytes.length);
    }

    /** The provenance record of a file read by someone else (a measurement file), hashed streaming. */
    Provenance.Input describe(Path file) {
        try {
            return new Provenance.Input(relative(file), Sha256.hex(file), Files.size(file));
        } catch (IOException e) {
            throw new InputException(file, 0, "", "cannot read: " + e.getMessage(), e);
        }
    }
}

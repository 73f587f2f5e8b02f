package org.ssmworkbench.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.ssmworkbench.core.belief.EvidenceException;
import org.ssmworkbench.core.synthesis.SynthesisResult;
import org.ssmworkbench.core.synthesis.Synthesizer;
import org.ssmworkbench.io.InputException;
import org.ssmworkbench.io.Sha256;
import org.ssmworkbench.io.measurements.MeasurementReader;
import org.ssmworkbench.io.project.ProjectLoader;
import org.ssmworkbench.io.save.EditableProject;

/**
 * The project a workbench serves. The files on disk are the only truth: the project is loaded once and
 * loaded again when any file it read (or the folder listing) changed, checked with one stat per file on
 * each request, so a hand edit in an editor shows up on the next request. Saves run one at a time under
 * one write lock.
 */
public final class Workspace {

    /**
     * The project as loaded, with its result.
     *
     * @param project the project and the version of each file read
     * @param result  the synthesis result of the project as it stands
     */
    public record Snapshot(EditableProject project, SynthesisResult result) {

        /** Each file read, with its version (SHA-256). */
        public Map<String, String> versions() {
            return project.versions();
        }
    }

    private record Loaded(Snapshot snapshot, RuntimeException failure, FileStamps stamps) {
    }

    private final Path dir;
    private final ProjectLoader loader;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final Object loading = new Object();
    private volatile Loaded loaded;
    private Loaded writtenNow;

    /** A workspace over the project folder {@code dir}; nothing is read until the first request. */
    public Workspace(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
        this.loader = new ProjectLoader(MeasurementReader::summarizeOne);
    }

    /** The project folder (absolute, normalized). */
    public Path dir() {
        return dir;
    }

    /** The loader the workspace reads with (thread-safe). */
    public ProjectLoader loader() {
        return loader;
    }

    /**
     * The project as it stands on disk now.
     *
     * @throws InputException     when the files do not load (located)
     * @throws EvidenceException  when the evidence cannot be combined (total conflict)
     */
    public Snapshot current() {
        Loaded l = loaded;
        if (l == null || !l.stamps().unchanged()) {
            synchronized (loading) {
                l = loaded;
                if (l == null || !l.stamps().unchanged()) {
                    l = load();
                    loaded = l;
                }
            }
        }
        if (l.failure() != null) {
            throw l.failure();
        }
        return l.snapshot();
    }

    /**
     * Runs a change under the write lock, on the project as it stands; afterwards the project is read
     * again (or taken from {@link #written}); the change's answer is returned.
     */
    public <T> T write(Function<Snapshot, T> change) {
        writeLock.lock();
        try {
            synchronized (loading) {
                writtenNow = null;
            }
            T out;
            try {
                out = change.apply(current());
            } finally {
                synchronized (loading) {
                    loaded = writtenNow;
                    writtenNow = null;
                }
            }
            return out;
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Within {@link #write}: the project as a save just wrote it (loaded from the same bytes before
     * writing), so that it need not be read again; ignored unless every file it read is on disk as it
     * read it.
     */
    public void written(EditableProject p) {
        if (!writeLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("written() outside write()");
        }
        FileStamps stamps = FileStamps.of(dir, p.versions().keySet());
        if (!asRead(p)) {
            return;
        }
        try {
            Loaded l = new Loaded(new Snapshot(p, Synthesizer.run(p.project().synthesis())), null, stamps);
            synchronized (loading) {
                writtenNow = l;
            }
        } catch (EvidenceException e) {
            // read it again, then, and report it from there
        }
    }

    private Loaded load() {
        for (int attempt = 0;; attempt++) {
            EditableProject p;
            try {
                p = EditableProject.load(loader, dir);
            } catch (InputException | EvidenceException e) {
                return new Loaded(null, e, FileStamps.ofFolder(dir));
            }
            FileStamps stamps = FileStamps.of(dir, p.versions().keySet());
            // a file changed between reading and stamping: its stamp would hide the change, so read again
            if (attempt < 3 && !asRead(p)) {
                continue;
            }
            try {
                return new Loaded(new Snapshot(p, Synthesizer.run(p.project().synthesis())), null, stamps);
            } catch (EvidenceException e) {
                return new Loaded(null, e, stamps);
            }
        }
    }

    private boolean asRead(EditableProject p) {
        for (Map.Entry<String, String> v : p.versions().entrySet()) {
            if (!v.getKey().endsWith(".yaml")) {
                continue; // measurement files are not edited here; their stamps still catch a change
            }
            try {
                if (!Sha256.hex(Files.readAllBytes(dir.resolve(v.getKey()))).equals(v.getValue())) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}

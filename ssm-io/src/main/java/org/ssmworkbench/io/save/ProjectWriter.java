package org.ssmworkbench.io.save;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ssmworkbench.core.synthesis.Provenance;
import org.ssmworkbench.io.Sha256;
import org.ssmworkbench.io.project.Project;
import org.ssmworkbench.io.project.ProjectLoader;
import org.ssmworkbench.io.yaml.YamlDocument;
import org.ssmworkbench.io.yaml.YamlEditException;
import org.ssmworkbench.io.yaml.YamlPath;

/**
 * Writes a project's model back to its files, keeping what a person wrote: each file is edited only
 * where the model differs from it (see {@link YamlDocument#rewrite}), so an unchanged model leaves
 * every file untouched and one change changes only its lines, keeping comments, key order, quoting and
 * layout of the rest. New study files are laid out like the project's first study file.
 *
 * <p>A save computes every file's new text first and writes nothing when any file cannot be edited
 * faithfully ({@link YamlEditException}) or changed on disk since the project was read (its SHA-256
 * differs from the one recorded when it was loaded: {@link SaveConflictException}). Each file is then
 * replaced atomically with its previous version kept ({@link AtomicFiles}); new files are written
 * first and synthesis.yaml last, so a save interrupted between files leaves a project that loads.
 */
public final class ProjectWriter {

    private final int keep;
    private final Clock clock;

    /** A writer keeping {@link AtomicFiles#KEEP} previous versions of each file. */
    public ProjectWriter() {
        this(AtomicFiles.KEEP, Clock.systemUTC());
    }

    /**
     * @param keep  previous versions kept per file
     * @param clock the time stamped on kept versions
     */
    public ProjectWriter(int keep, Clock clock) {
        this.keep = keep;
        this.clock = clock;
    }

    /**
     * One file's text before and after.
     *
     * @param path   relative to the project folder, '/' separators
     * @param before the text on disk, or null for a new file
     * @param after  the text the model gives
     */
    public record FileText(String path, String before, String after) {

        /** Whether saving writes this file. */
        public boolean changed() {
            return !after.equals(before);
        }
    }

    /**
     * What a save wrote.
     *
     * @param written  files written, in writing order
     * @param previous where each replaced file's previous version went (absent for new files)
     */
    public record Saved(List<String> written, Map<String, Path> previous) {
    }

    /** The text every file of the model would have, from the files on disk; nothing is written. */
    public List<FileText> render(ProjectContent project) throws IOException {
        List<FileText> out = new ArrayList<>();
        YamlDocument studyLayout = null;
        for (String id : project.studies().keySet()) {
            Path p = project.dir().resolve(ProjectTrees.studyPath(id));
            if (Files.isRegularFile(p)) {
                try {
                    studyLayout = YamlDocument.parse(Files.readString(p, StandardCharsets.UTF_8));
                    break;
                } catch (YamlEditException | IOException e) {
                    studyLayout = null;
                }
            }
        }
        for (Map.Entry<String, JsonNode> f : ProjectTrees.of(project).entrySet()) {
            Path p = project.dir().resolve(f.getKey());
            if (!Files.exists(p)) {
                out.add(new FileText(f.getKey(), null, YamlDocument.of(f.getValue(),
                        f.getKey().startsWith("studies/") ? studyLayout : null).text()));
                continue;
            }
            byte[] bytes = Files.readAllBytes(p);
            String before = new String(bytes, StandardCharsets.UTF_8);
            YamlDocument doc;
            try {
                doc = YamlDocument.parse(before).rewrite(f.getValue());
            } catch (YamlEditException e) {
                throw new YamlEditException(e.path(), e.line(), f.getKey() + ": " + e.getMessage());
            }
            if (!doc.text().equals(before) && !validUtf8(bytes)) {
                throw new YamlEditException(YamlPath.ROOT, 0, f.getKey() + ": the file is not valid UTF-8;"
                        + " saving would replace the bytes that are not. Fix its encoding first");
            }
            out.add(new FileText(f.getKey(), before, doc.text()));
        }
        return out;
    }

    /**
     * Writes every file whose text the model changes.
     *
     * @throws SaveConflictException when a file to write changed on disk since the project was read, or
     *                               a file to create was not part of the project as read but exists
     * @throws YamlEditException     when a file cannot be edited faithfully (nothing is written)
     */
    public Saved save(ProjectContent project) throws IOException {
        List<FileText> texts = render(project);
        Map<String, String> read = new HashMap<>();
        for (Provenance.Input i : project.inputs()) {
            read.put(i.path(), i.sha256());
        }
        List<String> changedOnDisk = new ArrayList<>();
        List<String> notRead = new ArrayList<>();
        List<FileText> created = new ArrayList<>();
        List<FileText> edited = new ArrayList<>();
        FileText main = null;
        for (FileText t : texts) {
            if (!t.changed()) {
                continue;
            }
            if (t.before() != null) {
                String sha = read.get(t.path());
                if (sha == null) {
                    notRead.add(t.path());
                } else if (!sha.equals(Sha256.hex(Files.readAllBytes(project.dir().resolve(t.path()))))) {
                    changedOnDisk.add(t.path());
                }
            }
            if (t.before() == null) {
                created.add(t);
            } else if (t.path().equals(ProjectLoader.SYNTHESIS_FILE)) {
                main = t;
            } else {
                edited.add(t);
            }
        }
        if (!changedOnDisk.isEmpty()) {
            throw new SaveConflictException(changedOnDisk, String.join(", ", changedOnDisk) + (changedOnDisk.size() == 1
                    ? " changed" : " changed") + " on disk since the project was read; nothing was saved. Reload the"
                    + " project (the edit on disk is kept) and make the change again");
        }
        if (!notRead.isEmpty()) {
            throw new SaveConflictException(notRead, String.join(", ", notRead) + ": there already, but not part of"
                    + " the project as read; nothing was saved, so as not to overwrite it");
        }
        AtomicFiles files = new AtomicFiles(project.dir(), keep, clock);
        List<String> written = new ArrayList<>();
        Map<String, Path> previous = new HashMap<>();
        List<FileText> order = new ArrayList<>(created);
        order.addAll(edited);
        if (main != null) {
            order.add(main);
        }
        for (FileText t : order) {
            Path kept = files.write(t.path(), t.after().getBytes(StandardCharsets.UTF_8));
            written.add(t.path());
            if (kept != null) {
                previous.put(t.path(), kept);
            }
        }
        return new Saved(List.copyOf(written), Map.copyOf(previous));
    }

    private static boolean validUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}

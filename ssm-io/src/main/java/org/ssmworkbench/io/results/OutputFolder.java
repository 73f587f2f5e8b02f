package org.ssmworkbench.io.results;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import org.ssmworkbench.io.InputException;

/**
 * Writes a set of files as one folder, all or nothing: into a temporary sibling first, then moved into
 * place. An existing output folder is replaced only if it holds nothing but files this tool writes
 * (so a mistyped --out never deletes someone's data).
 */
public final class OutputFolder {

    private OutputFolder() {
    }

    /**
     * Every top-level name any `ssm` command writes into an output folder. An existing folder may hold
     * these (and the caller's {@code ours}); anything else makes the write refuse.
     */
    public static final java.util.Set<String> TOOL_OUTPUTS = java.util.Set.of("results.json", "results.csv",
            "sensitivity.json", "sensitivity.csv", "report.html", "findings.csv", "summary.tex", "evidence.tex",
            "figures");

    /**
     * Writes the files (name → bytes) into folder {@code out}, all or nothing. Outputs of other
     * commands already in the folder (e.g. sensitivity.json when writing results.json) are kept;
     * every top-level entry this write produces is replaced whole (a figures/ folder included).
     *
     * @param ours names of files this tool may replace in an existing folder, besides {@link #TOOL_OUTPUTS}
     * @return the top-level names kept from earlier writes (not written now), sorted: outputs of other
     *         commands, which may describe an earlier state of the project (see {@link #keptNote})
     * @throws InputException if {@code out} exists and holds anything else
     * @throws IOException if writing fails (nothing is left half written)
     */
    public static java.util.List<String> write(Path out, Map<String, byte[]> files, java.util.Set<String> ours)
            throws IOException {
        return write(out, files, Map.of(), ours);
    }

    /** Content written straight to its file (for outputs too large to hold in memory). */
    @FunctionalInterface
    public interface Streamed {
        /** Writes the content; the stream is buffered and closed by the caller. */
        void writeTo(java.io.OutputStream out) throws IOException;
    }

    /**
     * As {@link #write(Path, Map, java.util.Set)}, with some files streamed into the temporary folder
     * instead of held as bytes; all or nothing as well.
     *
     * @return the top-level names kept from earlier writes, as {@link #write(Path, Map, java.util.Set)}
     */
    public static java.util.List<String> write(Path out, Map<String, byte[]> files, Map<String, Streamed> streamed,
            java.util.Set<String> ours) throws IOException {
        // held bytes are written as any streamed content, in order: files first, a streamed name last
        Map<String, Streamed> all = new java.util.LinkedHashMap<>();
        files.forEach((name, bytes) -> all.put(name, o -> o.write(bytes)));
        all.putAll(streamed);
        java.util.List<String> kept = new java.util.ArrayList<>();
        Path target = out.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (Files.exists(target)) {
            if (!Files.isDirectory(target)) {
                throw new InputException(target, 0, "", "exists and is not a folder; choose another --out");
            }
            try (var s = Files.list(target)) {
                var foreign = s.map(p -> p.getFileName().toString())
                        .filter(n -> !ours.contains(n) && !TOOL_OUTPUTS.contains(n)).sorted().findFirst();
                if (foreign.isPresent()) {
                    throw new InputException(target, 0, "", "exists and holds '" + foreign.get()
                            + "', which this tool did not write; choose another --out or empty the folder");
                }
            }
        }
        for (Path up = parent; up != null; up = up.getParent()) {
            if (Files.exists(up)) {
                if (!Files.isDirectory(up)) {
                    throw new InputException(up, 0, "", "is a file, so " + InputException.display(target)
                            + " cannot be created below it; choose another --out");
                }
                break;
            }
        }
        Files.createDirectories(parent);
        // not createTempDirectory: its owner-only permissions would stick to the moved folder
        Path tmp = parent.resolve("." + target.getFileName() + ".tmp-" + Long.toHexString(System.nanoTime()));
        Files.createDirectory(tmp);
        try {
            for (Map.Entry<String, Streamed> f : all.entrySet()) {
                Path file = tmp.resolve(f.getKey()).normalize();
                if (!file.startsWith(tmp)) {
                    throw new IllegalArgumentException("output name '" + f.getKey() + "' leaves the folder");
                }
                Files.createDirectories(file.getParent());
                // held bytes go out in one write; a buffer of its own per file was 1.3 GB of garbage for the
                // 20,000 figures of a large report
                boolean held = files.containsKey(f.getKey()) && !streamed.containsKey(f.getKey());
                try (java.io.OutputStream o = held ? Files.newOutputStream(file)
                        : new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                    f.getValue().writeTo(o);
                }
            }
            if (Files.isDirectory(target)) {
                // keep the other commands' outputs: copy what this write does not replace
                java.util.Set<String> written = new java.util.HashSet<>();
                for (String name : all.keySet()) {
                    written.add(Path.of(name).normalize().getName(0).toString());
                }
                try (var s = Files.list(target)) {
                    for (Path keep : (Iterable<Path>) s.sorted()::iterator) {
                        if (!written.contains(keep.getFileName().toString())) {
                            copyRecursively(keep, tmp.resolve(keep.getFileName().toString()));
                            kept.add(keep.getFileName().toString());
                        }
                    }
                }
            }
            Path old = null;
            if (Files.exists(target)) {
                old = parent.resolve("." + target.getFileName() + ".old-" + Long.toHexString(System.nanoTime()));
                move(target, old);
            }
            try {
                move(tmp, target);
            } catch (IOException e) {
                if (old != null) {
                    move(old, target);
                }
                throw e;
            }
            if (old != null) {
                deleteRecursively(old);
            }
        } finally {
            if (Files.exists(tmp)) {
                deleteRecursively(tmp);
            }
        }
        return java.util.List.copyOf(kept);
    }

    /**
     * What to tell the user about outputs kept from an earlier command, or empty when none were:
     * "kept from an earlier command, not rewritten now: sensitivity.csv, sensitivity.json (they describe
     * the project as it was then; each records its inputs' SHA-256)".
     */
    public static java.util.Optional<String> keptNote(java.util.List<String> kept) {
        if (kept.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("kept from an earlier command, not rewritten now: " + String.join(", ", kept)
                + " (they describe the project as it was then; each records its inputs' SHA-256)");
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        if (Files.isDirectory(from)) {
            Files.createDirectories(to);
            try (var s = Files.list(from)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    copyRecursively(p, to.resolve(p.getFileName().toString()));
                }
            }
        } else {
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    /** Why an I/O operation failed, in words (Java's messages for these are often just the path). */
    public static String describe(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException a) {
            return "permission denied" + (a.getFile() == null ? "" : " (" + a.getFile() + ")");
        }
        if (e instanceof java.nio.file.NoSuchFileException n) {
            return "no such file or folder" + (n.getFile() == null ? "" : " (" + n.getFile() + ")");
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException f) {
            return "already exists" + (f.getFile() == null ? "" : " (" + f.getFile() + ")");
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason() + (f.getFile() == null ? "" : " (" + f.getFile() + ")");
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteRecursively(Path p) throws IOException {
        Files.walkFileTree(p, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}

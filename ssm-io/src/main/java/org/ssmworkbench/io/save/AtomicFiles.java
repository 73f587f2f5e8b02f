package org.ssmworkbench.io.save;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Replaces files atomically and keeps their previous versions (decision 0014): the new bytes go to a
 * temporary file in the same folder, are forced to disk, and are moved over the old file in one step,
 * so a reader sees the old file or the new one, never a part. Before that, the old bytes are copied to
 * {@code .ssm/history/<path>/<NNNNNN>-<UTC time>.yaml} under the project folder; the newest
 * {@link #keep} versions of each file are kept.
 */
public final class AtomicFiles {

    /** The history folder, relative to the project folder. */
    public static final String HISTORY = ".ssm/history";

    /** Versions kept per file by default. */
    public static final int KEEP = 20;

    private static final Pattern VERSION = Pattern.compile("(\\d{6})-.*");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path dir;
    private final int keep;
    private final Clock clock;

    /**
     * @param dir   the project folder
     * @param keep  previous versions kept per file (0: none)
     * @param clock the time stamped on versions
     */
    public AtomicFiles(Path dir, int keep, Clock clock) {
        if (keep < 0) {
            throw new IllegalArgumentException("keep must be >= 0: " + keep);
        }
        this.dir = dir.toAbsolutePath().normalize();
        this.keep = keep;
        this.clock = clock;
    }

    /**
     * Writes a file of the project (relative path, '/' separators), keeping its previous version.
     *
     * @return the previous version's path in the history, or null when the file is new or none are kept
     */
    public Path write(String relative, byte[] bytes) throws IOException {
        Path target = dir.resolve(relative).normalize();
        if (!target.startsWith(dir)) {
            throw new IllegalArgumentException(relative + " lies outside the project folder");
        }
        Path kept = null;
        if (Files.exists(target)) {
            target = target.toRealPath();
            if (!target.startsWith(dir.toRealPath())) {
                throw new IOException(relative + " links to a file outside the project folder; not written");
            }
            kept = keepVersion(relative, target);
        }
        replace(target, bytes);
        return kept;
    }

    /**
     * Puts a kept version of a file back (undo); the file as it is now becomes a kept version itself,
     * so a restore can be undone in turn.
     *
     * @param version one of {@link #versions(String)}
     * @return where the replaced file's bytes went, or null when none are kept
     */
    public Path restore(String relative, Path version) throws IOException {
        Path d = dir.resolve(HISTORY).resolve(relative).normalize();
        Path v = version.toAbsolutePath().normalize();
        if (!v.startsWith(d) || !VERSION.matcher(v.getFileName().toString()).matches()) {
            throw new IllegalArgumentException(version + " is not a kept version of " + relative);
        }
        return write(relative, Files.readAllBytes(v));
    }

    /**
     * Removes a file of the project, keeping its last version like a write does.
     *
     * @return where its bytes went, or null when none are kept or there was no file
     */
    public Path remove(String relative) throws IOException {
        Path target = dir.resolve(relative).normalize();
        if (!target.startsWith(dir)) {
            throw new IllegalArgumentException(relative + " lies outside the project folder");
        }
        if (!Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        Path kept = Files.isRegularFile(target, java.nio.file.LinkOption.NOFOLLOW_LINKS) ? keepVersion(relative, target)
                : null;
        Files.delete(target);
        return kept;
    }

    /** The previous versions of a file, oldest first. */
    public List<Path> versions(String relative) throws IOException {
        Path d = dir.resolve(HISTORY).resolve(relative);
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(p -> VERSION.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
    }

    private Path keepVersion(String relative, Path current) throws IOException {
        if (keep == 0) {
            return null;
        }
        List<Path> old = versions(relative);
        int next = 1;
        if (!old.isEmpty()) {
            Matcher m = VERSION.matcher(old.get(old.size() - 1).getFileName().toString());
            next = m.matches() ? Integer.parseInt(m.group(1)) + 1 : 1;
        }
        Path d = dir.resolve(HISTORY).resolve(relative);
        Files.createDirectories(d);
        String name = relative.substring(relative.lastIndexOf('/') + 1);
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.')) : "";
        Path version = d.resolve(String.format("%06d-%s%s", next, STAMP.format(clock.instant()), ext));
        replace(version, Files.readAllBytes(current));
        List<Path> all = new ArrayList<>(old);
        all.add(version);
        for (int i = 0; i < all.size() - keep; i++) {
            Files.deleteIfExists(all.get(i));
        }
        return version;
    }

    /** Temporary file in the same folder, forced to disk, moved over the target in one step. */
    static void replace(Path target, byte[] bytes) throws IOException {
        Path folder = target.getParent();
        Files.createDirectories(folder);
        Path tmp = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer b = ByteBuffer.wrap(bytes);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            PosixFileAttributeView posix = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
            if (posix != null) {
                posix.setPermissions(Files.exists(target) ? Files.getPosixFilePermissions(target)
                        : PosixFilePermissions.fromString("rw-r--r--"));
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system of " + folder + " cannot replace a file atomically; not written", e);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        try (FileChannel d = FileChannel.open(folder, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // some file systems cannot sync a folder; the move itself is done
        }
    }
}

package org.ssmworkbench.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Size and modification time of a set of files (and of the folders that list them), taken cheaply
 * with one stat each: when any differs, the project is read again. A missing file is stamped as such.
 */
final class FileStamps {

    private record Stamp(long size, long modified, boolean exists) {
    }

    private final Path dir;
    private final Map<String, Stamp> stamps;

    private FileStamps(Path dir, Map<String, Stamp> stamps) {
        this.dir = dir;
        this.stamps = stamps;
    }

    /** Stamps of the given files (relative to {@code dir}), of {@code dir} and of its studies/ folder. */
    static FileStamps of(Path dir, Collection<String> files) {
        Map<String, Stamp> s = new LinkedHashMap<>();
        s.put(".", stamp(dir));
        s.put("studies", stamp(dir.resolve("studies")));
        for (String f : files) {
            s.put(f, stamp(dir.resolve(f)));
        }
        return new FileStamps(dir, s);
    }

    /** Stamps of every file under {@code dir} (three levels, the .ssm folder left out): for a project that did not load. */
    static FileStamps ofFolder(Path dir) {
        try (Stream<Path> files = Files.walk(dir, 3)) {
            return of(dir, files.filter(p -> !dir.relativize(p).startsWith(".ssm") && Files.isRegularFile(p))
                    .map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList());
        } catch (IOException | java.io.UncheckedIOException e) {
            return of(dir, java.util.List.of());
        }
    }

    /** Whether every file still has the stamp it had. */
    boolean unchanged() {
        for (Map.Entry<String, Stamp> e : stamps.entrySet()) {
            if (!Objects.equals(e.getValue(), stamp(dir.resolve(e.getKey())))) {
                return false;
            }
        }
        return true;
    }

    private static Stamp stamp(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            return new Stamp(a.size(), a.lastModifiedTime().toMillis() * 1_000_000L
                    + a.lastModifiedTime().toInstant().getNano() % 1_000_000, true);
        } catch (IOException e) {
            return new Stamp(0, 0, false);
        }
    }
}

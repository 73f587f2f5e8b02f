package org.ssmworkbench.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A fresh copy of the built-in quantization case (examples/quantization) for a test to change. */
final class CaseCopy {

    static final Path CASE = Path.of("..", "examples", "quantization");

    private CaseCopy() {
    }

    static Path into(Path tmp) {
        Path dir = tmp.resolve("quantization");
        try (Stream<Path> files = Files.walk(CASE)) {
            for (Path p : files.toList()) {
                Path target = dir.resolve(CASE.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }
}

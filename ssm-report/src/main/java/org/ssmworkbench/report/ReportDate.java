package org.ssmworkbench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.ssmworkbench.io.project.Project;

/**
 * The date a report states, chosen so that the same input gives the same bytes (decision 12):
 * {@code SOURCE_DATE_EPOCH} (seconds since 1970, the reproducible-builds convention) when set, else
 * the newest modification time of the project's input files. Never the clock.
 *
 * @param instant the date
 * @param source  how it was obtained, for the provenance section
 */
public record ReportDate(Instant instant, String source) {

    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** The date of a report on {@code project}, from the process environment and the files. */
    public static ReportDate of(Project project) {
        return of(project, System.getenv());
    }

    /**
     * The date of a report on {@code project} given an environment.
     *
     * @throws IllegalArgumentException if SOURCE_DATE_EPOCH is set but not a whole number of seconds
     * @throws UncheckedIOException if an input file's time cannot be read
     */
    public static ReportDate of(Project project, Map<String, String> env) {
        String epoch = env.get("SOURCE_DATE_EPOCH");
        if (epoch != null && !epoch.isBlank()) {
            long seconds;
            try {
                seconds = Long.parseLong(epoch.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("SOURCE_DATE_EPOCH is '" + epoch
                        + "', not a whole number of seconds since 1970-01-01");
            }
            return new ReportDate(Instant.ofEpochSecond(seconds), "SOURCE_DATE_EPOCH");
        }
        Instant newest = Instant.EPOCH;
        try {
            for (Project.InputFile f : project.inputs()) {
                Path p = project.dir().resolve(f.path());
                if (Files.exists(p)) {
                    Instant t = Files.getLastModifiedTime(p).toInstant();
                    if (t.isAfter(newest)) {
                        newest = t;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // whole seconds: file systems differ in sub-second precision
        return new ReportDate(Instant.ofEpochSecond(newest.getEpochSecond()),
                "newest modification time of the input files");
    }

    /** "2026-11-24 01:46 UTC". */
    public String display() {
        return DISPLAY.format(instant);
    }

    /** ISO-8601, e.g. "2026-11-24T01:46:12Z". */
    public String iso() {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}

package org.ssmworkbench.report;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.ssmworkbench.io.project.Project;

/**
 * The date a report states (decision 12): the project's own {@code date:} (synthesis.yaml) when it has
 * one, else {@code SOURCE_DATE_EPOCH} (seconds since 1970, the reproducible-builds convention) when
 * set, else the time of the run. Never a file's modification time, which changes when a project is
 * copied or cloned.
 *
 * @param instant the date
 * @param source  how it was obtained, for the provenance section
 */
public record ReportDate(Instant instant, String source) {

    /** The source of a date taken from synthesis.yaml's {@code date:}. */
    public static final String PROJECT = "synthesis.yaml date";
    /** The source of the run's time. */
    public static final String RUN = "time of this run (give synthesis.yaml a date: for a fixed one)";

    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    /** The date of a report on {@code project}, from the project, the process environment or the clock. */
    public static ReportDate of(Project project) {
        return of(project, System.getenv(), Clock.systemUTC());
    }

    /** The date of a report on {@code project} given an environment (the clock: the system's). */
    public static ReportDate of(Project project, Map<String, String> env) {
        return of(project, env, Clock.systemUTC());
    }

    /**
     * The date of a report on {@code project} given an environment and a clock.
     *
     * @throws IllegalArgumentException if SOURCE_DATE_EPOCH is needed and set but not a whole number of seconds
     */
    public static ReportDate of(Project project, Map<String, String> env, Clock clock) {
        if (project.date().isPresent()) {
            return new ReportDate(project.date().get().atStartOfDay(ZoneOffset.UTC).toInstant(), PROJECT);
        }
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
        return new ReportDate(Instant.ofEpochSecond(clock.instant().getEpochSecond()), RUN);
    }

    /** "2026-11-24 01:46 UTC"; a project's date as the day it names, "2025-07-01". */
    public String display() {
        return source.equals(PROJECT) ? DAY.format(instant) : DISPLAY.format(instant);
    }

    /** ISO-8601, e.g. "2026-11-24T01:46:12Z". */
    public String iso() {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}

package org.ssmworkbench.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.ssmworkbench.io.results.ResultsJson;
import org.ssmworkbench.report.Report;
import org.ssmworkbench.report.ReportDate;

/**
 * The project as a whole: undo of the last save ({@code POST /api/undo}, itself a checked save that keeps
 * the undone texts in the history), what undo would undo ({@code GET /api/history}), and downloads of
 * {@code results.json} and of the report with its exports as one zip.
 */
final class ProjectApi implements Api {

    private final Workspace workspace;
    private final Saves saves;
    private final String toolVersion;

    ProjectApi(Workspace workspace, Saves saves, String toolVersion) {
        this.workspace = workspace;
        this.saves = saves;
        this.toolVersion = toolVersion;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/history", this::history);
        routes.post("/api/undo", ctx -> Json.send(ctx, saves.undo()));
        routes.get("/api/download/results.json", this::results);
        routes.get("/api/download/report.zip", this::report);
    }

    private void history(Context ctx) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("canUndo", saves.canUndo());
        out.put("next", saves.nextUndo());
        Json.send(ctx, out);
    }

    private void results(Context ctx) {
        Workspace.Snapshot s = workspace.current();
        byte[] json = ResultsJson.write(s.project().project(), s.result(), toolVersion);
        ctx.header("Content-Disposition", "attachment; filename=\"results.json\"");
        ctx.contentType("application/json; charset=utf-8").result(json);
    }

    private void report(Context ctx) {
        Workspace.Snapshot s = workspace.current();
        byte[] json = ResultsJson.write(s.project().project(), s.result(), toolVersion);
        ReportDate date;
        try {
            date = ReportDate.of(s.project().project());
        } catch (IllegalArgumentException e) {
            throw ApiException.of(422, e.getMessage());
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("results.json", json);
        files.putAll(Report.files(s.project().project(), s.result(), toolVersion, date, json));
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                ZipEntry e = new ZipEntry("report/" + f.getKey());
                e.setTime(0L);
                z.putNextEntry(e);
                z.write(f.getValue());
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = s.result().synthesis().id().replaceAll("[^A-Za-z0-9_.-]", "_") + "-report.zip";
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        ctx.contentType("application/zip").result(zip.toByteArray());
    }
}

package org.ssmworkbench.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.ssmworkbench.io.project.ProjectLoader;
import org.ssmworkbench.io.save.EditableProject;

/**
 * Studies and their evidence models: list, read, create, update, delete; the quality checklist with a
 * preview of the study belief. Each study is its file's tree (keys as in docs/formats/project.md) with
 * the file's version; every change names the version it was based on (docs/workbench.md).
 */
final class StudiesApi implements Api {

    /** A new study's or evidence model's id: the project format's ids, not starting with a dot. */
    static final Pattern NEW_ID = Pattern.compile("[A-Za-z0-9_@-][A-Za-z0-9_.@-]{0,63}");

    private final Workspace workspace;
    private final Saves saves;

    StudiesApi(Workspace workspace, Saves saves) {
        this.workspace = workspace;
        this.saves = saves;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/studies", this::list);
        routes.post("/api/studies", this::create);
        routes.get("/api/studies/{id}", this::read);
        routes.put("/api/studies/{id}", this::update);
        routes.delete("/api/studies/{id}", this::delete);
        routes.put("/api/studies/{id}/quality", this::quality);
        routes.post("/api/studies/{id}/quality/preview", this::preview);
        routes.post("/api/studies/{id}/evidence", this::addModel);
        routes.put("/api/studies/{id}/evidence/{model}", this::editModel);
        routes.delete("/api/studies/{id}/evidence/{model}", this::deleteModel);
    }

    private void list(Context ctx) {
        Workspace.Snapshot s = workspace.current();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("listVersion", s.versions().get(ProjectLoader.SYNTHESIS_FILE));
        out.put("studies", StudyView.list(s));
        Json.send(ctx, out);
    }

    private void read(Context ctx) {
        Workspace.Snapshot s = workspace.current();
        String id = existing(s, ctx.pathParam("id"));
        Json.send(ctx, StudyView.one(s, id, s.project().tree(StudyView.file(id)).orElseThrow()));
    }

    private void create(Context ctx) {
        JsonNode body = Json.body(ctx);
        ObjectNode study = object(body, "study");
        String id = text(study, "id", "study.id");
        if (!NEW_ID.matcher(id).matches()) {
            throw ApiException.located(422, "'" + id + "' is not a valid study id (letters, digits, _ - . @; no"
                    + " spaces or slashes)", null, 0, "id");
        }
        String list = text(body, "listVersion", "listVersion");
        Workspace.Snapshot s = workspace.current();
        if (s.versions().containsKey(StudyView.file(id)) || s.project().tree(StudyView.file(id)).isPresent()) {
            throw ApiException.located(409, "study '" + id + "' exists already", StudyView.file(id), 0, "id");
        }
        ObjectNode syn = (ObjectNode) s.project().tree(ProjectLoader.SYNTHESIS_FILE).orElseThrow();
        ((ArrayNode) syn.withArray("studies")).add(id);
        Map<String, JsonNode> trees = new LinkedHashMap<>();
        trees.put(ProjectLoader.SYNTHESIS_FILE, syn);
        trees.put(StudyView.file(id), study);
        Map<String, String> based = new LinkedHashMap<>();
        based.put(ProjectLoader.SYNTHESIS_FILE, list);
        if (java.nio.file.Files.exists(workspace.dir().resolve(StudyView.file(id)),
                java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw ApiException.located(409, StudyView.file(id) + " is there already but not part of the project;"
                    + " nothing was saved, so as not to overwrite it", StudyView.file(id), 0, "id");
        }
        answer(ctx, 201, saves.save(new Saves.Edit("add study " + id, based, trees, Set.of())), id);
    }

    private void update(Context ctx) {
        JsonNode body = Json.body(ctx);
        Workspace.Snapshot s = workspace.current();
        String id = existing(s, ctx.pathParam("id"));
        ObjectNode study = object(body, "study");
        if (study.has("id") && !id.equals(study.get("id").asText())) {
            throw ApiException.located(422, "a study's id cannot change here (it names its file); add a new"
                    + " study instead", StudyView.file(id), 0, "id");
        }
        JsonNode old = s.project().tree(StudyView.file(id)).orElseThrow();
        saveStudy(ctx, id, text(body, "version", "version"), (ObjectNode) Trees.reconcile(old, study),
                "edit study " + id);
    }

    private void delete(Context ctx) {
        Workspace.Snapshot s = workspace.current();
        String id = existing(s, ctx.pathParam("id"));
        String version = query(ctx, "version");
        String list = query(ctx, "listVersion");
        ObjectNode syn = (ObjectNode) s.project().tree(ProjectLoader.SYNTHESIS_FILE).orElseThrow();
        ArrayNode studies = (ArrayNode) syn.get("studies");
        for (Iterator<JsonNode> it = studies.iterator(); it.hasNext();) {
            if (it.next().asText().equals(id)) {
                it.remove();
            }
        }
        Map<String, String> based = new LinkedHashMap<>();
        based.put(ProjectLoader.SYNTHESIS_FILE, list);
        based.put(StudyView.file(id), version);
        Map<String, Object> out = saves.save(new Saves.Edit("delete study " + id, based,
                Map.of(ProjectLoader.SYNTHESIS_FILE, syn), Set.of(StudyView.file(id))));
        Json.send(ctx, out);
    }

    private void quality(Context ctx) {
        JsonNode body = Json.body(ctx);
        Workspace.Snapshot s = workspace.current();
        String id = existing(s, ctx.pathParam("id"));
        ObjectNode study = withAnswers(s, id, body);
        saveStudy(ctx, id, text(body, "version", "version"), study, "answer the checklist of " + id);
    }

    private void preview(Context ctx) {
        JsonNode body = Json.body(ctx);
        Workspace.Snapshot s = workspace.current();
        String id = existing(s, ctx.pathParam("id"));
        ObjectNode study = withAnswers(s, id, body);
        EditableProject.Draft d = saves.preview(Map.of(StudyView.file(id), study));
        var result = org.ssmworkbench.core.synthesis.Synthesizer.run(d.project().synthesis());
        Json.send(ctx, result.study(id).map(StudyView::belief).orElseThrow());
    }

    private void addModel(Context ctx) {
        JsonNode body = Json.body(ctx);
        Workspace.Snapshot s = workspace.current();
        String id = existing(s, ctx.pathParam("id"));
        ObjectNode model = object(body, "model");
        String mid = text(model, "id", "model.id");
        if (!NEW_ID.matcher(mid).matches()) {
            throw ApiException.located(422, "'" + mid + "' is not a valid evidence-model id", null, 0, "id");
        }
        ObjectNode study = (ObjectNode) s.project().tree(StudyView.file(id)).orElseThrow();
        ArrayNode models = study.withArray("evidence");
        if (index(models, mid) >= 0) {
            throw ApiException.located(409, "study " + id + " has an evidence model '" + mid + "' already",
                    StudyView.file(id), 0, "id");
        }
        models.add(model);
        saveStudy(ctx, id, text(body, "version", "version"), study, "add evidence model " + id + "/" + mid);
    }

    /** The study file's tree and the index of the evidence model a request names (404 when either is missing). */
    private record ModelSlot(String study, String model, ObjectNode tree, int index) {
        ArrayNode models() {
            return tree.withArray("evidence");
        }
    }

    private ModelSlot slot(Context ctx) {
        Workspace.Snapshot s = workspace.current();
        String id = existing(s, ctx.pathParam("id"));
        String mid = ctx.pathParam("model");
        ObjectNode study = (ObjectNode) s.project().tree(StudyView.file(id)).orElseThrow();
        int i = index(study.withArray("evidence"), mid);
        if (i < 0) {
            throw ApiException.of(404, "study " + id + " has no evidence model '" + mid + "'");
        }
        return new ModelSlot(id, mid, study, i);
    }

    private void editModel(Context ctx) {
        JsonNode body = Json.body(ctx);
        ModelSlot slot = slot(ctx);
        String id = slot.study();
        String mid = slot.model();
        ObjectNode model = object(body, "model");
        if (!mid.equals(model.path("id").asText(mid))) {
            throw ApiException.located(422, "an evidence model's id cannot change here; add a new one instead",
                    StudyView.file(id), 0, "id");
        }
        model.put("id", mid);
        slot.models().set(slot.index(), Trees.reconcile(slot.models().get(slot.index()), model));
        saveStudy(ctx, id, text(body, "version", "version"), slot.tree(), "edit evidence model " + id + "/" + mid);
    }

    private void deleteModel(Context ctx) {
        ModelSlot slot = slot(ctx);
        slot.models().remove(slot.index());
        saveStudy(ctx, slot.study(), query(ctx, "version"), slot.tree(),
                "delete evidence model " + slot.study() + "/" + slot.model());
    }

    private void saveStudy(Context ctx, String id, String version, ObjectNode study, String what) {
        study.put("id", id);
        Map<String, Object> out = saves.save(new Saves.Edit(what, Map.of(StudyView.file(id), version),
                Map.of(StudyView.file(id), study), Set.of()));
        answer(ctx, 200, out, id);
    }

    /** The save's answer with the study as it now stands. */
    private void answer(Context ctx, int status, Map<String, Object> saved, String id) {
        Workspace.Snapshot s = workspace.current();
        Map<String, Object> out = new LinkedHashMap<>(saved);
        s.project().tree(StudyView.file(id)).ifPresent(t -> out.put("study", StudyView.one(s, id, t)));
        Json.send(ctx, status, out);
    }

    /** The study's tree with the checklist answers of the body ({"answers": {"1.1": "yes", ...}}). */
    private static ObjectNode withAnswers(Workspace.Snapshot s, String id, JsonNode body) {
        ObjectNode answers = object(body, "answers");
        ObjectNode study = (ObjectNode) s.project().tree(StudyView.file(id)).orElseThrow();
        ObjectNode quality = study.get("quality") instanceof ObjectNode q ? q : study.putObject("quality");
        quality.retain(iterable(answers.fieldNames()));
        for (Iterator<Map.Entry<String, JsonNode>> it = answers.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> a = it.next();
            String v = a.getValue().asText("").strip().toLowerCase(Locale.ROOT);
            switch (v) {
                case "yes" -> quality.set(a.getKey(), BooleanNode.TRUE);
                case "no" -> quality.set(a.getKey(), BooleanNode.FALSE);
                case "n.a." -> quality.set(a.getKey(), TextNode.valueOf("n.a."));
                default -> throw ApiException.located(422, "answer '" + a.getValue().asText() + "' to item "
                        + a.getKey() + ": expected yes, no or n.a.", StudyView.file(id), 0, "quality." + a.getKey());
            }
        }
        if (quality.isEmpty()) {
            study.remove("quality");
        }
        return study;
    }

    private static java.util.List<String> iterable(Iterator<String> names) {
        java.util.List<String> out = new java.util.ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }

    /** A study of the project, else 404 (ids are looked up, never used as paths unchecked). */
    private static String existing(Workspace.Snapshot s, String id) {
        boolean known = s.result().synthesis().studies().stream().anyMatch(x -> x.id().equals(id));
        if (!known) {
            throw ApiException.of(404, "no study '" + id + "' in this project");
        }
        return id;
    }

    private static int index(ArrayNode models, String id) {
        for (int i = 0; i < models.size(); i++) {
            if (id.equals(models.get(i).path("id").asText(null))) {
                return i;
            }
        }
        return -1;
    }

    private static ObjectNode object(JsonNode body, String key) {
        if (!(body.get(key) instanceof ObjectNode o)) {
            throw ApiException.located(400, "the request needs '" + key + "': an object", null, 0, key);
        }
        return o;
    }

    private static String text(JsonNode body, String key, String field) {
        JsonNode v = body.get(key);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw ApiException.located(400, "the request needs '" + key + "': a non-empty string", null, 0, field);
        }
        return v.asText();
    }

    private static String query(Context ctx, String key) {
        String v = ctx.queryParam(key);
        if (v == null || v.isEmpty()) {
            throw ApiException.located(400, "the request needs ?" + key + "=...", null, 0, key);
        }
        return v;
    }
}

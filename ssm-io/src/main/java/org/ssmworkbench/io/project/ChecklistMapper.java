package org.ssmworkbench.io.project;

import static org.ssmworkbench.io.project.ParsedFile.append;

import java.util.ArrayList;
import java.util.List;
import org.ssmworkbench.core.synthesis.Checklist;

/** Maps {@code checklist.yaml} ({@link ProjectFiles.ChecklistFile}) to the core {@link Checklist}. */
final class ChecklistMapper {

    private ChecklistMapper() {
    }

    static Checklist map(ParsedFile<ProjectFiles.ChecklistFile> doc) {
        ProjectFiles.ChecklistFile cf = doc.value();
        if (cf.questions() == null || cf.questions().isEmpty()) {
            throw doc.error(List.of("questions"), "missing: the checklist needs questions");
        }
        List<Checklist.Question> qs = new ArrayList<>();
        for (int i = 0; i < cf.questions().size(); i++) {
            ProjectFiles.QuestionEntry q = cf.questions().get(i);
            List<Object> at = List.of("questions", i);
            if (q == null) {
                throw doc.error(at, "empty entry: a question needs id, text and items");
            }
            String qid = doc.required(at, "id", q.id());
            if (q.items() == null || q.items().isEmpty()) {
                throw doc.error(at, "question " + qid + " has no items");
            }
            List<Checklist.Item> items = new ArrayList<>();
            for (int j = 0; j < q.items().size(); j++) {
                ProjectFiles.ItemEntry it = q.items().get(j);
                if (it == null) {
                    throw doc.error(append(append(at, "items"), j), "empty entry: an item needs id and text");
                }
                items.add(new Checklist.Item(doc.required(append(at, "items", j), "id", it.id()),
                        it.text() == null ? "" : it.text()));
            }
            qs.add(new Checklist.Question(qid, q.text() == null ? "" : q.text(), items));
        }
        return doc.parse(List.of(), () -> new Checklist(cf.id() == null ? "checklist" : cf.id(), qs));
    }
}

package org.ssmworkbench.io.mq;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ssmworkbench.io.InputException;
import org.ssmworkbench.io.project.ProjectFiles;

/**
 * The quality questionnaire of layout 1 in Markdown ({@code systematic-studies-quality-evaluation.md}):
 * a title line, {@code ## N. question}, items {@code N.M) text}, each followed by three boxes
 * {@code [ ] No}, {@code [ ] Yes}, {@code [ ] Not applicable}; a filled questionnaire ticks exactly one
 * box per item ({@code [X]}). Quotes ({@code > ...}) and rules ({@code ---}) are free text.
 */
final class Questionnaire {

    private static final Pattern TITLE = Pattern.compile("#\\s+(.+)");
    private static final Pattern QUESTION = Pattern.compile("##\\s+(\\d+)\\.\\s+(.+)");
    private static final Pattern ITEM = Pattern.compile("(\\d+\\.\\d+)\\)\\s+(.+)");
    private static final Pattern BOX = Pattern.compile("\\[([ xX])\\]\\s+(No|Yes|Not applicable)");

    /** The checklist id given to an imported questionnaire. */
    static final String ID = "quality-questionnaire";

    /**
     * A parsed questionnaire.
     *
     * @param checklist the questions and items
     * @param answers   item id to yes / no / n.a. (empty for a blank questionnaire)
     */
    record Parsed(ProjectFiles.ChecklistFile checklist, LinkedHashMap<String, String> answers) {
    }

    private Questionnaire() {
    }

    /**
     * Parses a questionnaire.
     *
     * @param filled whether every item must have exactly one ticked box
     * @throws InputException naming file and line for a structure it cannot read
     */
    static Parsed parse(Path file, byte[] bytes, boolean filled) {
        String[] lines = new String(bytes, StandardCharsets.UTF_8).replace("\uFEFF", "").split("\r?\n", -1);
        String title = null;
        List<ProjectFiles.QuestionEntry> questions = new ArrayList<>();
        List<ProjectFiles.ItemEntry> items = null;
        String qid = null;
        String qtext = null;
        LinkedHashMap<String, String> answers = new LinkedHashMap<>();
        String item = null;
        int itemLine = 0;
        int ticks = 0;
        String answer = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            Matcher m;
            if ((m = QUESTION.matcher(line)).matches()) {
                closeItem(file, item, itemLine, ticks, answer, filled, answers);
                item = null;
                if (qid != null) {
                    questions.add(question(file, i, qid, qtext, items));
                }
                qid = m.group(1);
                qtext = m.group(2).strip();
                items = new ArrayList<>();
            } else if (title == null && qid == null && (m = TITLE.matcher(line)).matches()) {
                title = m.group(1).strip();
            } else if ((m = ITEM.matcher(line)).matches()) {
                closeItem(file, item, itemLine, ticks, answer, filled, answers);
                if (items == null) {
                    throw new InputException(file, i + 1, "", "item " + m.group(1) + " comes before the first question"
                            + " (## 1. ...)");
                }
                item = m.group(1);
                if (!item.startsWith(qid + ".")) {
                    throw new InputException(file, i + 1, "", "item " + item + " is under question " + qid);
                }
                for (ProjectFiles.ItemEntry e : items) {
                    if (e.id().equals(item)) {
                        throw new InputException(file, i + 1, "", "item " + item + " appears twice");
                    }
                }
                items.add(new ProjectFiles.ItemEntry(item, m.group(2).strip()));
                itemLine = i + 1;
                ticks = 0;
                answer = null;
            } else if ((m = BOX.matcher(line)).matches()) {
                if (item == null) {
                    throw new InputException(file, i + 1, "", "a box ([ ] " + m.group(2) + ") outside an item");
                }
                if (!m.group(1).isBlank()) {
                    ticks++;
                    answer = switch (m.group(2)) {
                        case "No" -> "no";
                        case "Yes" -> "yes";
                        default -> "n.a.";
                    };
                }
            }
        }
        closeItem(file, item, itemLine, ticks, answer, filled, answers);
        if (qid != null) {
            questions.add(question(file, lines.length, qid, qtext, items));
        }
        if (questions.isEmpty()) {
            throw new InputException(file, 0, "", "no questions (## 1. ...) found: not a quality questionnaire");
        }
        return new Parsed(new ProjectFiles.ChecklistFile(ID, title == null ? "Quality questionnaire" : title,
                questions), answers);
    }

    private static ProjectFiles.QuestionEntry question(Path file, int line, String id, String text,
            List<ProjectFiles.ItemEntry> items) {
        if (items.isEmpty()) {
            throw new InputException(file, line, "", "question " + id + " has no items (N.M) ...)");
        }
        return new ProjectFiles.QuestionEntry(id, text, List.copyOf(items));
    }

    private static void closeItem(Path file, String item, int line, int ticks, String answer, boolean filled,
            Map<String, String> answers) {
        if (item == null) {
            return;
        }
        if (filled && ticks != 1) {
            throw new InputException(file, line, "", "item " + item + ": " + (ticks == 0 ? "no box is ticked"
                    : ticks + " boxes are ticked") + " (tick exactly one of No, Yes, Not applicable with [X])");
        }
        if (answer != null) {
            answers.put(item, answer);
        }
    }

    /** The questionnaire as Markdown, blank when {@code answers} is null. */
    static String write(ProjectFiles.ChecklistFile c, Map<String, String> answers) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(c.title() == null ? "Quality questionnaire" : c.title()).append("\n\n");
        boolean first = true;
        for (ProjectFiles.QuestionEntry q : c.questions()) {
            if (!first) {
                sb.append("---\n\n");
            }
            first = false;
            sb.append("## ").append(q.id()).append(". ").append(q.text()).append("\n\n");
            for (ProjectFiles.ItemEntry it : q.items()) {
                String a = answers == null ? null : answers.get(it.id());
                sb.append(it.id()).append(") ").append(it.text()).append('\n');
                sb.append(box("no".equals(a))).append(" No\n");
                sb.append(box("yes".equals(a))).append(" Yes\n");
                sb.append(box("n.a.".equals(a))).append(" Not applicable\n\n");
            }
        }
        return sb.toString();
    }

    private static String box(boolean ticked) {
        return ticked ? "[X]" : "[ ]";
    }
}

package org.ssmworkbench.core.synthesis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A quality checklist: questions, each with items that a study answers yes / no / n.a.
 *
 * @param id        the checklist's name
 * @param questions the questions in order
 */
public record Checklist(String id, List<Question> questions) {

    /**
     * Validates: at least one question, each with at least one item, item ids unique.
     *
     * @throws IllegalArgumentException naming the duplicate or empty part
     */
    public Checklist {
        questions = List.copyOf(questions);
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("checklist '" + id + "' has no questions");
        }
        Set<String> seen = new HashSet<>();
        for (Question q : questions) {
            if (q.items().isEmpty()) {
                throw new IllegalArgumentException("question " + q.id() + " of checklist '" + id + "' has no items");
            }
            if (!seen.add("question " + q.id())) {
                throw new IllegalArgumentException("question id " + q.id() + " appears twice in checklist '" + id + "'");
            }
            for (Item i : q.items()) {
                if (!seen.add(i.id())) {
                    throw new IllegalArgumentException("item id " + i.id() + " appears twice in checklist '" + id + "'");
                }
            }
        }
    }

    /** All item ids in order. */
    public List<String> itemIds() {
        List<String> out = new ArrayList<>();
        for (Question q : questions) {
            for (Item i : q.items()) {
                out.add(i.id());
            }
        }
        return out;
    }

    /**
     * The quality score q in [0, 1]: the mean over questions of yes / (yes + no) among the question's
     * applicable items; a question whose items are all n.a. is left out (docs/method.md section 4).
     *
     * @param answers an answer for every item
     * @return the score and the per-question ratios (NaN where left out)
     * @throws IllegalArgumentException if an item is unanswered or an answer names an unknown item,
     *     or every item is n.a.
     */
    public Score score(Map<String, Answer> answers) {
        Set<String> known = new HashSet<>(itemIds());
        for (String k : answers.keySet()) {
            if (!known.contains(k)) {
                throw new IllegalArgumentException("answer to unknown item '" + k + "' (checklist '" + id + "')");
            }
        }
        Map<String, Double> perQuestion = new LinkedHashMap<>();
        double sum = 0.0;
        int counted = 0;
        for (Question q : questions) {
            int yes = 0;
            int no = 0;
            for (Item i : q.items()) {
                Answer a = answers.get(i.id());
                if (a == null) {
                    throw new IllegalArgumentException("item " + i.id() + " is not answered (checklist '" + id + "')");
                }
                if (a == Answer.YES) {
                    yes++;
                } else if (a == Answer.NO) {
                    no++;
                }
            }
            if (yes + no == 0) {
                perQuestion.put(q.id(), Double.NaN);
                continue;
            }
            double r = (double) yes / (yes + no);
            perQuestion.put(q.id(), r);
            sum += r;
            counted++;
        }
        if (counted == 0) {
            throw new IllegalArgumentException("every item is n.a.: no quality score");
        }
        return new Score(sum / counted, perQuestion);
    }

    /**
     * A question.
     *
     * @param id    e.g. "1"
     * @param text  the question
     * @param items its items
     */
    public record Question(String id, String text, List<Item> items) {
        /** Defensive copy. */
        public Question {
            items = List.copyOf(items);
        }
    }

    /**
     * An item of a question.
     *
     * @param id   e.g. "1.2"
     * @param text the item's wording
     */
    public record Item(String id, String text) {
    }

    /**
     * A quality score.
     *
     * @param quality     q in [0, 1]
     * @param perQuestion yes / (yes + no) per question id, NaN where all items are n.a.
     */
    public record Score(double quality, Map<String, Double> perQuestion) {
        /** Defensive copy keeping order. */
        public Score {
            perQuestion = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(perQuestion));
        }
    }
}

package org.ssmworkbench.core.sensitivity;

import java.util.List;
import java.util.Locale;

/**
 * A test on a moderator's value, written as text in project files: {@code <= 4}, {@code < 8},
 * {@code >= 16}, {@code > 2}, {@code == 8}, {@code != QAT}, or a plain value (equality). Numeric
 * comparisons need both sides to be numbers; equality compares numbers numerically and text
 * case-insensitively.
 *
 * @param text the condition as written
 */
public record Condition(String text) {

    private static final List<String> OPERATORS = List.of("<=", ">=", "==", "!=", "<", ">");

    /**
     * Validates the condition.
     *
     * @throws IllegalArgumentException if it is blank or an ordering operator has no number
     */
    public Condition {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a condition must not be blank");
        }
        String op = operator(text.strip());
        if (op.equals("<") || op.equals(">") || op.equals("<=") || op.equals(">=")) {
            String operand = text.strip().substring(op.length()).strip();
            if (number(operand) == null) {
                throw new IllegalArgumentException("condition '" + text + "': " + op + " needs a number, got '"
                        + operand + "'");
            }
        }
    }

    private static String operator(String t) {
        for (String op : OPERATORS) {
            if (t.startsWith(op)) {
                return op;
            }
        }
        return "";
    }

    private static Double number(String s) {
        try {
            return Double.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether a moderator value satisfies the condition; an absent value never does. */
    public boolean test(String value) {
        if (value == null) {
            return false;
        }
        String t = text.strip();
        String op = operator(t);
        String operand = t.substring(op.length()).strip();
        Double a = number(value);
        Double b = number(operand);
        switch (op) {
            case "<=":
                return a != null && a <= b;
            case ">=":
                return a != null && a >= b;
            case "<":
                return a != null && a < b;
            case ">":
                return a != null && a > b;
            case "!=":
                return !equal(value, operand, a, b);
            default:
                return equal(value, operand, a, b);
        }
    }

    private static boolean equal(String value, String operand, Double a, Double b) {
        if (a != null && b != null) {
            return a.doubleValue() == b.doubleValue();
        }
        return value.strip().toLowerCase(Locale.ROOT).equals(operand.toLowerCase(Locale.ROOT));
    }
}

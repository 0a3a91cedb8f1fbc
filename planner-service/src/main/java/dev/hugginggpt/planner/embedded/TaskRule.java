package dev.hugginggpt.planner.embedded;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task type and the phrasings that ask for it, English and Korean in one pattern: the English alternatives first, so
 * where both match at the same place the English one gives the span. A weak rule names a task only when no strong rule
 * matches the clause (vague verbs like "figure out", "write", "tell me").
 */
record TaskRule(String task, Pattern pattern, boolean weak) {

    static TaskRule of(String task, String english, String korean) {
        return new TaskRule(task, compile(either(english, korean)), false);
    }

    static TaskRule weak(String task, String english, String korean) {
        return new TaskRule(task, compile(either(english, korean)), true);
    }

    /** A rule for a clause in which {@code excluded} occurs nowhere (tried once, at the clause's start). */
    static TaskRule unless(String excluded, String task, String english, String korean) {
        return new TaskRule(task, compile("^(?!.*(?:" + excluded + "))(?:" + either(english, korean) + ")"), false);
    }

    /** Where the rule first matches, as [start, end), or null. */
    int[] span(String clause) {
        Matcher m = pattern.matcher(clause);
        return m.find() ? new int[] {m.start(), m.end()} : null;
    }

    private static String either(String english, String korean) {
        return korean.isEmpty() ? english : english + "|" + korean;
    }

    private static Pattern compile(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }
}

package dev.hugginggpt.planner.embedded;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task type and the phrasings (English and Korean) that ask for it. A weak rule names a task only
 * when no strong rule matches the clause (vague verbs like "figure out", "write", "tell me").
 */
record TaskRule(String task, Pattern pattern, boolean weak) {

    static TaskRule of(String task, String regex) {
        return new TaskRule(task, Pattern.compile(regex, Pattern.CASE_INSENSITIVE), false);
    }

    static TaskRule weak(String task, String regex) {
        return new TaskRule(task, Pattern.compile(regex, Pattern.CASE_INSENSITIVE), true);
    }

    /** Where the rule first matches, as [start, end), or null. */
    int[] span(String clause) {
        Matcher m = pattern.matcher(clause);
        return m.find() ? new int[] {m.start(), m.end()} : null;
    }
}

package dev.hugginggpt.planner.embedded;

import java.util.regex.Pattern;

/** A task type and the phrasings (English and Korean) that ask for it. */
record TaskRule(String task, Pattern pattern) {

    static TaskRule of(String task, String regex) {
        return new TaskRule(task, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    boolean matches(String clause) {
        return pattern.matcher(clause).find();
    }
}

package dev.hugginggpt.planner.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every regular expression the embedded planner runs on what a user wrote, run on 20,000 characters of text made to
 * hurt a backtracking engine, on a thread with a small stack: none may overflow it (Java's engine recurses once per
 * repetition of a group that may backtrack), and none may take long (quadratic backtracking takes minutes here).
 * A regex added to these classes is covered without being named here.
 */
class UserTextPatternsTest {
    private static final List<Class<?>> READ_USER_TEXT = List.of(RequestText.class, ArgumentPhrases.class, TaskRules.class,
            RuleMatches.class, ClauseClassifier.class, ResultNames.class, Resources.class, EarlierResults.class,
            PlanBuilder.class, EmbeddedPlanner.class, AskingOnly.class);
    private static final int LENGTH = 20_000;
    /** Far below the default of 1 MB (and the 512 KB some platforms give a thread): recursion per character fails here. */
    private static final long STACK_BYTES = 256 * 1024;
    /** All of them on one text; a quadratic one alone takes longer than this on the texts below. */
    private static final long ALL_PATTERNS_MILLIS = 10_000;

    /** Repeated to make the texts: runs of one character, of quote marks, of white space, and words the rules start from. */
    private static final List<String> HURTFUL_UNITS = List.of("a", " ", "\n", "'", "\"“‘", "a'", "a/", ", ", ": ", "가", "<GENERATED>-1 ",
            "and ", "the ", "what ", "labels ", "as a, ", "으로, ", "음성 ", "emotion of the song ", "what does the text ", "convert ",
            "read, ", "줘 ", "image ");

    @Test
    void thePatternsAreFound() {
        assertTrue(patterns().size() > 80, "found " + patterns().size());
    }

    @Test
    void noPatternOverflowsASmallStackOrTakesLongOnHurtfulText() throws InterruptedException {
        Map<String, Pattern> patterns = patterns();
        List<String> problems = new ArrayList<>();
        for (String unit : HURTFUL_UNITS) {
            String text = unit.repeat(LENGTH / unit.length() + 1).substring(0, LENGTH);
            AtomicReference<String> problem = new AtomicReference<>();
            Thread thread = new Thread(null, () -> problem.set(matchAll(patterns, text)), "patterns", STACK_BYTES);
            thread.start();
            thread.join();
            if (problem.get() != null) {
                problems.add("'" + unit.strip() + "' x " + LENGTH / unit.length() + ": " + problem.get());
            }
        }
        assertEquals(List.of(), problems);
    }

    /** What went wrong matching every pattern everywhere in the text, or null. */
    private static String matchAll(Map<String, Pattern> patterns, String text) {
        long deadline = System.nanoTime() + ALL_PATTERNS_MILLIS * 1_000_000;
        CharSequence timed = new TextWithDeadline(text, deadline);
        for (Map.Entry<String, Pattern> pattern : patterns.entrySet()) {
            try {
                Matcher m = pattern.getValue().matcher(timed);
                while (m.find()) {
                    // every match, as a find loop in the planner would
                }
            } catch (StackOverflowError e) {
                return pattern.getKey() + " overflowed the stack";
            } catch (DeadlinePassed e) {
                return "not done in " + ALL_PATTERNS_MILLIS + " ms, at " + pattern.getKey();
            }
        }
        return null;
    }

    /** The static patterns of the classes, also those inside lists and records (the task rules). */
    private static Map<String, Pattern> patterns() {
        Map<String, Pattern> found = new LinkedHashMap<>();
        for (Class<?> type : READ_USER_TEXT) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    field.setAccessible(true);
                    try {
                        collect(type.getSimpleName() + "." + field.getName(), field.get(null), found);
                    } catch (ReflectiveOperationException e) {
                        fail(e);
                    }
                }
            }
        }
        return found;
    }

    private static void collect(String name, Object value, Map<String, Pattern> found) throws ReflectiveOperationException {
        if (value instanceof Pattern pattern) {
            found.put(name, pattern);
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collect(name + "[" + i + "]", list.get(i), found);
            }
        } else if (value instanceof Record) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                collect(name + "." + component.getName(), accessor.invoke(value), found);
            }
        }
    }

    private static final class DeadlinePassed extends RuntimeException {
        DeadlinePassed() {
            super(null, null, false, false);
        }
    }

    /** The text, which stops a matcher reading it once the deadline has passed (a matcher cannot be interrupted). */
    private static final class TextWithDeadline implements CharSequence {
        private final String text;
        private final long deadline;
        private int reads;

        TextWithDeadline(String text, long deadline) {
            this.text = text;
            this.deadline = deadline;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            if (++reads % 4096 == 0 && System.nanoTime() > deadline) {
                throw new DeadlinePassed();
            }
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}

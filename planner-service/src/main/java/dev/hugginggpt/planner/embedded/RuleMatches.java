package dev.hugginggpt.planner.embedded;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each of {@link TaskRules#RULES} first matches one clause (its earlier results made neutral), found on
 * first use and then read by every question the planner asks of that clause: which tasks it asks for, in which
 * order, which it names outright. Planning a clause asks several of them, and the rules' regular expressions
 * are most of the planner's time. Used by one planning thread at a time.
 */
final class RuleMatches {
    private static final Pattern HANGUL = Pattern.compile("[가-힣]");
    private static final Pattern KOREAN_AND = Pattern.compile("\\s*+(?:[가-힣A-Za-z]{1,6}?)?(?:이?랑|과|와|하고|및|,)\\s*+(?:\\S{1,10}\\s++)?");
    private static final Pattern AND = Pattern.compile("\\band\\b|\\bas well as\\b|\\bplus\\b", Pattern.CASE_INSENSITIVE);

    private final String words;
    private String clause;
    private int[][] spans;
    private List<String> tasks;
    private List<String> inSequence;

    RuleMatches(String words) {
        this.words = words;
    }

    /**
     * The tasks the clause asks for, best first: strong rules before weak ones, then the rule that matches
     * nearest the verb (earliest in English, latest in Korean), then rule order. When the clause converts
     * something into a form ("convert the results into an audible format"), the target decides first.
     */
    List<String> tasks() {
        if (tasks == null) {
            Matcher conversion = TaskRules.CONVERSION.matcher(clause());
            if (!conversion.find()) {
                tasks = ranked(clause(), spans());
            } else {
                String target = conversion.group(1) + " " + conversion.group(2);
                List<String> ranked = new ArrayList<>(ranked(target, spansIn(target)));
                ranked(clause(), spans()).stream().filter(t -> !ranked.contains(t)).forEach(ranked::add);
                tasks = List.copyOf(ranked);
            }
        }
        return tasks;
    }

    /**
     * Several tasks one English clause asks for in a row ("describe the objects audibly"): strong rules whose
     * matches do not overlap, in the order they appear; a rule matching inside another's match is the same
     * request read another way and is left out. Empty for Korean.
     */
    List<String> inSequence() {
        if (inSequence == null) {
            inSequence = HANGUL.matcher(clause()).find() ? List.of() : sequence();
        }
        return inSequence;
    }

    /**
     * "Give me the key points of this document and the people it mentions": tasks named outright after this one's
     * match, joined to it by "and" (one verb, several things asked for), in order; not the forms a result is asked in.
     */
    List<String> coordinatedWith(String task) {
        if (HANGUL.matcher(clause()).find()) {
            return koreanCoordinatedWith(task);
        }
        int[][] found = spans();
        int end = -1;
        for (int i = 0; i < found.length; i++) {
            if (found[i] != null && !TaskRules.RULES.get(i).weak() && TaskRules.RULES.get(i).task().equals(task)) {
                end = end < 0 ? found[i][1] : Math.min(end, found[i][1]);
            }
        }
        if (end < 0) {
            return List.of();
        }
        List<String> joined = new ArrayList<>();
        for (int i = 0; i < found.length; i++) {
            TaskRule rule = TaskRules.RULES.get(i);
            if (found[i] != null && !rule.weak() && !rule.task().equals(task) && found[i][0] >= end
                    && !joined.contains(rule.task()) && AND.matcher(clause().substring(end, found[i][0])).find()) {
                joined.add(rule.task());
            }
        }
        return joined;
    }

    /**
     * "받아쓴 내용으로 요약이랑 영어 번역 각각 부탁드려요": in Korean the task nearest the verb is read first, and the tasks named
     * just before it, joined by 이랑, 과, 와, 하고, 및 or a comma, are asked for beside it.
     */
    private List<String> koreanCoordinatedWith(String task) {
        int[][] found = spans();
        int start = -1;
        for (int i = 0; i < found.length; i++) {
            if (found[i] != null && !TaskRules.RULES.get(i).weak() && TaskRules.RULES.get(i).task().equals(task)) {
                start = Math.max(start, found[i][0]);
            }
        }
        if (start < 0) {
            return List.of();
        }
        List<String> joined = new ArrayList<>();
        for (int i = 0; i < found.length; i++) {
            TaskRule rule = TaskRules.RULES.get(i);
            if (found[i] != null && !rule.weak() && !rule.task().equals(task) && found[i][1] <= start
                    && !joined.contains(rule.task()) && KOREAN_AND.matcher(clause().substring(found[i][1], start)).matches()) {
                joined.add(rule.task());
            }
        }
        return joined;
    }

    /** Whether a strong rule of this task matches the clause (a weak one only guesses). */
    boolean namesOutright(String task) {
        int[][] found = spans();
        for (int i = 0; i < found.length; i++) {
            TaskRule rule = TaskRules.RULES.get(i);
            if (found[i] != null && !rule.weak() && rule.task().equals(task)) {
                return true;
            }
        }
        return false;
    }

    private String clause() {
        if (clause == null) {
            clause = TaskRules.withoutEarlierResults(words);
        }
        return clause;
    }

    private int[][] spans() {
        if (spans == null) {
            spans = spansIn(clause());
        }
        return spans;
    }

    private static int[][] spansIn(String text) {
        int[][] found = new int[TaskRules.RULES.size()][];
        for (int i = 0; i < found.length; i++) {
            found[i] = TaskRules.RULES.get(i).span(text);
        }
        return found;
    }

    private static List<String> ranked(String text, int[][] found) {
        record Hit(String task, boolean weak, int position, int order) {
        }
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < found.length; i++) {
            if (found[i] != null) {
                TaskRule rule = TaskRules.RULES.get(i);
                hits.add(new Hit(rule.task(), rule.weak(), found[i][0], i));
            }
        }
        // English puts the verb before its object, Korean after it: "그 설명을 음성으로 읽어줘"
        Comparator<Hit> byPosition = Comparator.comparingInt(Hit::position);
        if (HANGUL.matcher(text).find()) {
            byPosition = byPosition.reversed();
        }
        hits.sort(Comparator.comparing(Hit::weak).thenComparing(byPosition).thenComparingInt(Hit::order));
        return hits.stream().map(Hit::task).distinct().toList();
    }

    private List<String> sequence() {
        record Match(String task, int start, int end) {
        }
        int[][] found = spans();
        List<Match> matches = new ArrayList<>();
        for (int i = 0; i < found.length; i++) {
            TaskRule rule = TaskRules.RULES.get(i);
            int[] span = rule.weak() ? null : found[i];
            if (span == null || matches.stream().anyMatch(m -> m.task().equals(rule.task()))) {
                continue;
            }
            boolean overlaps = matches.stream().anyMatch(m -> span[0] < m.end() && m.start() < span[1]);
            if (!overlaps) {
                matches.add(new Match(rule.task(), span[0], span[1]));
            }
        }
        return matches.stream().sorted(Comparator.comparingInt(Match::start)).map(Match::task).toList();
    }
}

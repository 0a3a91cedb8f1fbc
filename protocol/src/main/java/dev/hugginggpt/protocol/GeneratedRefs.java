package dev.hugginggpt.protocol;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code <GENERATED>-N}: a reference from an argument to the output of task N. */
public final class GeneratedRefs {
    /** At most nine digits, so that every id fits an int; a longer number is not a reference. */
    private static final Pattern REF = Pattern.compile("<GENERATED>-(\\d{1,9})(?!\\d)");

    private GeneratedRefs() {
    }

    public static String of(int taskId) {
        return "<GENERATED>-" + taskId;
    }

    public static List<Integer> in(String value) {
        List<Integer> ids = new ArrayList<>();
        if (value == null) {
            return ids;
        }
        Matcher m = REF.matcher(value);
        while (m.find()) {
            ids.add(Integer.parseInt(m.group(1)));
        }
        return ids;
    }

    public static Set<Integer> in(Map<String, String> args) {
        Set<Integer> ids = new LinkedHashSet<>();
        if (args != null) {
            args.values().forEach(v -> ids.addAll(in(v)));
        }
        return ids;
    }

    /** Every task a task needs: its declared deps (without -1) and the outputs its args refer to. */
    public static Set<Integer> dependencies(PlannedTask task) {
        Set<Integer> deps = new LinkedHashSet<>();
        if (task.dep() != null) {
            task.dep().stream().filter(d -> d != null && d >= 0).forEach(deps::add);
        }
        deps.addAll(in(task.args()));
        return deps;
    }

    /** Replaces every reference in {@code value} with what {@code resolver} gives for that task id. */
    public static String replace(String value, java.util.function.IntFunction<String> resolver) {
        Matcher m = REF.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(resolver.apply(Integer.parseInt(m.group(1)))));
        }
        m.appendTail(out);
        return out.toString();
    }
}

package dev.hugginggpt.protocol;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** Collects what is wrong with a record ({@link Checked#problems()}). */
final class Problems {
    private final List<String> found = new ArrayList<>();

    Problems require(boolean holds, String problem) {
        if (!holds) {
            found.add(problem);
        }
        return this;
    }

    Problems requireText(String value, String field) {
        return require(value != null && !value.isBlank(), "no " + field);
    }

    /** A list that is there and holds no null. */
    Problems requireElements(Collection<?> values, String field) {
        return require(values != null && values.stream().allMatch(Objects::nonNull), "no " + field + " or a null among them");
    }

    Problems addAll(String prefix, List<String> more) {
        more.forEach(p -> found.add(prefix + p));
        return this;
    }

    List<String> list() {
        return List.copyOf(found);
    }
}

package dev.hugginggpt.selector.scheduling;

import java.util.ArrayList;
import java.util.List;

/** What a cancel did to a request's tasks, in words: "task 1 (text-to-speech) not started; task 0 (...) stopped". */
final class CancelReport {
    private CancelReport() {
    }

    static String of(List<String> notStarted, List<String> stopped, List<String> over) {
        List<String> parts = new ArrayList<>();
        if (!notStarted.isEmpty()) {
            parts.add(tasks(notStarted) + " not started");
        }
        if (!stopped.isEmpty()) {
            parts.add(tasks(stopped) + " stopped while running");
        }
        if (!over.isEmpty()) {
            parts.add(tasks(over) + (over.size() == 1 ? " had" : " had all") + " already ended");
        }
        return parts.isEmpty() ? "the plan had no tasks" : String.join("; ", parts);
    }

    private static String tasks(List<String> names) {
        return (names.size() == 1 ? "task " : "tasks ") + String.join(", ", names);
    }
}

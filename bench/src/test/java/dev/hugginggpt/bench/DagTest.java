package dev.hugginggpt.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DagTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static TaskTiming task(int id, long startMs, long runMs, Integer... deps) {
        return new TaskTiming(id, "t" + id, List.of(deps), "SUCCEEDED", "m", T0.plusMillis(startMs), T0.plusMillis(startMs + runMs));
    }

    @Test
    void theCriticalPathOfTheWidthFourDagIsItsLongestChainOfRunTimes() {
        // 0 → {1, 2, 3, 4} → 5 (after 4): three levels, the slowest branch is 3
        List<TaskTiming> dag = List.of(task(0, 0, 200), task(1, 210, 200), task(2, 210, 200), task(3, 210, 260),
                task(4, 210, 200), task(5, 420, 200, 4));
        List<TaskTiming> withDeps = List.of(dag.get(0), withDeps(dag.get(1), 0), withDeps(dag.get(2), 0),
                withDeps(dag.get(3), 0), withDeps(dag.get(4), 0), withDeps(dag.get(5), 4));

        assertEquals(600, Dag.criticalPathMillis(withDeps), 1e-9, "0 → 4 → 5 = 600 beats 0 → 3 = 460");
        assertEquals(3, Dag.depth(withDeps));
        assertEquals(4, Dag.width(withDeps));
        assertEquals("6 tasks, 3 levels, width 4", Dag.shape(withDeps));
    }

    private static TaskTiming withDeps(TaskTiming t, Integer... deps) {
        return new TaskTiming(t.id(), t.task(), List.of(deps), t.status(), t.model(), t.startedAt(), t.finishedAt());
    }

    @Test
    void aChainAddsUpAndASingleTaskIsItsOwnRunTime() {
        List<TaskTiming> chain = List.of(task(0, 0, 10), task(1, 15, 20, 0), task(2, 40, 30, 1));
        assertEquals(60, Dag.criticalPathMillis(chain), 1e-9);
        assertEquals("3 tasks, 3 levels, width 1", Dag.shape(chain));
        assertEquals(7.5, Dag.criticalPathMillis(List.of(new TaskTiming(0, "x", List.of(), "SUCCEEDED", "m", T0,
                T0.plusNanos(7_500_000)))), 1e-9);
        assertEquals("1 task, 1 level, width 1", Dag.shape(List.of(task(0, 0, 1))));
    }

    @Test
    void aTaskThatNeverRanCostsNothingAndUnknownDependenciesAreIgnored() {
        TaskTiming skipped = new TaskTiming(1, "t1", List.of(0), "SKIPPED", null, null, null);
        assertEquals(0, skipped.millis());
        assertEquals(50, Dag.criticalPathMillis(List.of(task(0, 0, 50, 9), skipped)), 1e-9);
    }

    @Test
    void aCycleIsReported() {
        assertThrows(IllegalArgumentException.class, () -> Dag.criticalPathMillis(List.of(task(0, 0, 1, 1), task(1, 0, 1, 0))));
    }
}

package dev.hugginggpt.selector.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hugginggpt.protocol.ExecutorHeartbeat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TaskRouterTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private final List<ExecutorHeartbeat> live = new ArrayList<>();

    private void executor(String id, int slots, Integer... partitions) {
        live.add(new ExecutorHeartbeat(id, List.of(), List.of(), NOW, false, List.of(partitions), slots));
    }

    private TaskRouter router(int partitions) {
        return new TaskRouter(partitions, Duration.ofMinutes(2), () -> live);
    }

    /** Which executor consumes each partition. */
    private Map<Integer, String> owners() {
        return live.stream().flatMap(e -> e.taskPartitions().stream().map(p -> Map.entry(p, e.instanceId())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Routes tasks r/0 .. r/(count-1) and returns the executor each went to. */
    private List<String> routeTasks(TaskRouter router, int count) {
        List<String> chosen = new ArrayList<>();
        for (int task = 0; task < count; task++) {
            chosen.add(owners().get(router.route("r/" + task, NOW)));
        }
        return chosen;
    }

    @Test
    void tasksThatBecomeReadyTogetherGoToDifferentExecutorsEvenWhenTheirPartitionsAreNotInterleaved() {
        // a range-like assignment: consecutive partitions belong to the same executor
        executor("executor-a", 1, 0, 1);
        executor("executor-b", 1, 2, 3);
        executor("executor-c", 1, 4, 5);
        executor("executor-d", 1, 6, 7);
        TaskRouter router = router(8);

        Set<String> used = new HashSet<>(routeTasks(router, 4));

        assertEquals(4, used.size(), "one task per executor: " + used);
    }

    @Test
    void theNextTaskGoesToTheExecutorThatJustFinished() {
        executor("executor-a", 1, 0, 2);
        executor("executor-b", 1, 1, 3);
        TaskRouter router = router(4);
        int first = router.route("r/0", NOW);
        router.route("r/1", NOW);

        router.finished("r/0");
        int next = router.route("r/2", NOW);

        assertEquals(owners().get(first), owners().get(next));
    }

    @Test
    void anExecutorWithMoreSlotsTakesMoreOfTheWork() {
        executor("executor-big", 3, 0, 2);
        executor("executor-small", 1, 1, 3);
        TaskRouter router = router(4);

        List<String> chosen = routeTasks(router, 4);

        assertEquals(3, chosen.stream().filter("executor-big"::equals).count(), chosen.toString());
        assertEquals(1, chosen.stream().filter("executor-small"::equals).count(), chosen.toString());
    }

    @Test
    void withinAnExecutorTheLeastLoadedPartitionIsUsed() {
        executor("executor-a", 4, 0, 1, 2, 3);
        TaskRouter router = router(4);

        Set<Integer> partitions = new HashSet<>();
        for (int task = 0; task < 4; task++) {
            partitions.add(router.route("r/" + task, NOW));
        }

        assertEquals(Set.of(0, 1, 2, 3), partitions);
    }

    @Test
    void withoutAnnouncedPartitionsDispatchTurnsRoundAllPartitions() {
        live.add(new ExecutorHeartbeat("older-executor", List.of(), List.of(), NOW, false));
        TaskRouter router = router(3);

        List<Integer> partitions = List.of(router.route("r/0", NOW), router.route("r/1", NOW), router.route("r/2", NOW),
                router.route("r/3", NOW));

        assertEquals(List.of(0, 1, 2, 0), partitions);
    }

    @Test
    void aStoppingExecutorAndPartitionsOutOfRangeAreNotUsed() {
        live.add(new ExecutorHeartbeat("executor-stopping", List.of(), List.of(), NOW, true, List.of(0), 4));
        executor("executor-a", 1, 1, 9);
        TaskRouter router = router(4);

        for (int task = 0; task < 5; task++) {
            assertEquals(1, router.route("r/" + task, NOW));
        }
    }

    @Test
    void aDispatchWhoseResultNeverCameStopsCountingAfterAWhile() {
        executor("executor-a", 1, 0);
        executor("executor-b", 1, 1);
        TaskRouter router = router(2);
        int lost = router.route("r/lost", NOW);
        assertNotEquals(lost, router.route("r/1", NOW.plusSeconds(1)));
        router.finished("r/1");

        int later = router.route("r/2", NOW.plus(Duration.ofMinutes(3)));
        router.finished("r/2");
        int evenLater = router.route("r/3", NOW.plus(Duration.ofMinutes(3)));

        assertTrue(later != evenLater, "both executors are free again, so they take turns: " + later + ", " + evenLater);
    }
}

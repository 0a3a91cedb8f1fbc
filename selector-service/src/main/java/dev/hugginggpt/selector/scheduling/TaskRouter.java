package dev.hugginggpt.selector.scheduling;

import dev.hugginggpt.protocol.ExecutorHeartbeat;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Which hg.tasks partition a ready task goes to. A partition is consumed by one executor, and a task waits there
 * until that executor has a free slot, however idle the others are; so the task goes to the executor with the most
 * free slots (its tasks in flight counted from this selector's own dispatches), and there to its least loaded
 * partition. Executors announce their partitions and slots in their heartbeats; until any has, and for partitions no
 * live executor claims, dispatch falls back to turning round all partitions.
 */
public final class TaskRouter {
    private record InFlight(int partition, Instant since) {
    }

    private final int partitions;
    private final Duration forgetAfter;
    private final Supplier<List<ExecutorHeartbeat>> executors;
    private final Map<String, InFlight> inFlight = new HashMap<>();
    private int turn;

    /**
     * @param forgetAfter a dispatch whose result never came (its executor died, the task was redelivered elsewhere)
     *                    stops counting against its partition after this long
     */
    public TaskRouter(int partitions, Duration forgetAfter, Supplier<List<ExecutorHeartbeat>> executors) {
        this.partitions = partitions;
        this.forgetAfter = forgetAfter;
        this.executors = executors;
    }

    /** Chooses the partition of a task about to be dispatched, and counts it there until {@link #finished}. */
    public synchronized int route(String taskKey, Instant now) {
        forgetStale(now);
        int partition = choose();
        inFlight.put(taskKey, new InFlight(partition, now));
        return partition;
    }

    public synchronized void finished(String taskKey) {
        inFlight.remove(taskKey);
    }

    private int choose() {
        int[] load = new int[partitions];
        inFlight.values().forEach(f -> load[f.partition()]++);
        List<ExecutorHeartbeat> owners = executors.get().stream()
                .filter(e -> !e.stopping() && !ownPartitions(e).isEmpty())
                .sorted(Comparator.comparing(ExecutorHeartbeat::instanceId))
                .toList();
        int start = turn++;
        if (owners.isEmpty()) {
            return Math.floorMod(start, partitions);
        }
        // the most free slots, then the fewest tasks; equals take turns
        ExecutorHeartbeat freest = null;
        for (int i = 0; i < owners.size(); i++) {
            ExecutorHeartbeat e = owners.get(Math.floorMod(start + i, owners.size()));
            if (freest == null || BY_LOAD.compare(Load.of(e, tasksOn(e, load)), Load.of(freest, tasksOn(freest, load))) < 0) {
                freest = e;
            }
        }
        List<Integer> own = ownPartitions(freest);
        int best = own.get(Math.floorMod(start, own.size()));
        for (int i = 0; i < own.size(); i++) {
            int candidate = own.get(Math.floorMod(start + i, own.size()));
            if (load[candidate] < load[best]) {
                best = candidate;
            }
        }
        return best;
    }

    private record Load(int free, int busy) {
        static Load of(ExecutorHeartbeat executor, int busy) {
            return new Load(Math.max(executor.slots(), 1) - busy, busy);
        }
    }

    private static final Comparator<Load> BY_LOAD = Comparator.comparingInt((Load l) -> -l.free()).thenComparingInt(Load::busy);

    private List<Integer> ownPartitions(ExecutorHeartbeat executor) {
        return executor.taskPartitions().stream().filter(p -> p >= 0 && p < partitions).toList();
    }

    private static int tasksOn(ExecutorHeartbeat executor, int[] load) {
        return executor.taskPartitions().stream().filter(p -> p >= 0 && p < load.length).mapToInt(p -> load[p]).sum();
    }

    private void forgetStale(Instant now) {
        Instant cutoff = now.minus(forgetAfter);
        inFlight.values().removeIf(f -> f.since().isBefore(cutoff));
    }
}

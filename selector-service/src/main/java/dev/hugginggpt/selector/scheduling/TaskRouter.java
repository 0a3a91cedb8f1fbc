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
        List<Owner> owners = executors.get().stream()
                .filter(e -> !e.stopping())
                .sorted(Comparator.comparing(ExecutorHeartbeat::instanceId))
                .map(e -> Owner.of(e, partitions, load))
                .filter(o -> !o.partitions().isEmpty())
                .toList();
        int start = turn++;
        if (owners.isEmpty()) {
            return Math.floorMod(start, partitions);
        }
        // the most free slots, then the fewest tasks; equals take turns
        Owner freest = owners.get(Math.floorMod(start, owners.size()));
        for (int i = 1; i < owners.size(); i++) {
            Owner candidate = owners.get(Math.floorMod(start + i, owners.size()));
            if (BY_LOAD.compare(candidate, freest) < 0) {
                freest = candidate;
            }
        }
        List<Integer> own = freest.partitions();
        int best = own.get(Math.floorMod(start, own.size()));
        for (int i = 0; i < own.size(); i++) {
            int candidate = own.get(Math.floorMod(start + i, own.size()));
            if (load[candidate] < load[best]) {
                best = candidate;
            }
        }
        return best;
    }

    /** A live executor's partitions (those that exist), its free slots and its tasks in flight. */
    private record Owner(List<Integer> partitions, int free, int busy) {
        static Owner of(ExecutorHeartbeat executor, int partitionCount, int[] load) {
            List<Integer> own = executor.taskPartitions().stream().filter(p -> p >= 0 && p < partitionCount).toList();
            int busy = own.stream().mapToInt(p -> load[p]).sum();
            return new Owner(own, Math.max(executor.slots(), 1) - busy, busy);
        }
    }

    private static final Comparator<Owner> BY_LOAD = Comparator.comparingInt((Owner o) -> -o.free()).thenComparingInt(Owner::busy);

    private void forgetStale(Instant now) {
        Instant cutoff = now.minus(forgetAfter);
        inFlight.values().removeIf(f -> f.since().isBefore(cutoff));
    }
}

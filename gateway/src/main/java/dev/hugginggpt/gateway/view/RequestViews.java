package dev.hugginggpt.gateway.view;

import dev.hugginggpt.gateway.config.GatewayConfig;
import dev.hugginggpt.protocol.EventType;
import dev.hugginggpt.protocol.RequestEvent;
import dev.hugginggpt.protocol.RequestStatus;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Request views materialized from hg.events. Every gateway instance reads every event, so any
 * instance answers for any request; the oldest requests are forgotten past a configured number.
 */
@ApplicationScoped
public class RequestViews {
    private final Map<String, RequestRecord> records;
    private final Map<String, List<MultiEmitter<? super SequencedEvent>>> subscribers = new LinkedHashMap<>();
    private final Map<String, List<CompletableFuture<RequestView>>> waiters = new LinkedHashMap<>();
    private final Map<String, List<Settling>> settling = new HashMap<>();
    /** Which request produced each resource, so that an access check does not scan every record. */
    private final Map<String, RequestRecord> producers = new HashMap<>();
    /** Unfinished requests per tenant, kept as records change: the admission check must not scan every record. */
    private final Map<String, Integer> active = new java.util.HashMap<>();
    /** The records counted in {@link #active}: the ones a sweep for stalled requests looks at. */
    private final Set<RequestRecord> unfinished = new java.util.LinkedHashSet<>();

    /** Waits until the view holds these tasks' terminal results. */
    private record Settling(Set<Integer> taskIds, CompletableFuture<Void> settled) {
    }

    @Inject
    public RequestViews(GatewayConfig config) {
        this(config.limits().maxRequestsInMemory());
    }

    /** Forgets the oldest requests past {@code limit}. */
    public RequestViews(int limit) {
        this.records = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, RequestRecord> eldest) {
                if (size() > limit) {
                    uncount(eldest.getValue());
                    eldest.getValue().producedResources.forEach(id -> producers.remove(id, eldest.getValue()));
                    return true;
                }
                return false;
            }
        };
    }

    public void apply(RequestEvent event) {
        if (event.type() == EventType.ANSWER_DELTA) {
            passOn(event);
            return;
        }
        List<MultiEmitter<? super SequencedEvent>> listeners;
        List<CompletableFuture<RequestView>> done = List.of();
        RequestView view = null;
        List<CompletableFuture<Void>> settled = List.of();
        SequencedEvent sequenced;
        synchronized (this) {
            RequestRecord record = records.computeIfAbsent(event.requestId(), RequestRecord::new);
            if (isDuplicate(record, event)) {
                return;
            }
            record.apply(event);
            sequenced = new SequencedEvent(record.events.size(), event);
            if (event.type() == EventType.TASK_FINISHED) {
                record.producedResources.forEach(id -> producers.putIfAbsent(id, record));
            }
            recount(record);
            settled = takeSettled(record);
            listeners = List.copyOf(subscribers.getOrDefault(event.requestId(), List.of()));
            if (record.isTerminal()) {
                view = record.view();
                done = Optional.ofNullable(waiters.remove(event.requestId())).orElse(List.of());
                subscribers.remove(event.requestId());
            }
        }
        for (MultiEmitter<? super SequencedEvent> listener : listeners) {
            listener.emit(sequenced);
            if (view != null) {
                listener.complete();
            }
        }
        for (CompletableFuture<RequestView> waiter : done) {
            waiter.complete(view);
        }
        settled.forEach(s -> s.complete(null));
    }

    /** A piece of the answer goes to the request's listeners of the moment, if it is still being answered. */
    private void passOn(RequestEvent delta) {
        List<MultiEmitter<? super SequencedEvent>> listeners;
        synchronized (this) {
            RequestRecord record = records.get(delta.requestId());
            if (record == null || record.isTerminal()) {
                return;
            }
            listeners = List.copyOf(subscribers.getOrDefault(delta.requestId(), List.of()));
        }
        SequencedEvent unkept = new SequencedEvent(0, delta);
        listeners.forEach(listener -> listener.emit(unkept));
    }

    /** Those waiting on the record whose tasks are all terminal now. Called under the lock. */
    private List<CompletableFuture<Void>> takeSettled(RequestRecord record) {
        List<Settling> waiting = settling.get(record.id);
        if (waiting == null) {
            return List.of();
        }
        List<CompletableFuture<Void>> settled = new ArrayList<>();
        waiting.removeIf(s -> record.tasksTerminal(s.taskIds()) && settled.add(s.settled()));
        if (waiting.isEmpty()) {
            settling.remove(record.id);
        }
        return settled;
    }

    /** The gateway applies its own ACCEPTED at once and again when it comes back from Kafka. */
    private static boolean isDuplicate(RequestRecord record, RequestEvent event) {
        return record.events.stream().anyMatch(e -> e.type() == event.type() && e.at().equals(event.at())
                && java.util.Objects.equals(e.taskId(), event.taskId()) && java.util.Objects.equals(e.source(), event.source()));
    }

    public synchronized Optional<RequestView> find(String id) {
        return Optional.ofNullable(records.get(id)).map(RequestRecord::view);
    }

    /** The request, if it belongs to the tenant; another tenant's request is as if it did not exist. */
    public synchronized Optional<RequestView> find(String id, String tenant) {
        RequestRecord record = records.get(id);
        return record != null && tenant.equals(record.tenant()) ? Optional.of(record.view()) : Optional.empty();
    }

    /** A request that has had no event for longer than it may, and what it was doing. */
    public record Stalled(String requestId, RequestStatus status, java.time.Duration idle) {
    }

    /**
     * Unfinished requests with no event for longer than {@code limit}, or than their own task time limit and a minute
     * more when that is longer. A request accepted by another gateway instance is given twice as long, so that its
     * own instance, while it lives, is the one that ends it.
     */
    public synchronized List<Stalled> stalled(long nowNanos, java.time.Duration limit, String thisInstance) {
        List<Stalled> stalled = new ArrayList<>();
        for (RequestRecord record : unfinished) {
            if (record.awaitingSince() != null) {
                continue; // waiting for a person is not a stall: the approval timeout ends it
            }
            java.time.Duration allowed = limit;
            if (record.taskTimeoutSeconds() != null) {
                java.time.Duration task = java.time.Duration.ofSeconds(record.taskTimeoutSeconds() + 60L);
                allowed = task.compareTo(allowed) > 0 ? task : allowed;
            }
            if (!thisInstance.equals(record.acceptedBy())) {
                allowed = allowed.multipliedBy(2);
            }
            java.time.Duration idle = record.idleFor(nowNanos);
            if (idle.compareTo(allowed) > 0) {
                stalled.add(new Stalled(record.id, record.status(), idle));
            }
        }
        return stalled;
    }

    /**
     * The plan of the tenant's request that waits for approval, claimed: until {@link #releaseApproval} no other call
     * on this instance gets it. Empty when the request is not the tenant's or does not wait (any more).
     */
    public synchronized Optional<dev.hugginggpt.protocol.Plan> claimApproval(String id, String tenant) {
        RequestRecord record = records.get(id);
        if (record == null || !tenant.equals(record.tenant())) {
            return Optional.empty();
        }
        Optional<dev.hugginggpt.protocol.Plan> plan = record.awaitingPlan();
        plan.ifPresent(p -> record.approvalClaimed = true);
        return plan;
    }

    /** An approval that was not sent: the plan waits again. */
    public synchronized void releaseApproval(String id) {
        RequestRecord record = records.get(id);
        if (record != null) {
            record.approvalClaimed = false;
        }
    }

    /** Requests whose plan has waited for approval since before {@code cutoff} (by the time of their event). */
    public synchronized List<String> awaitingSince(java.time.Instant cutoff) {
        List<String> expired = new ArrayList<>();
        for (RequestRecord record : unfinished) {
            java.time.Instant since = record.awaitingSince();
            if (since != null && since.isBefore(cutoff)) {
                expired.add(record.id);
            }
        }
        return expired;
    }

    /** The request's stage here, if this view holds it. */
    public synchronized Optional<RequestStatus> status(String id) {
        return Optional.ofNullable(records.get(id)).map(RequestRecord::status);
    }

    /** Whether this view holds the request and it is neither DONE nor FAILED. */
    public synchronized boolean isUnfinished(String id) {
        RequestRecord record = records.get(id);
        return record != null && !record.isTerminal();
    }

    /** Requests of the tenant not yet DONE or FAILED. */
    public synchronized long activeRequests(String tenant) {
        return active.getOrDefault(tenant, 0);
    }

    /** Counts the record as active while it has a tenant and is not finished. Called under the lock. */
    private void recount(RequestRecord record) {
        boolean isActive = record.tenant() != null && !record.isTerminal();
        if (isActive && !record.countedActive) {
            active.merge(record.tenant(), 1, Integer::sum);
            unfinished.add(record);
            record.countedActive = true;
        } else if (!isActive) {
            uncount(record);
        }
    }

    private void uncount(RequestRecord record) {
        if (record.countedActive) {
            active.computeIfPresent(record.tenant(), (t, n) -> n > 1 ? n - 1 : null);
            unfinished.remove(record);
            record.countedActive = false;
        }
    }

    /** Whether one of the tenant's requests produced this resource. */
    public synchronized boolean produced(String resourceId, String tenant) {
        RequestRecord producer = producers.get(resourceId);
        return producer != null && tenant.equals(producer.tenant());
    }

    /** Completes with the view once the request is DONE or FAILED. */
    public synchronized CompletableFuture<RequestView> whenTerminal(String id) {
        RequestRecord record = records.get(id);
        if (record != null && record.isTerminal()) {
            return CompletableFuture.completedFuture(record.view());
        }
        CompletableFuture<RequestView> future = new CompletableFuture<>();
        waiters.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(future);
        return future;
    }

    /**
     * Completes once the view holds a terminal result for each of these tasks of the request: an answer written
     * then lands in hg.events after the events it answers, so every instance shows the tasks before DONE. A caller
     * that gives up completes the future exceptionally (e.g. {@code orTimeout}), which forgets the wait.
     */
    public synchronized CompletableFuture<Void> whenTasksTerminal(String id, Set<Integer> taskIds) {
        RequestRecord record = records.get(id);
        if (taskIds.isEmpty() || record != null && record.tasksTerminal(taskIds)) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> future = new CompletableFuture<>();
        Settling mine = new Settling(Set.copyOf(taskIds), future);
        settling.computeIfAbsent(id, k -> new ArrayList<>()).add(mine);
        future.whenComplete((ok, failure) -> {
            if (failure != null) {
                forget(id, mine);
            }
        });
        return future;
    }

    /** Waits for tasks not yet over. */
    synchronized int tasksWaits() {
        return settling.values().stream().mapToInt(List::size).sum();
    }

    /** A wait given up (timed out or cancelled by its caller). */
    private synchronized void forget(String id, Settling gone) {
        List<Settling> waiting = settling.get(id);
        if (waiting != null && waiting.remove(gone) && waiting.isEmpty()) {
            settling.remove(id);
        }
    }

    /**
     * The request's events after the {@code after}th (0: all of them), then live ones (with the pieces of the answer
     * as an LLM writes it), ending after DONE or FAILED.
     */
    public Multi<SequencedEvent> stream(String id, long after) {
        return Multi.createFrom().emitter(emitter -> {
            List<RequestEvent> history;
            boolean terminal;
            synchronized (this) {
                RequestRecord record = records.get(id);
                history = record == null ? List.of() : new ArrayList<>(record.events);
                terminal = record != null && record.isTerminal();
                if (!terminal) {
                    List<MultiEmitter<? super SequencedEvent>> list = subscribers.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>());
                    list.add(emitter);
                    emitter.onTermination(() -> list.remove(emitter));
                }
                for (int i = (int) Math.min(Math.max(after, 0), history.size()); i < history.size(); i++) {
                    emitter.emit(new SequencedEvent(i + 1, history.get(i)));
                }
            }
            if (terminal) {
                emitter.complete();
            }
        });
    }

    /** How many events the request's history holds here, and whether it is over; empty when this gateway has no such request. */
    public synchronized Optional<HistoryEnd> historyEnd(String id) {
        RequestRecord record = records.get(id);
        return record == null ? Optional.empty() : Optional.of(new HistoryEnd(record.events.size(), record.isTerminal()));
    }

    /** The number of events kept for a request, and whether the last of them ended it. */
    public record HistoryEnd(long events, boolean over) {
    }
}

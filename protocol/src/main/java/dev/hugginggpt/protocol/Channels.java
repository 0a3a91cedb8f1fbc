package dev.hugginggpt.protocol;

/**
 * The names of the services' Reactive Messaging channels, for {@code @Incoming} and {@code @Channel}. A service's
 * application.properties configures each under {@code mp.messaging.incoming.<name>} with the topics it reads, and the
 * one outgoing channel under {@code mp.messaging.outgoing.records} (in the settings every service shares);
 * TopicSettingsTest holds those settings to {@link Topics}.
 */
public final class Channels {
    /**
     * Every service's one outgoing channel, so its one Kafka producer: each record names its topic ({@link TopicWriter}),
     * and records handed over together share a produce request.
     */
    public static final String RECORDS = "records";
    /** The planner's requests, {@link Topics#REQUESTS}. */
    public static final String REQUESTS = "requests";
    /** The executors' heartbeats, {@link Topics#EXECUTORS}: read by the planner, the selector and the gateway. */
    public static final String EXECUTORS = "executors";
    /**
     * The selector's one consumer of {@link Topics#PLANS} (plans and cancels) and {@link Topics#TASK_RESULTS}, so that
     * a request's plan and its tasks' results come to the same instance.
     */
    public static final String SCHEDULING = "scheduling";
    /** The executors' tasks, {@link Topics#TASKS}. */
    public static final String TASKS = "tasks";
    /** The selector's cancels to every executor, {@link Topics#CONTROLS}. */
    public static final String CONTROLS = "controls";
    /** The events every gateway instance materializes, {@link Topics#EVENTS}. */
    public static final String EVENTS_IN = "events-in";
    /** The outcomes the gateway answers, {@link Topics#OUTCOMES}. */
    public static final String OUTCOMES = "outcomes";
    /** The records a consumer could not use, {@link Topics#DEAD_LETTERS}: the gateway fails their requests. */
    public static final String DEAD_LETTERS = "dead-letters";

    private Channels() {
    }
}

package dev.hugginggpt.protocol;

/**
 * The Kafka topics, each with the type of its records. Every record is keyed by request id, except on {@link #TASKS}
 * ({@code requestId/taskId}, see TaskDispatch) and {@link #EXECUTORS} (the executor's id). The services'
 * application.properties name the topics their channels read ({@link Channels}); TopicSettingsTest holds those names
 * to these.
 */
public final class Topics {
    public static final Topic<UserRequest> REQUESTS = new Topic<>("hg.requests", UserRequest.class);
    public static final Topic<Plan> PLANS = new Topic<>("hg.plans", Plan.class);
    /**
     * A cancel from the gateway travels on {@link #PLANS}, keyed by its request, so it reaches the selector instance
     * that schedules the request after the request's plan; its {@link #RECORD_TYPE} header tells it from a plan.
     */
    public static final Topic<Cancel> PLAN_CANCELS = new Topic<>(PLANS.name(), Cancel.class, Cancel.RECORD_TYPE);
    public static final Topic<TaskDispatch> TASKS = new Topic<>("hg.tasks", TaskDispatch.class);
    public static final Topic<TaskResult> TASK_RESULTS = new Topic<>("hg.task-results", TaskResult.class);
    /** One event, or several of one request written together as a JSON array ({@link TopicWriter#sendEvents}). */
    public static final Topic<RequestEvent> EVENTS = new Topic<>("hg.events", RequestEvent.class);
    public static final Topic<Outcome> OUTCOMES = new Topic<>("hg.outcomes", Outcome.class);
    public static final Topic<ExecutorHeartbeat> EXECUTORS = new Topic<>("hg.executors", ExecutorHeartbeat.class);
    /**
     * The selector's word to every executor (each reads all of it, in a group of its own): a {@link Cancel} stops the
     * request's running tasks and its queued ones are not started.
     */
    public static final Topic<Cancel> CONTROLS = new Topic<>("hg.controls", Cancel.class);
    /**
     * Records a consumer could not read or use, as the bytes they were, each with its reason and its source topic,
     * partition and offset in the headers {@code dead-letter-reason}, {@code dead-letter-topic},
     * {@code dead-letter-partition} and {@code dead-letter-offset}, its key as it was.
     */
    public static final Topic<byte[]> DEAD_LETTERS = new Topic<>("hg.dead-letters", byte[].class);
    /**
     * The selector's DAG state, compacted: a snapshot (JSON bytes) of each running request, a tombstone when it ends.
     * The selector alone writes and reads it, with a producer of its own ({@code hg.selector.state-topic}).
     */
    public static final Topic<byte[]> SELECTOR_STATE = new Topic<>("hg.selector-state", byte[].class);
    /**
     * The header naming the type of a record on a topic that carries more than one: on {@link #PLANS}, {@code cancel}
     * for a {@link Cancel} ({@link #PLAN_CANCELS}); a record without it is a {@link Plan}.
     */
    public static final String RECORD_TYPE = "hg-record-type";

    /** The request a record's key names: every key is a request id, or {@code requestId/taskId} on {@link #TASKS}. */
    public static String requestOfKey(String key) {
        if (key == null) {
            return null;
        }
        int slash = key.indexOf('/');
        return slash < 0 ? key : key.substring(0, slash);
    }

    private Topics() {
    }
}

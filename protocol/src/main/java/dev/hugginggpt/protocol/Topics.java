package dev.hugginggpt.protocol;

/** Kafka topic names. Every record is keyed by request id, except {@link #TASKS} (see TaskDispatch). */
public final class Topics {
    public static final String REQUESTS = "hg.requests";
    public static final String PLANS = "hg.plans";
    public static final String TASKS = "hg.tasks";
    public static final String TASK_RESULTS = "hg.task-results";
    public static final String EVENTS = "hg.events";
    public static final String OUTCOMES = "hg.outcomes";
    public static final String EXECUTORS = "hg.executors";

    private Topics() {
    }
}

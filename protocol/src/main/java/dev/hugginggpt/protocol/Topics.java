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
    /**
     * The selector's word to every executor (each reads all of it, in a group of its own): a {@link Cancel} stops the
     * request's running tasks and its queued ones are not started.
     */
    public static final String CONTROLS = "hg.controls";
    /**
     * The header naming the type of a record on a topic that carries more than one: on {@link #PLANS}, {@code cancel}
     * for a {@link Cancel}; a record without it is a {@link Plan}.
     */
    public static final String RECORD_TYPE = "hg-record-type";
    /**
     * Records a consumer could not read or use, each with its reason and its source topic, partition and offset in the
     * headers {@code dead-letter-reason}, {@code dead-letter-topic}, {@code dead-letter-partition} and
     * {@code dead-letter-offset}, its key as it was.
     */
    public static final String DEAD_LETTERS = "hg.dead-letters";

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

package dev.hugginggpt.protocol;

public enum EventType {
    /** The gateway accepted the request ({@code request} set). */
    ACCEPTED,
    /** The planner produced a valid plan ({@code plan} set). */
    PLANNED,
    /** Planning failed ({@code message} says why). */
    PLANNING_FAILED,
    /** The selector chose the models of the plan's tasks in one LLM call ({@code usage}, {@code message} set). */
    MODELS_CHOSEN,
    /** A model was chosen for a task ({@code taskId}, {@code choice} set). */
    TASK_SELECTED,
    /**
     * An executor started a task ({@code taskId}, {@code message} names the executor). Sent only for a task still
     * running a moment after it started (250 ms by default): a quicker task goes from TASK_SELECTED to TASK_FINISHED,
     * whose result says when it started and on which executor.
     */
    TASK_STARTED,
    /** A task reached a terminal state ({@code result} set). */
    TASK_FINISHED,
    /** Every task is terminal; response generation begins. */
    RESPONDING,
    /**
     * A piece of the answer as the LLM writes it ({@code message} holds the text that follows the pieces before it).
     * Sent only while an LLM writes the answer, a few a second at most; not kept in the request's history: DONE
     * carries the whole answer, which begins with every piece sent.
     */
    ANSWER_DELTA,
    /** The answer is ready ({@code answer} set). */
    DONE,
    /** The request failed ({@code message} says why). */
    FAILED
}

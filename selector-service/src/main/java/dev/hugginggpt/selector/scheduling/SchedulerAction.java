package dev.hugginggpt.selector.scheduling;

import dev.hugginggpt.protocol.Outcome;
import dev.hugginggpt.protocol.RequestEvent;
import dev.hugginggpt.protocol.TaskDispatch;

/** What the scheduler wants sent, in order. */
public sealed interface SchedulerAction {
    /** The request the action is about. */
    String requestId();

    record Dispatch(TaskDispatch task) implements SchedulerAction {
        @Override
        public String requestId() {
            return task.requestId();
        }
    }

    record Event(RequestEvent event) implements SchedulerAction {
        @Override
        public String requestId() {
            return event.requestId();
        }
    }

    record Finish(Outcome outcome) implements SchedulerAction {
        @Override
        public String requestId() {
            return outcome.requestId();
        }
    }
}

package dev.hugginggpt.selector.scheduling;

import dev.hugginggpt.protocol.Outcome;
import dev.hugginggpt.protocol.RequestEvent;
import dev.hugginggpt.protocol.TaskDispatch;

/** What the scheduler wants sent, in order. */
public sealed interface SchedulerAction {
    record Dispatch(TaskDispatch task) implements SchedulerAction {
    }

    record Event(RequestEvent event) implements SchedulerAction {
    }

    record Finish(Outcome outcome) implements SchedulerAction {
    }
}

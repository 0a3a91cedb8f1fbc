package dev.hugginggpt.planner.plan;

import dev.hugginggpt.protocol.UserRequest;

/** Stage 1: turns a request (and the conversation so far) into a validated plan. */
public interface TaskPlanner {
    String name();

    PlanningResult plan(UserRequest request);
}

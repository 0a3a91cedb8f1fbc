package dev.hugginggpt.planner.bench;

import dev.hugginggpt.planner.plan.PlanningResult;
import dev.hugginggpt.planner.plan.TaskPlanner;
import dev.hugginggpt.protocol.UserRequest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A plan and what making it took: wall-clock nanoseconds, and the planning thread's CPU nanoseconds (which other work on
 * a busy machine does not inflate). A planner that throws has failed the request.
 */
record TimedPlan(PlanningResult result, long nanos, long cpuNanos) {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    static TimedPlan of(TaskPlanner planner, UserRequest request) {
        long cpuStart = CPU.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        PlanningResult result;
        try {
            result = planner.plan(request);
        } catch (RuntimeException e) {
            result = PlanningResult.failed(planner.name(), null, e.toString());
        }
        long nanos = System.nanoTime() - start;
        return new TimedPlan(result, nanos, CPU.getCurrentThreadCpuTime() - cpuStart);
    }
}

package dev.hugginggpt.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * One request as the load generator saw it: the HTTP status, the request view the gateway returned, and the time
 * from the moment it was due to be sent (open loop: not when the client got round to it) to the full answer.
 */
public record ChatOutcome(int httpStatus, JsonNode view, double e2eMillis, Instant sentAt, Instant answeredAt, String error) {

    public String requestId() {
        return view == null ? null : view.path("id").asText(null);
    }

    public String status() {
        return view == null ? null : view.path("status").asText(null);
    }

    /** Answered DONE within the deadline. */
    public boolean done() {
        return httpStatus == 200 && "DONE".equals(status());
    }

    /** Done, and every task succeeded. */
    public boolean succeeded() {
        return done() && tasks().stream().allMatch(t -> "SUCCEEDED".equals(t.status()));
    }

    public List<TaskTiming> tasks() {
        return view == null ? List.of() : TaskTiming.fromView(view);
    }

    /** Model time: the critical path of the tasks' run times. */
    public double modelMillis() {
        return Dag.criticalPathMillis(tasks());
    }

    /** End to end minus model time: what the pipeline itself cost. */
    public double overheadMillis() {
        return e2eMillis - modelMillis();
    }

    /** Why it is not done: HTTP status, request status, or the client's error. */
    public String problem() {
        if (done()) {
            return null;
        }
        if (error != null) {
            return error;
        }
        return httpStatus != 200 ? "HTTP " + httpStatus : "status " + status();
    }
}

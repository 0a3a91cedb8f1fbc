package dev.hugginggpt.planner.llm;

public class PlanParseException extends RuntimeException {
    public PlanParseException(String message) {
        super(message);
    }
}

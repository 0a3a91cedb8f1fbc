package dev.hugginggpt.protocol;

public enum TaskStatus {
    PENDING, SELECTED, RUNNING, SUCCEEDED, FAILED, SKIPPED;

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == SKIPPED;
    }
}

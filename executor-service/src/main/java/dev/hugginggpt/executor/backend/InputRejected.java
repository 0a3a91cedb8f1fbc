package dev.hugginggpt.executor.backend;

/**
 * The task's input itself cannot be used (no text, a file that cannot be decoded): any other model would fail on it the
 * same way, so the selector tries none.
 */
public class InputRejected extends ModelException {
    public InputRejected(String message) {
        super(message);
    }
}

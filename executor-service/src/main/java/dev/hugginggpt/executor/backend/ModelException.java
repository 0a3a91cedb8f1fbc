package dev.hugginggpt.executor.backend;

/** A model could not produce a result; the message is shown to the user as the task's failure reason. */
public class ModelException extends Exception {
    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}

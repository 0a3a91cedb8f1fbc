package dev.hugginggpt.executor.local.runtime;

import dev.hugginggpt.executor.backend.ModelException;

/** A program ended on its own with an error (its exit status and the start of what it wrote to stderr). */
public final class ProgramFailed extends ModelException {
    ProgramFailed(String message) {
        super(message);
    }
}

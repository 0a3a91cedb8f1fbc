package dev.hugginggpt.protocol;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Stage of a request.")
public enum RequestStatus {
    PLANNING, SELECTING, RUNNING, RESPONDING, DONE, FAILED;

    public boolean isTerminal() {
        return this == DONE || this == FAILED;
    }
}

package dev.hugginggpt.protocol;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Stage of a request. AWAITING_APPROVAL: planned, and waiting for POST /v1/requests/{id}/approve (options.approval: required).")
public enum RequestStatus {
    PLANNING, AWAITING_APPROVAL, SELECTING, RUNNING, RESPONDING, DONE, FAILED;

    public boolean isTerminal() {
        return this == DONE || this == FAILED;
    }
}

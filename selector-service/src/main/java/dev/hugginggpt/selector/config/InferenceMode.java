package dev.hugginggpt.selector.config;

/** Which backends may serve tasks. */
public enum InferenceMode {
    LOCAL, REMOTE, HYBRID;

    public boolean allows(String backend) {
        boolean local = "local".equals(backend);
        return this == HYBRID || (this == LOCAL) == local;
    }
}

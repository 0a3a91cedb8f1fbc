package dev.hugginggpt.executor.local.runtime;

import dev.hugginggpt.executor.backend.ModelException;

/** A TensorFlow Lite network from the classpath, loaded on its first use, once, however many tasks ask at the same time. */
public final class LazyNetwork {
    private final String resource;
    private volatile TfLiteNetwork network;

    public LazyNetwork(String resource) {
        this.resource = resource;
    }

    /** Whether DJL's TFLite engine and the network's file are on the classpath. */
    public boolean available() {
        return TfLiteNetwork.engineAvailable() && TfLiteNetwork.resourceExists(resource);
    }

    public TfLiteNetwork get() throws ModelException {
        if (network == null) {
            synchronized (this) {
                if (network == null) {
                    network = TfLiteNetwork.load(resource);
                }
            }
        }
        return network;
    }
}

package dev.hugginggpt.executor.local.text;

import dev.hugginggpt.executor.local.model.AbstractLocalModel;
import dev.hugginggpt.executor.local.runtime.MiniLm;

/**
 * A model built on the shared all-MiniLM-L6-v2 sentence encoder (quantized ONNX in the langchain4j jar, Apache-2.0):
 * installed wherever the executor is, loaded with the encoder.
 */
abstract class MiniLmModel extends AbstractLocalModel {
    protected final MiniLm encoder;

    MiniLmModel(MiniLm encoder, String id, String task, String description) {
        super(id, task, description, "Apache-2.0");
        this.encoder = encoder;
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public void load() {
        encoder.load();
    }
}

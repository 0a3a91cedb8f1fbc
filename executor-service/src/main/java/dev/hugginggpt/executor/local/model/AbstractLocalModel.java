package dev.hugginggpt.executor.local.model;

import dev.hugginggpt.protocol.ModelCard;

/**
 * What every local model shares: the card it is offered under, made once from its id, task type, description and
 * licence ({@code local} backend, no Hugging Face downloads or likes). A model says what it needs installed
 * ({@link #available()}) and loads its weights ({@link #load()}) itself.
 */
public abstract class AbstractLocalModel implements LocalModel {
    private final ModelCard card;

    protected AbstractLocalModel(String id, String task, String description, String license) {
        this.card = new ModelCard(id, task, "local", 0, 0, description, license);
    }

    @Override
    public ModelCard card() {
        return card;
    }
}

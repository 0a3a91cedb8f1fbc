package dev.hugginggpt.executor.local.model;

import dev.hugginggpt.executor.backend.ModelException;
import dev.hugginggpt.executor.local.runtime.OpenCv;

/** A model built on OpenCV's natives: installed when they are on the classpath, loaded with them. */
public interface OpenCvModel extends LocalModel {
    @Override
    default boolean available() {
        return OpenCv.available();
    }

    @Override
    default void load() throws ModelException {
        OpenCv.load();
    }
}

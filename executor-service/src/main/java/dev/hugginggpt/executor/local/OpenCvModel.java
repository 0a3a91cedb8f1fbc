package dev.hugginggpt.executor.local;

import dev.hugginggpt.executor.backend.ModelException;

/** A model built on OpenCV's natives: installed when they are on the classpath, loaded with them. */
interface OpenCvModel extends LocalModel {
    @Override
    default boolean available() {
        return OpenCv.available();
    }

    @Override
    default void load() throws ModelException {
        OpenCv.load();
    }
}
